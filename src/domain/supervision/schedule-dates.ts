import { DateTime } from 'luxon';
import { LONDON, nextSessions, type Schedule } from './schedule';

/** A date as the cards show it: "2 Nov 2026". */
export const shortDate = (isoDate: string): string =>
  DateTime.fromISO(isoDate, { zone: LONDON }).toFormat('d LLL yyyy');

/** "2 Nov 2026", "2 Nov 2026 and 19 Nov 2026", "1, 2 and 3 ...": a list as people write it. */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * Why a schedule cannot be saved as of `now` because of when it falls, or undefined: set dates
 * that have passed, or a schedule with no session to come (its reminders would never come).
 */
export function pastProblem(
  schedule: Pick<Schedule, 'cadence' | 'startTime' | 'moves'>,
  now: DateTime,
): string | undefined {
  if (schedule.cadence.type === 'one-off') {
    const today = now.setZone(LONDON).toISODate() ?? '';
    const past = [...schedule.cadence.dates].sort().filter((d) => d < today);
    if (past.length > 0) {
      return `${inWords(past.map(shortDate))} ${past.length === 1 ? 'has' : 'have'} passed. Enter dates from today on.`;
    }
  }
  return nextSessions(schedule, now, 1).length === 0
    ? 'Every session of this schedule has passed. Enter a date or time from now on.'
    : undefined;
}
