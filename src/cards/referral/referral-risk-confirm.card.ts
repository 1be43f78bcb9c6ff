import { z } from 'zod';
import type { RiskCategory } from '../../domain/risk/risk-categories';
import { urgentRouteFor } from '../../domain/risk/risk-net';
import template from './referral-risk-confirm.card.json';
import { expandCard, toAttachment, type CardAttachment } from '../render';

const WHAT: Record<RiskCategory, string> = {
  acute: 'an acute or rapidly worsening illness',
  suicide: 'thoughts of suicide or ending their life',
  'harm-to-others': 'harm to someone else',
  'self-harm': 'self-harm',
  'mental-health-crisis': 'a mental health crisis',
  safeguarding: 'a possible safeguarding concern',
};

export const riskConfirmCardSchema = z.object({
  what: z.string(),
  route: z.enum(['mental-health', 'safeguarding', 'acute']),
});

/** One question for a risk mentioned with a "no" or a "maybe": the urgent route's button first. */
export function renderRiskConfirmCard(category: RiskCategory): CardAttachment {
  return toAttachment(
    expandCard(
      template,
      riskConfirmCardSchema.parse({ what: WHAT[category], route: urgentRouteFor(category) }),
    ),
  );
}
