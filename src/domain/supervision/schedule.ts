import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BankHolidayCalendar } from './bank-holidays';

export const LONDON = 'Europe/London';

/** The supervision a coach receives, each kind tracked apart. */
export const SUPERVISION_KINDS = [
  'coaching-one-to-one',
  'coaching-group',
  'clinical',
  'line-management',
] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const KIND_LABELS: Record<SupervisionKind, string> = {
  'coaching-one-to-one': 'Coaching supervision (1:1)',
  'coaching-group': 'Coaching supervision (group)',
  clinical: 'Clinical supervision',
  'line-management': 'Line management',
};

export const isCoachingSupervision = (kind: SupervisionKind): boolean =>
  kind === 'coaching-one-to-one' || kind === 'coaching-group';

const isoDate = z.iso.date();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:mm, 24-hour');

export const cadenceSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('every-n-weeks'),
    weeks: z.number().int().min(1).max(12),
    firstDate: isoDate,
  }),
  /**
   * nth is 1-4, or -1 for the last such weekday of the month; weekday 1 = Monday ... 7 = Sunday.
   * No session falls before `startDate` when it is set (schedules saved before it had none).
   */
  z.object({
    type: z.literal('monthly-nth-weekday'),
    nth: z.union([z.literal(-1), z.number().int().min(1).max(4)]),
    weekday: z.number().int().min(1).max(7),
    startDate: isoDate.optional(),
  }),
  z.object({ type: z.literal('one-off'), dates: z.array(isoDate).min(1).max(24) }),
]);
export type Cadence = z.infer<typeof cadenceSchema>;

/** How many moved sessions a schedule remembers; older moves are long past. */
export const MAX_MOVES = 12;

