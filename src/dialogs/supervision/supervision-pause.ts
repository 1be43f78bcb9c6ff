import { readDays } from '../../domain/date-text';
import { DateTime } from 'luxon';
import type { BankHolidayCalendar } from '../../domain/supervision/bank-holidays';
import { LONDON } from '../../domain/supervision/schedule';
import { withFirstReminder } from '../../domain/supervision/reminder-plan';
import type { Clock } from '../../domain/clock';
import type { StoredSchedule, SupervisionRepository } from '../../store/supervision.repository';
import type { FeatureTurn } from '../feature-turn';

const longDate = (isoDate: string): string =>
  DateTime.fromISO(isoDate, { zone: LONDON }).toFormat('cccc d LLLL yyyy');

/** "Reminders are paused until ...", while any schedule's pause has not ended; else ''. */
export function pausedUntilText(schedules: readonly StoredSchedule[], now: DateTime): string {
  const today = now.setZone(LONDON).toISODate() ?? '';
  const until = schedules
    .map((s) => s.schedule.pausedUntil)
    .filter((d): d is string => d !== undefined && d > today)
    .sort()
    .at(-1);
  return until ? `Reminders are paused until ${longDate(until)}.` : '';
}

/**
 * "Pause reminders until 5 January" (annual leave): no reminders for sessions before that date,
 * on every one of the coach's schedules; they resume on it by themselves. Pressing again with the
 * same date changes nothing. Takes an ISO date, so a text reader can call it too.
 */
export class SupervisionPause {
  constructor(
    private readonly deps: {
      supervision: SupervisionRepository;
      clock: Clock;
      holidays: BankHolidayCalendar;
    },
  ) {}

  /** "pause reminders until 5 January": the day after "until", read as the next such day. */
  async pauseUntilText(turn: FeatureTurn, text: string): Promise<void> {
    const after = text.replace(/^.*?\b(until|till|til|to|up to)\b/i, '');
    const [day] = readDays(after, this.deps.clock.now(), true);
    if (!day) {
      await turn.send(
        "I couldn't tell the date your reminders should start again. For example: pause reminders until 5 January",
      );
      return;
    }
    await this.pauseUntil(turn, day.date);
  }

  async pauseUntil(turn: FeatureTurn, until: string | undefined): Promise<void> {
    const now = this.deps.clock.now();
    const date = DateTime.fromISO((until ?? '').trim(), { zone: LONDON });
    const today = now.setZone(LONDON).startOf('day');
    if (!/^\d{4}-\d{2}-\d{2}$/.test((until ?? '').trim()) || !date.isValid) {
      await turn.send(
        'Choose the date your reminders should start again, then press Pause reminders.',
      );
      return;
    }
    if (date <= today) {
      await turn.send('Choose a date after today for your reminders to start again.');
      return;
    }
    if (date > today.plus({ years: 1 })) {
      await turn.send(
        'Reminders can be paused for up to a year. To stop them for longer, pause or delete the schedule on "my supervision".',
      );
      return;
    }
    const isoDate = date.toISODate() ?? '';
    const schedules = await this.deps.supervision.listSchedules(turn.caller.userId);
    if (schedules.length === 0) {
      await turn.send('You have no supervision schedules, so there are no reminders to pause.');
      return;
    }
    for (const stored of schedules) {
      await this.deps.supervision.saveSchedule(
        withFirstReminder(
          { ...stored, schedule: { ...stored.schedule, pausedUntil: isoDate } },
          now,
          this.deps.holidays,
        ),
      );
    }
    await turn.send(
      `Reminders paused until ${longDate(isoDate)}. You will get none for sessions before then; they start again by themselves on that date.`,
    );
  }
}
