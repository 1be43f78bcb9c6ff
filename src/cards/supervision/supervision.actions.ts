import { z } from 'zod';
import type { FieldRules } from '../card-fields';

/** What the supervision cards' buttons send back, keyed on `verb`. */
export const supervisionActionSchemas = [
  z.object({
    verb: z.literal('supervision.save'),
    /** The schedule as understood, as JSON: checked again on the way in. */
    schedule: z.string().max(4000),
    /** The id to save under (older cards have none). */
    draftId: z.uuid().optional(),
    supervisor: z.string().max(100).optional(),
    place: z.string().max(300).optional(),
    reminders: z.string().max(100).optional(),
  }),
  z.object({ verb: z.literal('supervision.discard') }),
  z.object({
    verb: z.literal('supervision.record'),
    scheduleId: z.string().min(1).max(100),
    sessionStart: z.iso.datetime(),
    /** The session's planned start, when it was moved (older cards have none). */
    occurrence: z.iso.datetime().optional(),
    outcome: z.enum(['attended', 'missed', 'moved']),
    /** Yes on "Cancel this session?": a session still to come is cancelled only once confirmed. */
    confirmed: z.literal('yes').optional(),
    movedDate: z.string().max(20).optional(),
    movedTime: z.string().max(10).optional(),
  }),
  z.object({ verb: z.literal('supervision.snooze'), scheduleId: z.string().min(1).max(100) }),
  z.object({
    verb: z.literal('supervision.pause'),
    scheduleId: z.string().min(1).max(100),
    paused: z.enum(['true', 'false']),
  }),
  z.object({ verb: z.literal('supervision.delete'), scheduleId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('supervision.move'), scheduleId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('supervision.team') }),
  z.object({ verb: z.literal('supervision.new') }),
  /** "My supervision" from a card (the calendar card: a new link once the old one has expired). */
  z.object({ verb: z.literal('supervision.mine') }),
  z.object({ verb: z.literal('supervision.change'), scheduleId: z.string().min(1).max(100) }),
  z.object({
    verb: z.literal('supervision.form'),
    scheduleId: z.string().max(100).optional(),
    draftId: z.uuid().optional(),
    kind: z.string().max(30).optional(),
    cadenceType: z.string().max(30).optional(),
    nth: z.string().max(3).optional(),
    weekday: z.string().max(2).optional(),
    weeks: z.union([z.string().max(3), z.number()]).optional(),
    firstDate: z.string().max(20).optional(),
    dates: z.string().max(300).optional(),
    startTime: z.string().max(10).optional(),
    durationMinutes: z.union([z.string().max(4), z.number()]).optional(),
    supervisor: z.string().max(100).optional(),
    place: z.string().max(300).optional(),
    reminders: z.string().max(100).optional(),
  }),
  /** Delete pressed on my supervision: asks first. */
  z.object({
    verb: z.literal('supervision.deleteConfirmed'),
    scheduleId: z.string().min(1).max(100),
  }),
  z.object({ verb: z.literal('supervision.keep') }),
  /** Supervision that was not scheduled (or happened before set-up): the form, then its submit. */
  z.object({ verb: z.literal('supervision.past') }),
  z.object({
    verb: z.literal('supervision.recordPast'),
    draftId: z.uuid(),
    kind: z.string().max(30).optional(),
    date: z.string().max(20).optional(),
    durationMinutes: z.union([z.string().max(4), z.number()]).optional(),
  }),
  /** No reminders before this date (annual leave); they resume on it. */
  z.object({ verb: z.literal('supervision.pauseUntil'), until: z.string().max(20).optional() }),
  /** The lead's friendly reminder to an overdue coach, from team supervision status. */
  z.object({ verb: z.literal('supervision.nudge'), coachId: z.string().min(1).max(100) }),
] as const;

export type SupervisionAction = z.infer<(typeof supervisionActionSchemas)[number]>;

/** The supervisor's name is the one field where a person's name belongs. */
export const supervisionFieldRules: FieldRules = {
  supervisor: { policy: 'person-name', label: 'Supervisor' },
  place: { label: 'Where' },
  schedule: { label: 'The schedule' },
  kind: { policy: 'choice' },
  cadenceType: { policy: 'choice' },
  reminders: { policy: 'choice' },
  dates: { label: 'Dates' },
  firstDate: { label: 'First date' },
  movedDate: { label: 'New date' },
  occurrence: { policy: 'choice' },
  date: { label: 'Date' },
  until: { label: 'Pause until' },
  coachId: { policy: 'choice' },
  confirmed: { policy: 'choice' },
};
