import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Cadence, Schedule } from '../../domain/supervision/schedule';
import { KIND_LABELS, LONDON } from '../../domain/supervision/schedule';
import { occurrenceKey, occurrenceOf } from '../../domain/supervision/session-occurrence';
import confirmTemplate from './supervision-confirm.card.json';
import cancelTemplate from './supervision-cancel.card.json';
import deleteTemplate from './supervision-delete.card.json';
import pastTemplate from './supervision-past.card.json';
import recordedTemplate from './supervision-recorded.card.json';
import formTemplate from './supervision-form.card.json';
import mineTemplate from './my-supervision.card.json';
import reminderTemplate from './supervision-reminder.card.json';
import teamTemplate from './team-supervision.card.json';
import { renderWith } from '../render';

const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];
const NTH = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' } as Record<
  number,
  string
>;

export function describeCadence(cadence: Cadence, startTime: string): string {
  switch (cadence.type) {
    case 'monthly-nth-weekday':
      return `Monthly, ${NTH[cadence.nth] ?? ''} ${WEEKDAY_NAMES[cadence.weekday - 1] ?? ''}${cadence.startDate ? ` from ${DateTime.fromISO(cadence.startDate).toFormat('d LLL yyyy')}` : ''}, ${startTime}`;
    case 'every-n-weeks':
      return `Every ${cadence.weeks === 1 ? 'week' : `${cadence.weeks} weeks`} on ${DateTime.fromISO(cadence.firstDate).toFormat('cccc')}s from ${DateTime.fromISO(cadence.firstDate).toFormat('d LLL yyyy')}, ${startTime}`;
    case 'one-off':
      return `${cadence.dates.map((d) => DateTime.fromISO(d).toFormat('d LLL yyyy')).join(', ')}, ${startTime}`;
  }
}

export const londonTime = (iso: string): string =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(LONDON).toFormat("ccc d LLL yyyy 'at' HH:mm");

const reminderChoicesSchema = z.array(z.object({ title: z.string(), value: z.string() }));

const confirmSchema = z.object({
  kind: z.string(),
  when: z.string(),
  duration: z.string(),
  reminders: z.string(),
  reminderChoices: reminderChoicesSchema,
  sessions: z.array(z.string()),
  warning: z.string(),
  supervisor: z.string(),
  place: z.string(),
  scheduleJson: z.string(),
  /** The id the schedule is saved under, so pressing Save twice saves it once. */
  draftId: z.string(),
});

export const renderSupervisionConfirmCard = renderWith(confirmTemplate, confirmSchema);

const reminderSchema = z.object({
  headline: z.string(),
  late: z.boolean(),
  /** A reminder offers "remind me later"; the card to move an upcoming session does not. */
  canSnooze: z.boolean(),
  footer: z.string(),
  kind: z.string(),
  when: z.string(),
  supervisor: z.string(),
  place: z.string(),
  scheduleId: z.string(),
  sessionStart: z.string(),
  /** The session's planned start: names it, wherever it was moved. */
  occurrence: z.string(),
  startTime: z.string(),
});

export function supervisionReminderData(
  schedule: Schedule,
  sessionStart: string,
  kind: 'before' | 'follow-up' | 'upcoming',
  late: boolean,
): z.infer<typeof reminderSchema> {
  const label = KIND_LABELS[schedule.kind];
  return {
    headline: {
      before: `Coming up: ${label}`,
      'follow-up': `Did your ${label.toLowerCase()} happen?`,
      upcoming: `Next session: ${label}`,
    }[kind],
    late,
    canSnooze: kind !== 'upcoming',
    footer:
      kind === 'upcoming'
        ? 'Choose the new date and time, then press Moved; or Did not happen if it is cancelled. The reminders follow a moved session.'
        : "You get this because you set up this supervision schedule. Type 'my supervision' to pause or delete it.",
    kind: KIND_LABELS[schedule.kind],
    when: `${londonTime(sessionStart)} (${schedule.durationMinutes} minutes)`,
    supervisor: schedule.supervisor || 'Not recorded',
    place: schedule.place || 'Not recorded',
    scheduleId: schedule.scheduleId,
    sessionStart,
    occurrence: occurrenceKey(
      occurrenceOf(schedule, DateTime.fromISO(sessionStart, { zone: 'utc' })),
    ),
    startTime: schedule.startTime,
  };
}

