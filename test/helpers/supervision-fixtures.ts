import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DEFAULT_REMINDERS, type Schedule } from '../../src/domain/supervision/schedule';

/** Monthly coaching supervision on the first Tuesday at 10:00, with a new id and coach unless given. */
export const testSchedule = (overrides: Partial<Schedule> = {}): Schedule => ({
  scheduleId: randomUUID(),
  coachId: `coach-${randomUUID()}`,
  kind: 'coaching-one-to-one',
  cadence: { type: 'monthly-nth-weekday', nth: 1, weekday: 2 },
  startTime: '10:00',
  durationMinutes: 60,
  supervisor: 'Alex Supervisor',
  place: 'Teams call',
  reminderOffsets: DEFAULT_REMINDERS,
  paused: false,
  ...overrides,
});

/** How long before its reminder falls due a test has to save the schedule. Generous on purpose. */
const SAVE_LEAD_SECONDS = 30;

/**
 * A one-off session for a bot started with SUPERVISION_REMINDER_OFFSETS=1 (a reminder a minute
 * before), so a test can receive that reminder while it waits. Sessions start on a whole minute,
 * so the reminder falls due between 30 and 90 seconds from now: never before the test has had 30
 * seconds to save the schedule. (Saved after that time, the bot would rightly skip the reminder
 * and plan only the follow-up after the session.)
 */
export function sessionWithReminderSoon(now = DateTime.now()): {
  start: DateTime;
  reminderDue: DateTime;
} {
  const reminderDue = now
    .setZone('Europe/London')
    .plus({ seconds: SAVE_LEAD_SECONDS, minutes: 1 })
    .startOf('minute');
  return { start: reminderDue.plus({ minutes: 1 }), reminderDue };
}

/**
 * Throws, saying why, if the save was confirmed only after the reminder's time: then the test
 * cannot expect the reminder (nor that it comes after the confirmation).
 */
export function expectSavedBeforeReminder(reminderDue: DateTime): void {
  if (DateTime.now() >= reminderDue) {
    throw new Error(
      `The save was confirmed after the reminder's time (${reminderDue.toISO() ?? ''}): two turns took this machine over ${SAVE_LEAD_SECONDS} s.`,
    );
  }
}
