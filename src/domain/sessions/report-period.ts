import { DateTime } from 'luxon';

/** Dates from `start` to `end`, both included, as yyyy-MM-dd. */
export interface DateRange {
  start: string;
  end: string;
}

/**
 * A month, a quarter or a year that a caseload or an activity report covers. Quarters and years
 * are calendar ones (Q3 is July to September), and the label always says which months.
 */
export interface ReportPeriod extends DateRange {
  kind: 'month' | 'quarter' | 'year';
  /** What a card or a link carries: "2026-11", "2026-Q3" or "2026". */
  key: string;
  /** As the card says it: "November 2026", "Q3 2026 (July to September)", "2026". */
  label: string;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const YEAR_KEY = /^(\d{4})$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

const MONTHS = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
] as const;

const inYears = (year: number): boolean => year >= FIRST_YEAR && year <= LAST_YEAR;

export function monthPeriod(year: number, month: number): ReportPeriod {
  const first = DateTime.utc(year, month, 1);
  return {
    kind: 'month',
    key: first.toFormat('yyyy-MM'),
    label: first.toFormat('LLLL yyyy'),
    start: first.toISODate() ?? '',
    end: first.endOf('month').toISODate() ?? '',
  };
}

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  const first = DateTime.utc(year, (quarter - 1) * 3 + 1, 1);
  const last = first.plus({ months: 2 });
  return {
    kind: 'quarter',
    key: `${year}-Q${quarter}`,
    label: `Q${quarter} ${year} (${first.toFormat('LLLL')} to ${last.toFormat('LLLL')})`,
    start: first.toISODate() ?? '',
    end: last.endOf('month').toISODate() ?? '',
  };
}

export function yearPeriod(year: number): ReportPeriod {
  return {
    kind: 'year',
    key: String(year),
    label: String(year),
    start: `${year}-01-01`,
    end: `${year}-12-31`,
  };
}

/** The period a card or a link names by its key, or undefined for anything else. */
export function periodFromKey(key: string): ReportPeriod | undefined {
  const month = MONTH_KEY.exec(key);
  if (month) {
    const year = Number(month[1]);
    return inYears(year) ? monthPeriod(year, Number(month[2])) : undefined;
  }
  const quarter = QUARTER_KEY.exec(key);
  if (quarter) {
    const year = Number(quarter[1]);
    return inYears(year) ? quarterPeriod(year, Number(quarter[2])) : undefined;
  }
  const year = YEAR_KEY.exec(key);
  if (year) {
    const y = Number(year[1]);
    return inYears(y) ? yearPeriod(y) : undefined;
  }
  return undefined;
}

/** The month that `today` (yyyy-MM-dd, in London) falls in. */
export function currentMonth(today: string): ReportPeriod {
  const day = DateTime.fromISO(today, { zone: 'utc' });
  return monthPeriod(day.year, day.month);
}

const quarterOf = (month: number): number => Math.floor((month - 1) / 3) + 1;

function monthNumber(word: string): number | undefined {
  const index = MONTHS.findIndex((names) => (names as readonly string[]).includes(word));
  return index === -1 ? undefined : index + 1;
}

/**
 * The period a person names in their own words, relative to `today` (yyyy-MM-dd, in London):
 * "November", "nov 2025", "last month", "this quarter", "Q3", "Q3 2025", "2026", "last year",
 * "2026-11". A month or quarter without a year is the latest one that has begun, so "November"
 * on 1 December is the November just gone. Undefined when the text names no period.
 */
export function parseReportPeriod(text: string, today: string): ReportPeriod | undefined {
  const day = DateTime.fromISO(today, { zone: 'utc' });
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, ' ')
    .trim();
  const exact = periodFromKey(words.toUpperCase());
  if (exact) {
    return exact;
  }
  const relative = /\b(this|last|previous|current)\s+(month|quarter|year)\b/.exec(words);
  if (relative) {
    const back = relative[1] === 'last' || relative[1] === 'previous' ? 1 : 0;
    if (relative[2] === 'month') {
      const month = day.minus({ months: back });
      return monthPeriod(month.year, month.month);
    }
    if (relative[2] === 'quarter') {
      const month = day.minus({ months: back * 3 });
      return quarterPeriod(month.year, quarterOf(month.month));
    }
    return yearPeriod(day.year - back);
  }
  const yearMatch = /\b(\d{4})\b/.exec(words);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;
  if (year !== undefined && !inYears(year)) {
    return undefined;
  }
  const quarter = /\b(?:q|quarter\s*)([1-4])\b/.exec(words);
  if (quarter) {
    const q = Number(quarter[1]);
    const latest = q <= quarterOf(day.month) ? day.year : day.year - 1;
    return quarterPeriod(year ?? latest, q);
  }
  const month = words
    .split(' ')
    .map(monthNumber)
    .find((m) => m !== undefined);
  if (month !== undefined) {
    const latest = month <= day.month ? day.year : day.year - 1;
    return monthPeriod(year ?? latest, month);
  }
  return year === undefined ? undefined : yearPeriod(year);
}

/**
 * The choices for a period picker, newest first: this month and the five before it, this
 * quarter and the three before it, this year and last year.
 */
export function recentPeriods(today: string): ReportPeriod[] {
  const day = DateTime.fromISO(today, { zone: 'utc' });
  const months = [0, 1, 2, 3, 4, 5].map((n) => day.minus({ months: n }));
  const quarters = [0, 1, 2, 3].map((n) => day.minus({ months: n * 3 }));
  return [
    ...months.map((m) => monthPeriod(m.year, m.month)),
    ...quarters.map((m) => quarterPeriod(m.year, quarterOf(m.month))),
    yearPeriod(day.year),
    yearPeriod(day.year - 1),
  ];
}

/** The months (yyyy-MM) a range touches, for stores kept by month. */
export function monthsIn(range: DateRange): string[] {
  const months: string[] = [];
  let month = DateTime.fromISO(range.start, { zone: 'utc' }).startOf('month');
  const last = DateTime.fromISO(range.end, { zone: 'utc' });
  while (month <= last) {
    months.push(month.toFormat('yyyy-MM'));
    month = month.plus({ months: 1 });
  }
  return months;
}