export const renderSupervisionReminderCard = renderWith(reminderTemplate, reminderSchema);

const mineSchema = z.object({
  last: z.string(),
  next: z.string(),
  hours: z.string(),
  overdue: z.boolean(),
  overdueText: z.string(),
  /** "Reminders paused until ..." or ''. */
  pausedUntilText: z.string(),
  /** Today (London, ISO date): the earliest date reminders can be paused until. */
  today: z.string(),
  /** Each kind's hours this month and this year, and what is expected where a figure is known. */
  totals: z.array(z.object({ kind: z.string(), value: z.string() })),
  schedules: z.array(
    z.object({
      scheduleId: z.string(),
      kind: z.string(),
      when: z.string(),
      next: z.string(),
      pausedText: z.string(),
      canMove: z.boolean(),
      pauseTitle: z.string(),
      pauseTo: z.string(),
      /** The signed link to the schedule's .ics file, or '' for none. */
      calendarUrl: z.union([z.url(), z.literal('')]),
    }),
  ),
});

export const renderMySupervisionCard = renderWith(mineTemplate, mineSchema);

const teamSchema = z.object({
  weeks: z.string(),
  coaches: z.array(
    z.object({
      name: z.string(),
      colour: z.enum(['Default', 'Attention']),
      last: z.string(),
      next: z.string(),
      hours: z.string(),
      /** Overdue coaches get a Nudge button: a friendly reminder in their 1:1 chat. */
      canNudge: z.boolean(),
      coachId: z.string(),
    }),
  ),
});

export const renderTeamSupervisionCard = renderWith(teamTemplate, teamSchema);

export const supervisionFormSchema = z.object({
  title: z.string(),
  problem: z.string(),
  scheduleId: z.string(),
  /** For a new schedule: the id it is saved under, so pressing Save twice saves it once. */
  draftId: z.string(),
  kind: z.string(),
  cadenceType: z.string(),
  nth: z.string(),
  weekday: z.string(),
  weeks: z.number(),
  firstDate: z.string(),
  dates: z.string(),
  startTime: z.string(),
  durationMinutes: z.number(),
  supervisor: z.string(),
  place: z.string(),
  reminders: z.string(),
  reminderChoices: reminderChoicesSchema,
});
export type SupervisionFormData = z.infer<typeof supervisionFormSchema>;

export const renderSupervisionFormCard = renderWith(formTemplate, supervisionFormSchema);

const deleteSchema = z.object({ scheduleId: z.string(), kind: z.string(), when: z.string() });

/** "Delete this schedule?" with Yes and No. */
export const renderSupervisionDeleteCard = renderWith(deleteTemplate, deleteSchema);

export const supervisionPastSchema = z.object({
  problem: z.string(),
  /** The id the record is saved under, so pressing Record twice records it once. */
  draftId: z.string(),
  kind: z.string(),
  date: z.string(),
  today: z.string(),
  durationMinutes: z.number(),
});
export type SupervisionPastData = z.infer<typeof supervisionPastSchema>;

export const renderSupervisionPastCard = renderWith(pastTemplate, supervisionPastSchema);

const recordedSchema = z.object({
  headline: z.string(),
  kind: z.string(),
  when: z.string(),
  outcome: z.string(),
});

/** A reminder card once a choice was made on it: what was recorded, and no buttons left. */
export const renderSupervisionRecordedCard = renderWith(recordedTemplate, recordedSchema);

const cancelSchema = z.object({
  scheduleId: z.string(),
  sessionStart: z.string(),
  occurrence: z.string(),
  kind: z.string(),
  when: z.string(),
});

/** "Cancel this session?" with Yes and No, before a session still to come is marked as not happening. */
export const renderSupervisionCancelCard = renderWith(cancelTemplate, cancelSchema);
