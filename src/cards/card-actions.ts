import { z } from 'zod';
import { QUESTION_ORDER } from '../domain/referral/referral-answers';
import { audienceSchema, roleCardKeySchema } from './role-content';

/**
 * Every payload a card button can send back, keyed on `verb`. Anything else is refused with a
 * friendly reply; nothing is trusted until it passes this schema.
 */
const questionId = z.enum(QUESTION_ORDER as unknown as [string, ...string[]]);

export const cardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('referral.start') }),
  z.object({
    verb: z.literal('referral.answer'),
    questionId,
    /** A single choice, from a button. */
    value: z.string().max(200).optional(),
    /** Comma-separated choices, from a multi-select list. */
    choices: z.string().max(2000).optional(),
  }),
  z.object({ verb: z.literal('referral.back') }),
  z.object({ verb: z.literal('referral.cancel') }),
  z.object({
    verb: z.literal('role.show'),
    /** Which card; without one, the menu of role cards. */
    card: roleCardKeySchema.optional(),
    audience: audienceSchema.optional(),
  }),
  z.object({ verb: z.literal('help.show') }),
  z.object({ verb: z.literal('broadcast.start') }),
  z.object({
    verb: z.literal('broadcast.preview'),
    cards: z.string().max(500).optional(),
    audience: z.string().max(40).optional(),
    channels: z.string().max(20_000).optional(),
    when: z.enum(['now', 'later']).optional(),
    date: z.string().max(20).optional(),
    time: z.string().max(10).optional(),
    repeat: z.union([z.string().max(4), z.number()]).optional(),
  }),
  z.object({ verb: z.literal('broadcast.confirm'), draftId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('broadcast.edit') }),
  z.object({ verb: z.literal('broadcast.discard') }),
  z.object({ verb: z.literal('broadcast.status'), jobId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('broadcast.cancel'), jobId: z.string().min(1).max(100) }),
  z.object({
    verb: z.literal('supervision.save'),
    /** The schedule as understood, as JSON: checked again on the way in. */
    schedule: z.string().max(4000),
    supervisor: z.string().max(100).optional(),
    place: z.string().max(300).optional(),
    reminders: z.string().max(100).optional(),
  }),
  z.object({ verb: z.literal('supervision.discard') }),
  z.object({
    verb: z.literal('supervision.record'),
    scheduleId: z.string().min(1).max(100),
    sessionStart: z.iso.datetime(),
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
  z.object({ verb: z.literal('session.start') }),
  z.object({
    verb: z.literal('session.save'),
    logId: z.string().max(100).optional(),
    date: z.string().max(20).optional(),
    durationMinutes: z.union([z.string().max(6), z.number()]).optional(),
    mode: z.string().max(20).optional(),
    format: z.string().max(20).optional(),
    groupSize: z.union([z.string().max(6), z.number()]).optional(),
    sessionType: z.string().max(20).optional(),
    sessionNumber: z.union([z.string().max(6), z.number()]).optional(),
    attended: z.string().max(5).optional(),
    referralSource: z.string().max(20).optional(),
    pamLevel: z.string().max(10).optional(),
    onsSatisfaction: z.union([z.string().max(4), z.number()]).optional(),
    onsWorthwhile: z.union([z.string().max(4), z.number()]).optional(),
    onsHappiness: z.union([z.string().max(4), z.number()]).optional(),
    onsAnxiety: z.union([z.string().max(4), z.number()]).optional(),
    caseloadRef: z.string().max(200).optional(),
  }),
  z.object({ verb: z.literal('session.delete'), logId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('session.edit'), logId: z.string().min(1).max(100) }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardVerb = CardAction['verb'];

export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; verb?: string };

/** Parse `activity.value` from a card submit. */
export function parseCardAction(value: unknown): ParsedCardAction {
  const parsed = cardActionSchema.safeParse(value);
  if (parsed.success) {
    return { ok: true, action: parsed.data };
  }
  const verb: unknown =
    typeof value === 'object' && value !== null && 'verb' in value ? value.verb : undefined;
  return typeof verb === 'string' ? { ok: false, verb: verb.slice(0, 60) } : { ok: false };
}
