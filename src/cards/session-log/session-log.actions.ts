import { z } from 'zod';
import type { FieldRules } from '../card-fields';

/** A log id as the bot makes them (letters, digits, hyphens): anything else is no log's. */
const logId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);
/** On a new log's card the id is empty. */
const logIdOrNone = z.string().regex(/^[A-Za-z0-9-]{0,100}$/);

/** What the session-log cards' buttons send back, keyed on `verb`. */
export const sessionLogActionSchemas = [
  z.object({ verb: z.literal('session.start') }),
  z.object({
    verb: z.literal('session.save'),
    logId: logIdOrNone.optional(),
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
    referralRef: z.string().max(200).optional(),
    practice: z.string().max(20).optional(),
  }),
  z.object({ verb: z.literal('session.delete'), logId }),
  z.object({ verb: z.literal('session.edit'), logId }),
  // The period picker on the caseload card and on the activity report: a key like "2026-11",
  // "2026-Q3" or "2026" (read by periodFromKey; anything else is answered as not understood).
  z.object({ verb: z.literal('session.caseload'), period: z.string().max(10).optional() }),
  z.object({ verb: z.literal('session.report'), period: z.string().max(10).optional() }),
] as const;

export type SessionLogAction = z.infer<(typeof sessionLogActionSchemas)[number]>;

export const sessionLogFieldRules: FieldRules = {
  caseloadRef: { label: 'Caseload reference' },
  referralRef: { label: 'Referral reference' },
  practice: { policy: 'choice' },
  period: { policy: 'choice' },
  date: { label: 'Date' },
  mode: { policy: 'choice' },
  format: { policy: 'choice' },
  sessionType: { policy: 'choice' },
  attended: { policy: 'choice' },
  referralSource: { policy: 'choice' },
  pamLevel: { policy: 'choice' },
};
