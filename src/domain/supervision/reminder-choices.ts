import { WORKING_DAY_BEFORE } from './schedule';

/** Reminder offsets a coach can pick on the cards, in minutes before the start (-1: working day before). */
export const REMINDER_CHOICES: readonly number[] = [WORKING_DAY_BEFORE, 24 * 60, 120, 60, 30, 15];

export const MAX_REMINDERS = 4;

const rank = (offset: number): number =>
  offset === WORKING_DAY_BEFORE ? Number.MAX_SAFE_INTEGER : offset;
const earliestFirst = (a: number, b: number): number => rank(b) - rank(a);

export function describeReminder(offset: number): string {
  if (offset === WORKING_DAY_BEFORE) {
    return 'the working day before, 09:00';
  }
  if (offset === 24 * 60) {
    return '1 day before';
  }
  if (offset % 60 === 0) {
    return `${offset / 60} hour${offset === 60 ? '' : 's'} before`;
  }
  return `${offset} minute${offset === 1 ? '' : 's'} before`;
}

export function describeReminders(offsets: readonly number[]): string {
  return offsets.length === 0
    ? 'no reminder before; one follow-up after'
    : offsets.map(describeReminder).join('; ');
}

/** The choices to offer: the standard ones plus any already in use (a development setting may use others). */
export function reminderChoices(current: readonly number[]): { title: string; value: string }[] {
  const offsets = [...new Set([...REMINDER_CHOICES, ...current])].sort(earliestFirst);
  return offsets.map((o) => ({ title: describeReminder(o), value: String(o) }));
}

export type ReminderChoice = { ok: true; offsets: number[] } | { ok: false; problem: string };

/**
 * Reads a multi-select choice ("-1,60"). Only offered values are accepted; none selected means no
 * reminders before the session (the follow-up still comes).
 */
export function readReminderChoice(value: string, allowed: readonly number[]): ReminderChoice {
  const picked = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const offsets = [...new Set(picked.map(Number))];
  if (offsets.some((o) => !Number.isInteger(o) || !allowed.includes(o))) {
    return { ok: false, problem: 'Choose reminder times from the list.' };
  }
  if (offsets.length > MAX_REMINDERS) {
    return { ok: false, problem: `Choose at most ${MAX_REMINDERS} reminder times.` };
  }
  return {
    ok: true,
    offsets: offsets.sort(earliestFirst),
  };
}
