import type { DateTime } from 'luxon';
import { dayNumber, type FoundDate } from './date-scan';

/**
 * Dates of birth. Any date next to a birth marker, and any full calendar date (day, month and
 * year written) more than ten years before now: sessions, reminders and referrals are about
 * this year and next, so an old full date in this product is most likely someone's birthday.
 */

/** "DOB", "d.o.b.", "date of birth", "birth date", "birthday", "b'day", "born". */
export const BIRTH_MARKER =
  /(?<!\p{L})(?:d\.?[ \t]?o\.?[ \t]?b|date[ \t]+of[ \t]+birth|birth[ \t]?date|birth[ \t]?day|b'?day|born)(?!\p{L})\.?/iu;

/** How far either side of a date a marker may be and still label it. */
export const MARKER_REACH_BEFORE = 30;
export const MARKER_REACH_AFTER = 20;

/** A birth marker with a digit close after it: "born 1950", "DOB: 12.3.50", "born in '50". */
const MARKER_THEN_DIGIT = new RegExp(`${BIRTH_MARKER.source}[^\\d.;!?\\n]{0,12}\\d`, 'iu');

/** Full dates further back than this are read as dates of birth. */
export const DATE_OF_BIRTH_AFTER_YEARS = 10;

export function hasBirthMarker(text: string): boolean {
  return BIRTH_MARKER.test(text);
}

export function dateNextToBirthMarker(text: string, dates: readonly FoundDate[]): boolean {
  if (!hasBirthMarker(text)) {
    return false;
  }
  return (
    MARKER_THEN_DIGIT.test(text) ||
    dates.some(
      (d) =>
        hasBirthMarker(text.slice(Math.max(0, d.start - MARKER_REACH_BEFORE), d.start)) ||
        hasBirthMarker(text.slice(d.end, d.end + MARKER_REACH_AFTER)),
    )
  );
}

/** The first day that is not "more than ten years ago", as yyyymmdd. */
function tenYearsAgo(now: DateTime): number {
  const year = now.year - DATE_OF_BIRTH_AFTER_YEARS;
  // 29 February ten years after a leap year: the 28th.
  return dayNumber(year, now.month, now.day) ?? year * 10_000 + now.month * 100 + now.day - 1;
}

export function containsOldFullDate(dates: readonly FoundDate[], now: DateTime): boolean {
  const threshold = tenYearsAgo(now);
  return dates.some((d) => d.full && d.day < threshold);
}
