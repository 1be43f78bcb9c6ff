import { DateTime } from 'luxon';

export interface ReviewStatus {
  stale: boolean;
  note: string;
}

/**
 * Local contacts and codes go out of date. Every card that shows them says when they were last
 * checked, and warns when that was longer ago than the PCN's review interval.
 */
export function contactsReviewStatus(
  reviewedOn: string,
  now: DateTime,
  reviewMonths: number,
): ReviewStatus {
  const reviewed = DateTime.fromISO(reviewedOn, { zone: 'Europe/London' });
  const label = reviewed.toFormat('d LLLL yyyy');
  const stale = reviewed.plus({ months: reviewMonths }) < now.setZone('Europe/London');
  return stale
    ? {
        stale: true,
        note: `Warning: these local details were last checked on ${label}, more than ${reviewMonths} months ago. Confirm them with your PCN before relying on them.`,
      }
    : { stale: false, note: `Local details last checked on ${label}.` };
}