export const scheduleSchema = z.object({
  scheduleId: z.string().min(1),
  coachId: z.string().min(1),
  kind: z.enum(SUPERVISION_KINDS),
  cadence: cadenceSchema,
  startTime: clockTime,
  durationMinutes: z.number().int().min(15).max(480),
  supervisor: z.string().max(100),
  place: z.string().max(300),
  /** Minutes before the start to remind; the special value -1 means "09:00 on the working day before". */
  reminderOffsets: z
    .array(
      z
        .number()
        .int()
        .min(-1)
        .max(14 * 24 * 60),
    )
    .max(4),
  paused: z.boolean(),
  /** No reminders for sessions before this date (London), e.g. annual leave; they resume on it. */
  pausedUntil: isoDate.optional(),
  /** Sessions moved to another time (UTC ISO): reminders follow the new time. */
  moves: z
    .array(z.object({ from: z.iso.datetime(), to: z.iso.datetime() }))
    .max(MAX_MOVES)
    .optional(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const WORKING_DAY_BEFORE = -1;
export const DEFAULT_REMINDERS = [WORKING_DAY_BEFORE, 60];

function nthWeekdayOfMonth(
  year: number,
  month: number,
  nth: number,
  weekday: number,
): DateTime | undefined {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: LONDON });
  if (nth === -1) {
    const last = first.endOf('month').startOf('day');
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  }
  const day = first.plus({ days: ((weekday - first.weekday + 7) % 7) + (nth - 1) * 7 });
  return day.month === month ? day : undefined;
}

/**
 * Start times (London wall clock) of the schedule's sessions on or after `from`, at most `count`.
 * A moved session appears at its new time, not its planned one.
 */
export function nextSessions(
  schedule: Pick<Schedule, 'cadence' | 'startTime' | 'moves'>,
  from: DateTime,
  count: number,
): DateTime[] {
  const moves = schedule.moves ?? [];
  if (moves.length === 0) {
    return plannedSessions(schedule, from, count);
  }
  const movedAway = new Set(moves.map((m) => DateTime.fromISO(m.from).toMillis()));
  const fromLocal = from.setZone(LONDON);
  return [
    ...plannedSessions(schedule, from, count + moves.length),
    ...moves.map((m) => DateTime.fromISO(m.to, { zone: 'utc' }).setZone(LONDON)),
  ]
    .filter((start) => start >= fromLocal && !movedAway.has(start.toMillis()))
    .sort((a, b) => a.toMillis() - b.toMillis())
    .filter((start, i, all) => i === 0 || all[i - 1]?.toMillis() !== start.toMillis())
    .slice(0, count);
}

/** A schedule's moves with one more: the latest move of a session wins, and only the newest are kept. */
export function withMove(
  moves: Schedule['moves'],
  from: DateTime,
  to: DateTime,
): NonNullable<Schedule['moves']> {
  const fromIso = from.toUTC().toISO() ?? '';
  return [
    ...(moves ?? []).filter((m) => m.from !== fromIso),
    { from: fromIso, to: to.toUTC().toISO() ?? '' },
  ].slice(-MAX_MOVES);
}

function plannedSessions(
  schedule: Pick<Schedule, 'cadence' | 'startTime'>,
  from: DateTime,
  count: number,
): DateTime[] {
  const [hour, minute] = schedule.startTime.split(':').map(Number);
  const at = (day: DateTime): DateTime =>
    day.setZone(LONDON).set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
  const fromLocal = from.setZone(LONDON);
  const out: DateTime[] = [];
  const { cadence } = schedule;
  switch (cadence.type) {
    case 'one-off':
      for (const date of [...cadence.dates].sort()) {
        const start = at(DateTime.fromISO(date, { zone: LONDON }));
        if (start >= fromLocal && out.length < count) {
          out.push(start);
        }
      }
      return out;
    case 'every-n-weeks': {
      let start = at(DateTime.fromISO(cadence.firstDate, { zone: LONDON }));
      if (start < fromLocal) {
        const weeksBehind =
          Math.floor(fromLocal.diff(start, 'weeks').weeks / cadence.weeks) * cadence.weeks;
        start = at(start.plus({ weeks: weeksBehind }));
      }
      while (out.length < count) {
        if (start >= fromLocal) {
          out.push(start);
        }
        start = at(start.plus({ weeks: cadence.weeks }));
      }
      return out;
    }
    case 'monthly-nth-weekday': {
      const startDay = cadence.startDate
        ? DateTime.fromISO(cadence.startDate, { zone: LONDON })
        : undefined;
      const earliest = startDay && startDay > fromLocal ? startDay : fromLocal;
      let month = earliest.startOf('month');
      for (let guard = 0; out.length < count && guard < count * 3 + 3; guard += 1) {
        const day = nthWeekdayOfMonth(month.year, month.month, cadence.nth, cadence.weekday);
        if (day) {
          const start = at(day);
          if (start >= earliest) {
            out.push(start);
          }
        }
        month = month.plus({ months: 1 });
      }
      return out;
    }
  }
}

/** The working day (Mon-Fri, not a bank holiday) before the given day, at 09:00 London time. */
export function workingDayBefore(day: DateTime, holidays: BankHolidayCalendar): DateTime {
  let candidate = day.setZone(LONDON).startOf('day').minus({ days: 1 });
  while (candidate.weekday > 5 || holidays.holidayOn(candidate)) {
    candidate = candidate.minus({ days: 1 });
  }
  return candidate.set({ hour: 9 });
}

/** When to remind about one session, earliest first, in UTC. */
export function reminderTimes(
  sessionStart: DateTime,
  offsets: readonly number[],
  holidays: BankHolidayCalendar,
): DateTime[] {
  return offsets
    .map((offset) =>
      offset === WORKING_DAY_BEFORE
        ? workingDayBefore(sessionStart, holidays)
        : sessionStart.minus({ minutes: offset }),
    )
    .map((t) => t.toUTC())
    .sort((a, b) => a.toMillis() - b.toMillis());
}

export interface SessionNotice {
  start: DateTime;
  bankHoliday?: string;
  beyondHolidayData: boolean;
}

export function describeSessions(
  starts: readonly DateTime[],
  holidays: BankHolidayCalendar,
): SessionNotice[] {
  return starts.map((start) => {
    const bankHoliday = holidays.holidayOn(start);
    return {
      start,
      ...(bankHoliday ? { bankHoliday } : {}),
      beyondHolidayData: holidays.beyondData(start),
    };
  });
}
