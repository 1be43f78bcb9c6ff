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

/**
 * Records as one per session. Before sessions were named by their planned start, a moved session
 * pressed Attended on its new reminder was stored under its new time as well: such a record is
 * dropped when the planned start's record exists, so older data adds up too.
 */
export function onePerSession(
  records: readonly SupervisionRecord[],
  schedules: ReadonlyArray<Pick<Schedule, 'scheduleId' | 'moves'>>,
): SupervisionRecord[] {
  const key = (scheduleId: string, iso: string): string =>
    `${scheduleId}|${DateTime.fromISO(iso).toMillis()}`;
  const recorded = new Set(records.map((r) => key(r.scheduleId, r.sessionStart)));
  const movedTo = new Set(
    schedules.flatMap((s) =>
      (s.moves ?? [])
        .filter((m) => recorded.has(key(s.scheduleId, m.from)))
        .map((m) => key(s.scheduleId, m.to)),
    ),
  );
  return records.filter((r) => !movedTo.has(key(r.scheduleId, r.sessionStart)));
}
