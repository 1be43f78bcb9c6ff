import { DateTime } from 'luxon';
import type { BankHolidayCalendar } from './bank-holidays';
import { LONDON, nextSessions, reminderTimes, type Schedule } from './schedule';

export type ReminderKind = 'before' | 'follow-up';

export interface PlannedReminder {
  at: DateTime;
  sessionStart: DateTime;
  kind: ReminderKind;
}

/** Follow-up asks "did it happen?" this long after a session's planned end. */
export const FOLLOW_UP_AFTER_END_MINUTES = 60;

/**
 * The schedule's next reminder strictly after `after`: the reminders before each session, and one
 * follow-up after it in case nothing was recorded.
 */
export function nextReminder(
  schedule: Schedule,
  after: DateTime,
  holidays: BankHolidayCalendar,
): PlannedReminder | undefined {
  if (schedule.paused) {
    return undefined;
  }
  // Sessions that started up to a day ago may still have a follow-up to come; none before the
  // date reminders are paused until.
  const recent = after.minus({
    minutes: schedule.durationMinutes + FOLLOW_UP_AFTER_END_MINUTES + 1,
  });
  const resume = schedule.pausedUntil
    ? DateTime.fromISO(schedule.pausedUntil, { zone: LONDON }).startOf('day')
    : undefined;
  const sessions = nextSessions(schedule, resume ? DateTime.max(recent, resume) : recent, 3);
  const candidates: PlannedReminder[] = [];
  for (const start of sessions) {
    for (const at of reminderTimes(start, schedule.reminderOffsets, holidays)) {
      candidates.push({ at, sessionStart: start.toUTC(), kind: 'before' });
    }
    candidates.push({
      at: start.plus({ minutes: schedule.durationMinutes + FOLLOW_UP_AFTER_END_MINUTES }).toUTC(),
      sessionStart: start.toUTC(),
      kind: 'follow-up',
    });
  }
  return candidates
    .filter((c) => c.at > after)
    .sort((a, b) => a.at.toMillis() - b.at.toMillis())[0];
}

/** A reminder is late when it goes out more than this after it was due (the bot was down). */
export const LATE_AFTER_MINUTES = 5;

export function isLate(plannedAt: DateTime, sentAt: DateTime): boolean {
  return sentAt.diff(plannedAt, 'minutes').minutes > LATE_AFTER_MINUTES;
}

export function ensureUtc(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' });
}

/** A schedule as first saved (or changed): its first reminder worked out from now. */
export function withFirstReminder<T extends { schedule: Schedule }>(
  stored: T,
  now: DateTime,
  holidays: BankHolidayCalendar,
): T & {
  nextReminderAt: string | null;
  nextReminderSession: string | null;
  nextReminderKind: ReminderKind | null;
} {
  const next = nextReminder(stored.schedule, now, holidays);
  return {
    ...stored,
    nextReminderAt: next?.at.toISO() ?? null,
    nextReminderSession: next?.sessionStart.toISO() ?? null,
    nextReminderKind: next?.kind ?? null,
  };
}
