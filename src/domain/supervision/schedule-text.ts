import { DateTime } from 'luxon';
import { LONDON, type Cadence, type SupervisionKind } from './schedule';

export interface ParsedSchedule {
  kind: SupervisionKind;
  cadence: Cadence;
  startTime: string;
  durationMinutes: number;
}

export type ScheduleTextResult =
  | { ok: true; schedule: ParsedSchedule }
  | { ok: false; missing: Array<'kind' | 'cadence' | 'time'> };

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ORDINALS: Record<string, number> = {
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
  eight: 8,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '8': 8,
};

function kindOf(text: string): SupervisionKind | undefined {
  if (/line manage/.test(text)) {
    return 'line-management';
  }
  if (/clinical supervision/.test(text)) {
    return 'clinical';
  }
  if (/(coaching|health coaching) supervision/.test(text) || /^supervision\b/.test(text)) {
    return /group/.test(text) ? 'coaching-group' : 'coaching-one-to-one';
  }
  return undefined;
}

function timeOf(text: string): string | undefined {
  const clock = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\s*(am|pm)?\b/.exec(text);
  const bare = /\b(1[0-2]|0?[1-9])\s*(am|pm)\b/.exec(text);
  let hour: number;
  let minute = 0;
  let meridiem: string | undefined;
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
    meridiem = clock[3];
  } else if (bare) {
    hour = Number(bare[1]);
    meridiem = bare[2];
  } else {
    return undefined;
  }
  if (meridiem === 'pm' && hour < 12) {
    hour += 12;
  }
  if (meridiem === 'am' && hour === 12) {
    hour = 0;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function durationOf(text: string): number {
  const minutes = /\bfor (\d{2,3}) ?(min|mins|minutes)\b/.exec(text);
  if (minutes) {
    return Number(minutes[1]);
  }
  const hours = /\bfor (\d(?:\.\d)?) ?(h|hr|hrs|hour|hours)\b/.exec(text);
  return hours ? Math.round(Number(hours[1]) * 60) : 60;
}

function cadenceOf(text: string, today: DateTime): Cadence | undefined {
  const weekdayIndex = WEEKDAYS.findIndex((d) => new RegExp(`\\b${d}s?\\b`).test(text));
  const weekday = weekdayIndex + 1;
  const monthly = /\bmonthly\b|\bevery month\b|\beach month\b/.test(text);
  const ordinal = Object.keys(ORDINALS).find((o) => new RegExp(`\\b${o}\\b`).test(text));
  if (monthly && ordinal && weekdayIndex >= 0) {
    return { type: 'monthly-nth-weekday', nth: ORDINALS[ordinal] as -1 | 1 | 2 | 3 | 4, weekday };
  }
  const every =
    /\bevery (one|two|three|four|five|six|eight|\d) weeks?\b/.exec(text) ??
    (/\b(weekly)\b/.test(text) ? ['weekly', '1'] : null);
  const fortnightly = /\bfortnight(ly)?\b/.test(text);
  if ((every || fortnightly) && weekdayIndex >= 0) {
    const weeks = fortnightly ? 2 : (NUMBERS[every?.[1] ?? ''] ?? 0);
    if (weeks < 1) {
      return undefined;
    }
    const local = today.setZone(LONDON).startOf('day');
    const firstDate = local.plus({ days: (weekday - local.weekday + 7) % 7 });
    return { type: 'every-n-weeks', weeks, firstDate: firstDate.toISODate() ?? '' };
  }
  const dates = [...text.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)]
    .map((m) => m[1] ?? '')
    .filter((d) => DateTime.fromISO(d).isValid);
  if (dates.length > 0) {
    return { type: 'one-off', dates };
  }
  return undefined;
}

/**
 * Reads a schedule typed in plain words, e.g. "coaching supervision monthly, first Tuesday,
 * 10:00" or "clinical supervision every 4 weeks on Thursday at 2pm for 90 minutes". Anything it
 * cannot pin down is listed as missing rather than guessed.
 */
export function parseScheduleText(input: string, today: DateTime): ScheduleTextResult {
  const text = input
    .toLowerCase()
    .replace(/(\d)\.(\d{2})(?!\d)/g, '$1:$2')
    .replace(/[^a-z0-9:,\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const kind = kindOf(text);
  const cadence = cadenceOf(text, today);
  const startTime = timeOf(text);
  const missing: Array<'kind' | 'cadence' | 'time'> = [];
  if (!kind) {
    missing.push('kind');
  }
  if (!cadence) {
    missing.push('cadence');
  }
  if (!startTime) {
    missing.push('time');
  }
  if (!kind || !cadence || !startTime) {
    return { ok: false, missing };
  }
  return { ok: true, schedule: { kind, cadence, startTime, durationMinutes: durationOf(text) } };
}
