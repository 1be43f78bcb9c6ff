import { DateTime } from 'luxon';
import type { SupervisionAction } from '../../cards/supervision/supervision.actions';
import type { SupervisionFormData } from '../../cards/supervision/supervision.cards';
import {
  LONDON,
  scheduleSchema,
  SUPERVISION_KINDS,
  type Schedule,
} from '../../domain/supervision/schedule';
import { pastProblem } from '../../domain/supervision/schedule-dates';

type FormAction = Extract<SupervisionAction, { verb: 'supervision.form' }>;
export type ScheduleTiming = Pick<Schedule, 'kind' | 'cadence' | 'startTime' | 'durationMinutes'>;

const isDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: LONDON }).isValid;
const wholeNumber = (value: string | number | undefined): number =>
  typeof value === 'number' || (value !== undefined && /^\s*\d+\s*$/.test(value))
    ? Number(value)
    : Number.NaN;
const within = (n: number, low: number, high: number): boolean =>
  Number.isInteger(n) && n >= low && n <= high;

/**
 * The form's inputs (strings) into a schedule's timing, or a plain message for each field to fix,
 * as "Field: what to do." Sessions that have all passed are refused: their reminders never come.
 */
export function readScheduleForm(
  action: FormAction,
  now: DateTime,
): { ok: true; value: ScheduleTiming } | { ok: false; problem: string } {
  const problems: string[] = [];
  const kind = SUPERVISION_KINDS.find((k) => k === action.kind);
  if (!kind) {
    problems.push('Supervision: Choose which supervision it is.');
  }
  let cadence: Schedule['cadence'] | undefined;
  if (action.cadenceType === 'every-n-weeks') {
    const weeks = wholeNumber(action.weeks);
    const firstDate = (action.firstDate ?? '').trim();
    if (!within(weeks, 1, 12)) {
      problems.push('Every N weeks: Enter how many weeks apart, from 1 to 12.');
    }
    if (!isDate(firstDate)) {
      problems.push('Starting: Enter the first date as day, month and year.');
    }
    cadence = { type: 'every-n-weeks', weeks, firstDate };
  } else if (action.cadenceType === 'one-off') {
    const dates = (action.dates ?? '')
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d.length > 0);
    if (dates.length === 0 || dates.some((d) => !isDate(d))) {
      problems.push(
        'Dates: Enter each date as year, month and day (for example 2027-01-12), separated by commas.',
      );
    } else if (dates.length > 24) {
      problems.push('Dates: Enter at most 24 dates.');
    }
    cadence = { type: 'one-off', dates };
  } else {
    const nth = Number(action.nth);
    const weekday = Number(action.weekday);
    if (!(nth === -1 || within(nth, 1, 4)) || !within(weekday, 1, 7)) {
      problems.push('Monthly: Choose which week and which day.');
    }
    cadence = { type: 'monthly-nth-weekday', nth: nth === -1 ? -1 : nth, weekday };
  }
  const startTime = (action.startTime ?? '').trim().slice(0, 5);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime)) {
    problems.push('Time: Enter the time as hours and minutes, for example 10:00.');
  }
  const durationMinutes = wholeNumber(action.durationMinutes);
  if (!within(durationMinutes, 15, 480)) {
    problems.push('Minutes: Enter how long it lasts in minutes, from 15 to 480.');
  }
  const parsed = scheduleSchema
    .pick({ kind: true, cadence: true, startTime: true, durationMinutes: true })
    .safeParse({ kind, cadence, startTime, durationMinutes });
  if (problems.length === 0 && parsed.success) {
    const past = pastProblem(parsed.data, now);
    if (past) {
      problems.push(`${parsed.data.cadence.type === 'one-off' ? 'Dates' : 'When'}: ${past}`);
    }
  }
  if (problems.length > 0 || !parsed.success) {
    return {
      ok: false,
      problem: `Not saved. ${problems.join(' ') || 'Check the details and press Save again.'}`,
    };
  }
  return { ok: true, value: parsed.data };
}

/** The form as the coach filled it in, to show again with what to fix. */
export function formAsEntered(action: FormAction, blank: SupervisionFormData): SupervisionFormData {
  const number = (value: string | number | undefined, fallback: number): number => {
    const n = wholeNumber(value);
    return Number.isNaN(n) ? fallback : n;
  };
  return {
    ...blank,
    kind: action.kind ?? blank.kind,
    cadenceType: action.cadenceType ?? blank.cadenceType,
    nth: action.nth ?? blank.nth,
    weekday: action.weekday ?? blank.weekday,
    weeks: number(action.weeks, blank.weeks),
    firstDate: action.firstDate ?? blank.firstDate,
    dates: action.dates ?? blank.dates,
    startTime: action.startTime ?? blank.startTime,
    durationMinutes: number(action.durationMinutes, blank.durationMinutes),
    supervisor: action.supervisor ?? blank.supervisor,
    place: action.place ?? blank.place,
    reminders: action.reminders ?? blank.reminders,
  };
}
