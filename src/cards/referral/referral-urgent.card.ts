import { z } from 'zod';
import type { PcnConfig } from '../../domain/pcn-config';
import template from './referral-urgent.card.json';
import { expandCard, toAttachment, type CardAttachment } from '../render';

export const referralUrgentCardSchema = z.object({
  practices: z
    .array(z.object({ name: z.string(), dutyClinician: z.string(), safeguardingLead: z.string() }))
    .min(1),
  localCrisisLine: z.string(),
  reviewNote: z.string(),
});
export type ReferralUrgentCardData = z.infer<typeof referralUrgentCardSchema>;

export function referralUrgentCardData(pcn: PcnConfig, reviewNote: string): ReferralUrgentCardData {
  return {
    practices: pcn.practices.map(({ name, dutyClinician, safeguardingLead }) => ({
      name,
      dutyClinician,
      safeguardingLead,
    })),
    localCrisisLine: pcn.urgent.localCrisisLine ?? '',
    reviewNote,
  };
}

export function renderReferralUrgentCard(data: ReferralUrgentCardData): CardAttachment {
  return toAttachment(expandCard(template, referralUrgentCardSchema.parse(data)));
}
