import { z } from 'zod';
import type { DateTime } from 'luxon';
import { routeSchema } from '../pcn-config';
import type { UserRole } from '../roles';
import { NOT_REGISTERED, type ReferralAnswers } from './referral-answers';
import { REASON_CODES } from './reasons';
import type { ReferralOutcome } from './referral-rules';

/**
 * The anonymous record kept when a referral conversation ends, for activity reports. It holds the
 * route and reason codes only: nothing about the patient, and not who asked.
 */
export const referralRecordSchema = z.object({
  /** Month of completion, yyyy-MM in Europe/London: the partition key for monthly reports. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  completedAt: z.iso.datetime(),
  /** ODS code of the practice, when the dialog got that far and it is one of ours. */
  practice: z.string().nullable(),
  outcome: z.enum(['urgent', 'refer', 'no-referral']),
  primaryRoute: routeSchema.nullable(),
  secondaryRoute: routeSchema.nullable(),
  declinedRoute: routeSchema.nullable(),
  reasons: z.array(z.enum(REASON_CODES)),
  askedBy: z.enum(['lead', 'coach', 'referrer']),
});

export type ReferralRecord = z.infer<typeof referralRecordSchema>;

export function buildReferralRecord(
  outcome: ReferralOutcome,
  answers: ReferralAnswers,
  completedAt: DateTime,
  askedBy: UserRole,
): ReferralRecord {
  const practice =
    answers.practice && answers.practice !== NOT_REGISTERED ? answers.practice : null;
  return {
    month: completedAt.setZone('Europe/London').toFormat('yyyy-MM'),
    completedAt: completedAt.toUTC().toISO() ?? '',
    practice,
    outcome: outcome.kind,
    primaryRoute: outcome.kind === 'refer' ? outcome.primary : null,
    secondaryRoute: outcome.kind === 'refer' ? (outcome.secondary ?? null) : null,
    declinedRoute: outcome.kind === 'urgent' ? null : (outcome.declined ?? null),
    reasons: [...outcome.reasons],
    askedBy,
  };
}
