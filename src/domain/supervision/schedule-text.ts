import { DateTime } from 'luxon';
import { readDays, readTime } from '../date-text';
import { LONDON, nextSessions, type Cadence, type SupervisionKind } from './schedule';
import { kindOf, minutesOf, supervisionText } from './supervision-words';

export interface ParsedSchedule {
  kind: SupervisionKind;
  cadence: Cadence;
  startTime: string;
  durationMinutes: number;
}

export type ScheduleTextResult =
  | {
      ok: true;
      schedule: ParsedSchedule;
      /** The first session the words give (UTC ISO), from the start date when one was written. */
      firstSession: string | undefined;
      /** The written dates (one-off dates, or the start date) before today in London. */
      pastDates: string[];
    }
  | { ok: false; missing: Array<'kind' | 'cadence' | 'time'> };

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ORDINALS: Record<string, -1 | 1 | 2 | 3 | 4> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: -1,
};
const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const MONTHLY = /\b(monthly|every month|each month|once a month)\b/;
const WEEKLY = /\b(weekly|every week|each week|once a week)\b/;
const FORTNIGHTLY = /\b(fortnightly|every fortnight|every other week|every second week|biweekly)\b/;
const EVERY_N_WEEKS = /\bevery ([a-z]+|\d{1,2}) weeks?\b/;

/** How many weeks apart, when the words say so; 0 when they say "every ... weeks" wrongly. */
function weeksApart(text: string): number | undefined {
  if (FORTNIGHTLY.test(text)) {
    return 2;
  }
  if (WEEKLY.test(text)) {
    return 1;
  }
  const every = EVERY_N_WEEKS.exec(text)?.[1];
  if (every === undefined) {
    return undefined;
  }
  const weeks = NUMBERS[every] ?? Number(every);
  return Number.isInteger(weeks) && weeks >= 1 && weeks <= 12 ? weeks : 0;
}

function weekdayOf(text: string): number | undefined {
  const index = WEEKDAYS.findIndex((d) => new RegExp(`\\b${d}s?\\b`).test(text));
  return index >= 0 ? index + 1 : undefined;
}

/** The day on or after `from` that falls on the weekday (1 = Monday). */
const onOrAfter = (from: DateTime, weekday: number): DateTime =>
  from.plus({ days: (weekday - from.weekday + 7) % 7 });

interface ReadCadence {
  cadence: Cadence;
  /** The start or one-off dates the words gave. */
  written: string[];
}

function cadenceOf(text: string, now: DateTime): ReadCadence | undefined {
  const today = now.setZone(LONDON).startOf('day');
  const days = readDays(text, now, true);
  const start = days.find((d) => !d.weekdayOnly)?.date;
  const weekday = weekdayOf(text);
  if (MONTHLY.test(text)) {
    const ordinal = Object.keys(ORDINALS).find((o) => new RegExp(`\\b${o}\\b`).test(text));
    const nth = ordinal === undefined ? undefined : ORDINALS[ordinal];
    if (nth === undefined || weekday === undefined) {
      return undefined;
    }
    return {
      cadence: {
        type: 'monthly-nth-weekday',
        nth,
        weekday,
        ...(start ? { startDate: start } : {}),
      },
      written: start ? [start] : [],
    };
  }
  const weeks = weeksApart(text);
  if (weeks !== undefined) {
    const from = start ? DateTime.fromISO(start, { zone: LONDON }) : today;
    if (weeks === 0) {
      return undefined;
    }
    const firstDate = onOrAfter(from, weekday ?? from.weekday);
    return {
      cadence: { type: 'every-n-weeks', weeks, firstDate: firstDate.toISODate() ?? '' },
      written: start ? [start] : [],
    };
  }
  const dates = [...new Set(days.map((d) => d.date))];
  if (dates.length === 0 || dates.length > 24) {
    return undefined;
  }
  return { cadence: { type: 'one-off', dates }, written: dates };
}

/** The first session from the earliest written date, or from now when none was written. */
function firstSessionOf(
  schedule: ParsedSchedule,
  written: readonly string[],
  now: DateTime,
): string | undefined {
  const earliest = [...written].sort()[0];
  const from = earliest ? DateTime.fromISO(earliest, { zone: LONDON }) : now;
  return nextSessions(schedule, from, 1)[0]?.toUTC().toISO() ?? undefined;
}

/**
 * Reads a schedule typed in plain words, e.g. "coaching supervision monthly, first Tuesday,
 * 10:00", "group supervision every 4 weeks on Thursdays 2pm starting next week" or "1:1 with my
 * line manager next Friday 9:30". Anything it cannot pin down is listed as missing rather than
 * guessed; dates in the past are reported, for the caller to ask about.
 */
export function parseScheduleText(input: string, now: DateTime): ScheduleTextResult {
  const text = supervisionText(input);
  const kind = kindOf(text);
  const read = cadenceOf(text, now);
  const startTime = readTime(text, now);
  const missing: Array<'kind' | 'cadence' | 'time'> = [];
  if (!kind) {
    missing.push('kind');
  }
  if (!read) {
    missing.push('cadence');
  }
  if (!startTime) {
    missing.push('time');
  }
  if (!kind || !read || !startTime) {
    return { ok: false, missing };
  }
  const schedule: ParsedSchedule = {
    kind,
    cadence: read.cadence,
    startTime,
    durationMinutes: minutesOf(text) ?? 60,
  };
  const today = now.setZone(LONDON).toISODate() ?? '';
  return {
    ok: true,
    schedule,
    firstSession: firstSessionOf(schedule, read.written, now),
    pastDates: read.written.filter((date) => date < today),
  };
}
