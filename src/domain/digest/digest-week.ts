import { DateTime } from 'luxon';

export const LONDON = 'Europe/London';

/** When the digest goes: a day of the week (1 = Monday) and a UK wall-clock time. */
export interface DigestTiming {
  weekday: number;
  /** HH:mm, UK time. */
  time: string;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "every Monday at 08:30" */
export function describeTiming(timing: DigestTiming): string {
  return `every ${WEEKDAYS[timing.weekday - 1] ?? 'Monday'} at ${timing.time}`;
}

/** One ISO week in UK time: its key (the sent marker's) and its bounds. */
export interface DigestWeek {
  /** e.g. 2026-W49 */
  key: string;
  /** Monday 00:00, UK time. */
  start: DateTime;
  /** The next Monday 00:00, UK time. */
  end: DateTime;
}

export function weekOf(now: DateTime): DigestWeek {
  const start = now.setZone(LONDON).startOf('week');
  return {
    key: `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`,
    start,
    end: start.plus({ weeks: 1 }),
  };
}

/**
 * The week whose digest is due at `now`: from the send time on the chosen day until the end of
 * that day (so a restart later that morning still sends it), and never on another day, when a
 * digest of "this week" would come too late to help. Undefined when none is due.
 */
export function dueDigestWeek(now: DateTime, timing: DigestTiming): DigestWeek | undefined {
  const week = weekOf(now);
  const [hour = 0, minute = 0] = timing.time.split(':').map(Number);
  const sendAt = week.start.plus({ days: timing.weekday - 1 }).set({ hour, minute });
  const local = now.setZone(LONDON);
  return local >= sendAt && local < sendAt.startOf('day').plus({ days: 1 }) ? week : undefined;
}
