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
};
