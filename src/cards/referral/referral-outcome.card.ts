import { z } from 'zod';
import type { PcnConfig, Route } from '../../domain/pcn-config';
import { reasonText } from '../../domain/referral/reasons';
import type { ReferralOutcome } from '../../domain/referral/referral-rules';
import template from './referral-outcome.card.json';
import { expandCard, toAttachment, type CardAttachment } from '../render';

const codeSchema = z.object({ conceptId: z.string(), term: z.string() });

export const referralOutcomeCardSchema = z.object({
  headline: z.string(),
  subheadline: z.string(),
  headlineStyle: z.enum(['good', 'warning', 'emphasis']),
  reasons: z.array(z.string()).min(1),
  routes: z.array(
    z.object({
      name: z.string(),
      howToRefer: z.string(),
      contact: z.string(),
      link: z.string(),
      codes: z.array(codeSchema),
      patientMessage: z.string(),
    }),
  ),
  declined: z.string(),
  declinedCodes: z.array(codeSchema),
  reviewNote: z.string(),
});
export type ReferralOutcomeCardData = z.infer<typeof referralOutcomeCardSchema>;

type NonUrgent = Exclude<ReferralOutcome, { kind: 'urgent' }>;

export function referralOutcomeCardData(
  outcome: NonUrgent,
  pcn: PcnConfig,
  reviewNote: string,
): ReferralOutcomeCardData {
  const routeCard = (route: Route): ReferralOutcomeCardData['routes'][number] => {
    const details = pcn.routes[route];
    return {
      name: details.name,
      howToRefer: details.howToRefer,
      contact: details.contact ?? '',
      link: details.link ?? '',
      codes: details.referralCodes,
      patientMessage: details.patientMessage,
    };
  };
  const context = { minimumAge: pcn.referral.minimumAge };
  const declined = outcome.declined ? pcn.routes[outcome.declined] : undefined;
  const common = {
    reasons: outcome.reasons.map((code) => reasonText(code, context)),
    declined: declined?.name ?? '',
    declinedCodes: declined?.declinedCodes ?? [],
    reviewNote,
  };
  if (outcome.kind === 'no-referral') {
    return {
      ...common,
      headline: 'No referral to these roles suggested now',
      subheadline: 'The reasons are below. Continue usual care, and ask again if things change.',
      headlineStyle: 'warning',
      routes: [],
    };
  }
  const primary = pcn.routes[outcome.primary];
  const secondary = outcome.secondary ? pcn.routes[outcome.secondary] : undefined;
  return {
    ...common,
    headline: `Suggested: refer to the ${primary.name}`,
    subheadline: secondary ? `Also consider the ${secondary.name}.` : '',
    headlineStyle: 'good',
    routes: [outcome.primary, ...(outcome.secondary ? [outcome.secondary] : [])].map(routeCard),
  };
}

export function renderReferralOutcomeCard(data: ReferralOutcomeCardData): CardAttachment {
  return toAttachment(expandCard(template, referralOutcomeCardSchema.parse(data)));
}
