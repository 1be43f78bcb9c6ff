import * as chrono from 'chrono-node';
import type { DateTime } from 'luxon';

/**
 * Every date written in (normalised) text, read by chrono-node's British English parser, so
 * 12/03/1950 is 12 March and "3rd April 1955", "12-Mar-1950" or "1950-03-12" all read. A date is
 * `full` when its day, month and year are all written. A two-digit year is read as this century
 * unless that lands more than five years ahead ("12/03/50" is 1950, "10/12/27" is 2027).
 */

export interface FoundDate {
  /** Where the date's text starts and ends. */
  start: number;
  end: number;
  /** The calendar day as yyyymmdd (19500312), so dates compare as numbers; for a partial
   * date, chrono's best guess. */
  day: number;
  full: boolean;
}

/** "12th Mar '50": chrono stops before an apostrophe year, so it is read here. */
const APOSTROPHE_YEAR = /^[ \t]*,?[ \t]*['’](\d{2})(?!\d)/;

/** The year of "12/03/50" or "12 Mar 50": two digits after a date separator or a month name. */
const TWO_DIGIT_YEAR = /(?:[./-]|[A-Za-z]{3}\.?[ ,]{1,2})(\d{2})(?!\d)/g;

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTH_NAMES.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')}|sept)\\.?`;
const ORDINAL_SUFFIX = '(?:st|nd|rd|th)?';

interface WrittenDate {
  day: number;
  month: number;
  year: number;
  twoDigitYear: boolean;
}

interface SupplementaryDate {
  readonly example: string;
  readonly pattern: RegExp;
  readonly read: (match: RegExpMatchArray) => WrittenDate;
}

/** A date written all in digits, its day, month and year in these groups of the match. */
const inDigits =
  (day: number, month: number, year: number) =>
  (m: RegExpMatchArray): WrittenDate => ({
    day: Number(m[day]),
    month: Number(m[month]),
    year: Number(m[year]),
    twoDigitYear: (m[year] ?? '').length === 2,
  });

const monthNumber = (name: string | undefined): number =>
  MONTH_NAMES.findIndex((m) => m.startsWith((name ?? '').slice(0, 3).toLowerCase())) + 1;

/**
 * Forms chrono-node misses or splits when they sit next to other dates, read here as well. A
 * date found twice does no harm.
 */
export const SUPPLEMENTARY_DATES: readonly SupplementaryDate[] = [
  {
    example: '12 03 1950',
    pattern: /(?<!\d)(\d{1,2}) (\d{1,2}) (\d{4})(?!\d)/g,
    read: inDigits(1, 2, 3),
  },
  {
    example: '1.1.40',
    pattern: /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[./-]\d)/g,
    read: inDigits(1, 3, 4),
  },
  {
    example: '1920-01-01 (chrono reads "1920-01-01 - 71 year" as 71 years before)',
    pattern: /(?<![\d./-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d|[./-]\d)/g,
    read: inDigits(4, 3, 1),
  },
  {
    example: "1st Jan '40, 12th of March 1950, 12-Mar-1950",
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,2})${ORDINAL_SUFFIX}(?:[ \\t]+of)?[ \\t-]+${MONTH},?[ \\t-]+(?:['’](\\d{2})|(\\d{4}))(?!\\d)`,
      'giu',
    ),
    read: (m) => ({
      day: Number(m[1]),
      month: monthNumber(m[2]),
      year: Number(m[3] ?? m[4]),
      twoDigitYear: m[3] !== undefined,
    }),
  },
  {
    example: 'March 12th, 1950',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])${MONTH}[ \\t]+(\\d{1,2})${ORDINAL_SUFFIX},?[ \\t]+(\\d{4})(?!\\d)`,
      'giu',
    ),
    read: (m) => ({
      day: Number(m[2]),
      month: monthNumber(m[1]),
      year: Number(m[3]),
      twoDigitYear: false,
    }),
  },
];

/** A calendar day as the number yyyymmdd, or undefined if there is no such day (31/02). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? year * 10_000 + month * 100 + day : undefined;
}

/** Today in the zone of `now`, as yyyymmdd. */
export function todayNumber(now: DateTime): number {
  return now.year * 10_000 + now.month * 100 + now.day;
}

function resolveTwoDigitYear(
  twoDigits: number,
  month: number,
  day: number,
  now: DateTime,
): number | undefined {
  const latest = todayNumber(now) + 5 * 10_000;
  const thisCentury = dayNumber(2000 + twoDigits, month, day);
  if (thisCentury === undefined || thisCentury <= latest) {
    return thisCentury;
  }
  return dayNumber(1900 + twoDigits, month, day);
}

function yearAsWritten(text: string, year: number): 'four-digit' | 'two-digit' | undefined {
  if (text.includes(String(year))) {
    return 'four-digit';
  }
  const twoDigitYears = [...text.matchAll(TWO_DIGIT_YEAR)].map((m) => Number(m[1]));
  return twoDigitYears.includes(year % 100) ? 'two-digit' : undefined;
}

/** One end of a date chrono read (a range has two), as a found date. */
function fromComponents(
  components: chrono.ParsedComponents,
  result: chrono.ParsedResult,
  text: string,
  now: DateTime,
): FoundDate | undefined {
  const day = components.get('day') ?? 1;
  const month = components.get('month') ?? 1;
  const year = components.get('year') ?? now.year;
  const start = result.index;
  const end = start + result.text.length;
  const dayAndMonth = components.isCertain('day') && components.isCertain('month');
  // Relative dates ("20 years ago") are certain to chrono but are not written dates.
  const writtenYear = components.isCertain('year') ? yearAsWritten(result.text, year) : undefined;
  const found = (
    calendarDay: number | undefined,
    full: boolean,
    to = end,
  ): FoundDate | undefined =>
    calendarDay === undefined ? undefined : { start, end: to, day: calendarDay, full };
  if (dayAndMonth && writtenYear === 'four-digit') {
    return found(dayNumber(year, month, day), true);
  }
  // "15 November 90 minutes": two digits after a month name, then a word, are a count.
  const countAfterMonth =
    /\p{L}[ ,]{1,2}\d{2}$/u.test(result.text) && /^[ \t]*\p{L}/u.test(text.slice(end));
  if (dayAndMonth && writtenYear === 'two-digit' && !countAfterMonth) {
    return found(resolveTwoDigitYear(year % 100, month, day, now), true);
  }
  const apostrophe = dayAndMonth ? APOSTROPHE_YEAR.exec(text.slice(end)) : null;
  if (apostrophe?.[1] !== undefined) {
    const resolved = resolveTwoDigitYear(Number(apostrophe[1]), month, day, now);
    return found(resolved, true, end + apostrophe[0].length);
  }
  return found(dayNumber(year, month, day), false);
}

function fromChrono(result: chrono.ParsedResult, text: string, now: DateTime): FoundDate[] {
  // A range ("15/11 - 1920-01-01") has an end; chrono sets it to null, not undefined, without one.
  return [result.start, result.end].flatMap((components) =>
    components ? (fromComponents(components, result, text, now) ?? []) : [],
  );
}

function supplementaryDates(text: string, now: DateTime): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { pattern, read } of SUPPLEMENTARY_DATES) {
    for (const match of text.matchAll(pattern)) {
      const { day, month, year, twoDigitYear } = read(match);
      const calendarDay = twoDigitYear
        ? resolveTwoDigitYear(year, month, day, now)
        : dayNumber(year, month, day);
      if (calendarDay !== undefined) {
        const start = match.index;
        found.push({ start, end: start + match[0].length, day: calendarDay, full: true });
      }
    }
  }
  return found;
}

export function findDates(text: string, now: DateTime): FoundDate[] {
  const results = chrono.en.GB.parse(text, { instant: now.toJSDate() });
  return [...results.flatMap((r) => fromChrono(r, text, now)), ...supplementaryDates(text, now)];
}
