import { DateTime } from 'luxon';
import type { CoachProfile, RosterMember } from './roster-member';

/**
 * Who may be offered new referrals: a coach who has completed the PCI-accredited course (on a
 * day that is not in the future) and is taking referrals. `today` is an ISO date (YYYY-MM-DD).
 */
export function offeredForReferrals(coach: CoachProfile, today: string): boolean {
  return whyNotOffered(coach, today).length === 0;
}

/** Why a coach is not offered new referrals, in words for the lead; empty when they are. */
export function whyNotOffered(coach: CoachProfile, today: string): string[] {
  const reasons: string[] = [];
  const { training } = coach;
  if (training.state === 'not-started') {
    reasons.push('has not started the PCI-accredited coaching course');
  } else if (training.state === 'booked') {
    reasons.push('is booked on the PCI-accredited coaching course but has not completed it');
  } else if (training.completedOn > today) {
    reasons.push('has a course completion date in the future');
  }
  if (coach.takingReferrals === 'on-leave') {
    reasons.push('is on leave');
  } else if (coach.takingReferrals === 'caseload-full') {
    reasons.push('has a full caseload');
  }
  return reasons;
}

/** Whether the coach works with this practice: no practices listed means all of them. */
export function coversPractice(coach: CoachProfile, odsCode: string): boolean {
  return coach.practices.length === 0 || coach.practices.includes(odsCode);
}

/** The coaches who may be offered a new referral from this practice today. */
export function coachesForReferral(
  members: readonly RosterMember[],
  odsCode: string,
  today: string,
): RosterMember[] {
  return members.filter(
    (m) =>
      m.coach !== undefined &&
      coversPractice(m.coach, odsCode) &&
      offeredForReferrals(m.coach, today),
  );
}

/** The last day of Tier 1 (12 months in post), or undefined when no start date is recorded. */
export function tierOneUntil(coach: CoachProfile): string | undefined {
  if (coach.startedInPost === undefined) {
    return undefined;
  }
  return (
    DateTime.fromISO(coach.startedInPost, { zone: 'utc' }).plus({ months: 12 }).toISODate() ??
    undefined
  );
}

/** Whether the coach is still in their first 12 months in post on `today`. */
export function isTierOne(coach: CoachProfile, today: string): boolean {
  const until = tierOneUntil(coach);
  return until !== undefined && today < until;
}
