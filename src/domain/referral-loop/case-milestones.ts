import { DateTime } from 'luxon';
import type { CaseMilestones } from './practice-month';
import type { ReferralCase } from './referral-case';

const LONDON = 'Europe/London';

/**
 * The start and end (UTC ISO, end not included) of a London calendar month such as "2026-11":
 * a referral made at 00:30 on 1 November in summer time belongs to November, not October.
 */
export function londonMonthBounds(month: string): { from: string; to: string } {
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: LONDON }).startOf('month');
  return {
    from: start.toUTC().toISO() ?? '',
    to: start.plus({ months: 1 }).toUTC().toISO() ?? '',
  };
}

/**
 * What the monthly practice card counts of a case: when it was made, accepted, first contacted
 * and first seen. A first session held with no first contact recorded counts as the first
 * contact too, since the person was reached then at the latest.
 */
export function caseMilestones(referralCase: ReferralCase): CaseMilestones {
  const reached = referralCase.reached ?? {};
  const firstContact = reached['first-contact'] ?? reached['first-session'];
  return {
    practice: referralCase.practice,
    createdAt: referralCase.createdAt,
    ...(reached.accepted ? { acceptedAt: reached.accepted } : {}),
    ...(firstContact ? { firstContactAt: firstContact } : {}),
    ...(reached['first-session'] ? { firstSessionAt: reached['first-session'] } : {}),
    notForCoachingReason: referralCase.notForCoachingReason,
  };
}
