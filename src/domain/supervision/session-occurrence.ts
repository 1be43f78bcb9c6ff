import { DateTime } from 'luxon';
import { nextSessions, type Schedule } from './schedule';
import type { SupervisionRecord } from './supervision-record';

/**
 * A session is named by its schedule and its planned start (the occurrence), wherever it was moved:
 * so a reminder for the old time and one for the new time record the same session.
 */
export function occurrenceOf(schedule: Pick<Schedule, 'moves'>, start: DateTime): DateTime {
  const at = start.toMillis();
  const move = (schedule.moves ?? []).find((m) => DateTime.fromISO(m.to).toMillis() === at);
  return move ? DateTime.fromISO(move.from, { zone: 'utc' }) : start.toUTC();
}

/** Where the planned session `occurrence` is now: its new time if it was moved. */
export function currentStartOf(schedule: Pick<Schedule, 'moves'>, occurrence: DateTime): DateTime {
  const at = occurrence.toMillis();
  const move = (schedule.moves ?? []).find((m) => DateTime.fromISO(m.from).toMillis() === at);
  return move ? DateTime.fromISO(move.to, { zone: 'utc' }) : occurrence.toUTC();
}

/** The key a record is stored under: the occurrence as UTC ISO. */
export const occurrenceKey = (occurrence: DateTime): string => occurrence.toUTC().toISO() ?? '';

/** Attended or did not happen: nothing more to remind about or to show as next. */
export const isSettled = (record: SupervisionRecord | undefined): boolean =>
  record !== undefined && record.outcome !== 'moved';

/** The schedule's next sessions from `from` that have not been recorded as held or not happening. */
export function unrecordedSessions(
  schedule: Pick<Schedule, 'scheduleId' | 'cadence' | 'startTime' | 'moves'>,
  records: readonly SupervisionRecord[],
  from: DateTime,
  count: number,
): DateTime[] {
  const settled = new Set(
    records
      .filter((r) => r.scheduleId === schedule.scheduleId && isSettled(r))
      .map((r) => DateTime.fromISO(r.sessionStart).toMillis()),
  );
  return nextSessions(schedule, from, count + settled.size)
    .filter((start) => !settled.has(occurrenceOf(schedule, start).toMillis()))
    .slice(0, count);
}
