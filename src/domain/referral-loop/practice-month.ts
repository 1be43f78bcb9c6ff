import { DateTime } from 'luxon';
import type { NotForCoachingReason } from './referral-case';
import { suppressChain, type ShownCount } from './small-numbers';

const LONDON = 'Europe/London';

/** When a referral reached each step: what the monthly practice summary is made from. */
export interface CaseMilestones {
  /** The practice's ODS code. */
  practice: string;
  /** UTC ISO times. */
  createdAt: string;
  acceptedAt?: string;
  firstContactAt?: string;
  firstSessionAt?: string;
  notForCoachingReason?: NotForCoachingReason | null;
}

/**
 * One practice's month: the referrals it made in the month (London time) and what has become of
 * them so far. Counts are suppressed as small-numbers.ts says; the median is left out when fewer
 * than the threshold referrals have had a first contact; reasons are named only when at least the
 * threshold referrals gave them, and never with their numbers.
 */
export interface PracticeMonth {
  practice: string;
  /** yyyy-MM in London time. */
  month: string;
  made: ShownCount;
  accepted: ShownCount;
  firstSessions: ShownCount;
  /** Calendar days (London dates) from the referral to the first contact; null when not shown. */
  medianDaysToFirstContact: number | null;
  /** The reasons given at least `threshold` times, most often first. */
  commonNotForCoachingReasons: NotForCoachingReason[];
}

/** The London month (yyyy-MM) a UTC ISO time falls in. */
export function londonMonth(at: string): string {
  return DateTime.fromISO(at, { zone: 'utc' }).setZone(LONDON).toFormat('yyyy-MM');
}

/** Whole calendar days between the London dates of two UTC ISO times. */
export function calendarDaysBetween(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: 'utc' }).setZone(LONDON).startOf('day');
  const end = DateTime.fromISO(to, { zone: 'utc' }).setZone(LONDON).startOf('day');
  return Math.round(end.diff(start, 'days').days);
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  if (sorted.length % 2 === 1) {
    return upper;
  }
  const lower = sorted[middle - 1] ?? upper;
  return (lower + upper) / 2;
}

function summarisePractice(
  practice: string,
  month: string,
  cases: readonly CaseMilestones[],
  threshold: number,
): PracticeMonth {
  // Each step counts a subset of the one before: a first session means the case was accepted.
  const accepted = cases.filter(
    (c) =>
      c.acceptedAt !== undefined ||
      c.firstContactAt !== undefined ||
      c.firstSessionAt !== undefined,
  );
  const held = accepted.filter((c) => c.firstSessionAt !== undefined);
  const [made, acceptedShown, heldShown] = suppressChain(
    [cases.length, accepted.length, held.length],
    threshold,
  );
  const days = cases.flatMap((c) =>
    c.firstContactAt === undefined ? [] : [calendarDaysBetween(c.createdAt, c.firstContactAt)],
  );
  const reasons = new Map<NotForCoachingReason, number>();
  for (const c of cases) {
    if (c.notForCoachingReason) {
      reasons.set(c.notForCoachingReason, (reasons.get(c.notForCoachingReason) ?? 0) + 1);
    }
  }
  const common = [...reasons.entries()]
    .filter(([, count]) => count >= threshold)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([reason]) => reason);
  const withheld: ShownCount = { kind: 'withheld' };
  return {
    practice,
    month,
    made: made ?? withheld,
    accepted: acceptedShown ?? withheld,
    firstSessions: heldShown ?? withheld,
    medianDaysToFirstContact: days.length >= threshold ? median(days) : null,
    commonNotForCoachingReasons: common,
  };
}

/**
 * The month's summary for each of `practices` (every one gets a summary, even with no
 * referrals), from the milestones of every case: only cases referred in `month` count.
 */
export function summarisePracticeMonth(
  cases: readonly CaseMilestones[],
  month: string,
  practices: readonly string[],
  threshold: number,
): PracticeMonth[] {
  const inMonth = cases.filter((c) => londonMonth(c.createdAt) === month);
  return practices.map((practice) =>
    summarisePractice(
      practice,
      month,
      inMonth.filter((c) => c.practice === practice),
      threshold,
    ),
  );
}
