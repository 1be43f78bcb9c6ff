import { randomUUID } from 'node:crypto';
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
