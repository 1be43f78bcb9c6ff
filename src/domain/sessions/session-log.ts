import { DateTime } from 'luxon';
import { z } from 'zod';
import { findPatientIdentifier } from '../nhs-number';

/**
 * A coaching session as a coach logs it for PCN reporting: what kind of session, not what was
 * said. No patient identifiers; the clinical record and its coding stay in the GP system.
 */
export const MODES = ['phone', 'video', 'face-to-face'] as const;
export const FORMATS = ['one-to-one', 'group'] as const;
export const SESSION_TYPES = ['first', 'follow-up', 'final'] as const;
export const REFERRAL_SOURCES = ['gp', 'nurse', 'link-worker', 'self', 'other'] as const;

const score = z.number().int().min(0).max(10);

/** A PCN-local pseudonym at most: refused if it looks like an NHS number or a date. */
export const caseloadReferenceSchema = z
  .string()
  .trim()
  .max(20, 'keep the caseload reference short: at most 20 characters')
  .superRefine((value, ctx) => {
    const identifier = findPatientIdentifier(value);
    if (identifier === 'nhs-number') {
      ctx.addIssue({
        code: 'custom',
        message:
          'That looks like an NHS number. Use your local caseload pseudonym instead: NHS numbers must not be stored here.',
      });
    } else if (identifier === 'date') {
      ctx.addIssue({
        code: 'custom',
        message:
          'That looks like a date, perhaps a date of birth. Use your local caseload pseudonym instead.',
      });
    }
  });

/**
 * The referral this session follows, as the referral loop numbers them ("HC-7K3Q"): optional,
 * upper-cased, and only that shape, so nothing else can be written in it.
 */
export const REFERRAL_REFERENCE = /^HC-[0-9A-Z]{4}$/;
export const referralReferenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(REFERRAL_REFERENCE, 'give it as on the referral, like HC-7K3Q');

export const sessionLogInputSchema = z
  .object({
    date: z.iso.date(),
    /** Null for a session the person did not attend: it has no length. */
    durationMinutes: z
      .number()
      .int()
      .min(5, 'at least 5 minutes')
      .max(240, 'at most 240 minutes')
      .nullable(),
    mode: z.enum(MODES),
    format: z.enum(FORMATS),
    groupSize: z.number().int().min(2).max(50).nullable(),
    sessionType: z.enum(SESSION_TYPES).nullable(),
    sessionNumber: z.number().int().min(1).max(50).nullable(),
    attended: z.boolean(),
    referralSource: z.enum(REFERRAL_SOURCES),
    pamLevel: z.number().int().min(1).max(4).nullable(),
    ons4: z
      .object({ satisfaction: score, worthwhile: score, happiness: score, anxiety: score })
      .nullable(),
    caseloadRef: caseloadReferenceSchema.nullable(),
    referralRef: referralReferenceSchema.nullable(),
    /** The practice's ODS code, one of the PCN's (the card offers only those). */
    practice: z.string().max(10).nullable(),
  })
  .superRefine((log, ctx) => {
    if (log.attended && log.durationMinutes === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['durationMinutes'],
        message: 'give the length of a session they attended',
      });
    }
    if (!log.attended && (log.durationMinutes !== null || log.pamLevel !== null || log.ons4)) {
      ctx.addIssue({
        code: 'custom',
        path: ['attended'],
        message: 'a session they did not attend has no minutes or outcome scores',
      });
    }
    if (log.format === 'group' && log.groupSize === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupSize'],
        message: 'give the group size for a group session',
      });
    }
    if (log.sessionType === null && log.sessionNumber === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['sessionType'],
        message: 'say whether it was a first, follow-up or final session, or give its number',
      });
    }
  });
export type SessionLogInput = z.infer<typeof sessionLogInputSchema>;

export const sessionLogSchema = z.object({
  logId: z.string().min(1),
  coachId: z.string().min(1),
  tenantId: z.string(),
  /** yyyy-MM of the session date: reports are monthly. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  createdAt: z.iso.datetime(),
  entry: z.object({
    date: z.iso.date(),
    durationMinutes: z.number().int().nullable(),
    mode: z.enum(MODES),
    format: z.enum(FORMATS),
    groupSize: z.number().int().nullable(),
    sessionType: z.enum(SESSION_TYPES).nullable(),
    sessionNumber: z.number().int().nullable(),
    attended: z.boolean(),
    referralSource: z.enum(REFERRAL_SOURCES),
    pamLevel: z.number().int().nullable(),
    ons4: z
      .object({ satisfaction: score, worthwhile: score, happiness: score, anxiety: score })
      .nullable(),
    caseloadRef: z.string().nullable(),
    /** Logs from before the field existed have none. */
    referralRef: z.string().nullable().default(null),
    practice: z.string().nullable().default(null),
  }),
});
export type SessionLog = z.infer<typeof sessionLogSchema>;

/** Can this coach still change this log? Only their own, and only for a few days. */
export function canChange(
  log: SessionLog,
  coachId: string,
  now: DateTime,
  editDays: number,
): boolean {
  return (
    log.coachId === coachId && DateTime.fromISO(log.createdAt) >= now.minus({ days: editDays })
  );
}

export interface CaseloadSummary {
  sessions: number;
  attended: number;
  didNotAttend: number;
  /** Attended minutes in all, for "1 hour 30 minutes". */
  minutes: number;
  /** People at attended sessions: one for a 1:1, the group's size for a group. */
  peopleSeen: number;
  byMode: Record<(typeof MODES)[number], number>;
  byFormat: Record<(typeof FORMATS)[number], number>;
  byType: { first: number; followUp: number; final: number };
}

export function summariseCaseload(logs: readonly SessionLog[]): CaseloadSummary {
  const attendedLogs = logs.filter((l) => l.entry.attended);
  const count = <T extends string>(
    values: readonly T[],
    pick: (l: SessionLog) => T,
  ): Record<T, number> =>
    Object.fromEntries(
      values.map((v) => [v, attendedLogs.filter((l) => pick(l) === v).length]),
    ) as Record<T, number>;
  return {
    sessions: logs.length,
    attended: attendedLogs.length,
    didNotAttend: logs.length - attendedLogs.length,
    minutes: attendedLogs.reduce((sum, l) => sum + (l.entry.durationMinutes ?? 0), 0),
    peopleSeen: attendedLogs.reduce((sum, l) => sum + peopleAt(l), 0),
    byMode: count(MODES, (l) => l.entry.mode),
    byFormat: count(FORMATS, (l) => l.entry.format),
    byType: {
      first: attendedLogs.filter(
        (l) => l.entry.sessionType === 'first' || l.entry.sessionNumber === 1,
      ).length,
      followUp: attendedLogs.filter(
        (l) => l.entry.sessionType === 'follow-up' || (l.entry.sessionNumber ?? 0) > 1,
      ).length,
      final: attendedLogs.filter((l) => l.entry.sessionType === 'final').length,
    },
  };
}

/** How many people one attended session saw. */
function peopleAt(log: SessionLog): number {
  return log.entry.format === 'group' ? (log.entry.groupSize ?? 1) : 1;
}
