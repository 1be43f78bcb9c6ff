import { z } from 'zod';
import { pcnVocabularySchema } from './referral/language/pcn-vocabulary';

/**
 * The PCN's own configuration: practices, people, local referral criteria, routes, contacts and
 * clinical codes. Loaded from a JSON file at start and validated here; nothing in it is hard-coded
 * elsewhere. See config/pcn.example.json and docs/admin-guide.md.
 */

export const ROUTES = ['hwbc', 'splw', 'care-coordinator'] as const;
export type Route = (typeof ROUTES)[number];
export const routeSchema = z.enum(ROUTES);

const text = z.string().trim().min(1);
const odsCode = z
  .string()
  .regex(
    /^[A-Z][0-9]{5}$/,
    'a GP practice ODS code is a capital letter and five digits, e.g. Y01234',
  );
const objectId = z.guid('an Entra object id is a GUID');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

export const snomedCodeSchema = z.object({
  conceptId: z.string().regex(/^[0-9]{6,18}$/, 'a SNOMED CT concept id is 6 to 18 digits'),
  term: text,
});
export type SnomedCode = z.infer<typeof snomedCodeSchema>;

const routeDetailsSchema = z.object({
  /** What staff call the role locally, e.g. "Health and Wellbeing Coach". */
  name: text,
  /** How to refer at this PCN, in one or two sentences. */
  howToRefer: text,
  contact: text.optional(),
  link: z.url().optional(),
  /** Codes to record in the GP system when referring. Empty: the card points to the practice template. */
  referralCodes: z.array(snomedCodeSchema).default([]),
  /** Codes to record when the person declines this route. */
  declinedCodes: z.array(snomedCodeSchema).default([]),
  /** What to tell the person, in plain language. */
  patientMessage: text,
});
export type RouteDetails = z.infer<typeof routeDetailsSchema>;

const practiceSchema = z.object({
  odsCode,
  name: text,
  dutyClinician: text,
  safeguardingLead: text,
});
export type Practice = z.infer<typeof practiceSchema>;

const personSchema = z.object({ aadObjectId: objectId, displayName: text });

export const COACHING_MODES = ['phone', 'video', 'face-to-face'] as const;
export const COACHING_FORMATS = ['one-to-one', 'group'] as const;

const coachSchema = personSchema.extend({
  /** ODS codes of the practices the coach works with; empty means all of the PCN's practices. */
  practices: z.array(odsCode).default([]),
  modes: z.array(z.enum(COACHING_MODES)).min(1).default(['phone', 'video', 'face-to-face']),
  formats: z.array(z.enum(COACHING_FORMATS)).min(1).default(['one-to-one']),
  /** One or two sentences in the coach's own words, shown on "meet your coaches". */
  about: text.max(400).optional(),
});
export type Coach = z.infer<typeof coachSchema>;

const conditionSchema = z.object({ id: slug, label: text });

const referralCriteriaSchema = z.object({
  minimumAge: z.number().int().min(16).max(120).default(18),
  /** Long-term conditions offered as choices. "At risk of one" and "none" are always added. */
  conditions: z.array(conditionSchema).min(1),
  /** The highest "confidence managing their health" answer (1-4) at which coaching is still suggested. */
  maxConfidenceForCoaching: z.number().int().min(1).max(4).default(3),
  /** The highest PAM level (1-4), when one was measured under licence, at which coaching is suggested. */
  maxPamLevelForCoaching: z.number().int().min(1).max(4).default(3),
  /** Which route leads when several fit. */
  routePriority: z
    .array(routeSchema)
    .length(3)
    .refine((list) => new Set(list).size === 3, 'name each route once')
    .default(['care-coordinator', 'hwbc', 'splw']),
  /** The single point of access when the referrer is unsure which role fits. */
  unsureRoute: routeSchema.default('splw'),
  /** Local words for the answers, added to the bot's own (docs/pcn-configuration.md). */
  vocabulary: pcnVocabularySchema.optional(),
});
export type ReferralCriteria = z.infer<typeof referralCriteriaSchema>;

export const pcnConfigSchema = z
  .object({
    pcnName: text,
    /** When the contacts, routes and codes below were last checked by the PCN (YYYY-MM-DD). */
    reviewedOn: z.iso.date(),
    practices: z.array(practiceSchema).min(1),
    leads: z.array(personSchema).default([]),
    coaches: z.array(coachSchema).default([]),
    referral: referralCriteriaSchema,
    routes: z.object({
      hwbc: routeDetailsSchema,
      splw: routeDetailsSchema,
      'care-coordinator': routeDetailsSchema,
    }),
    urgent: z.object({
      /** Extra local crisis line or instructions, shown under NHS 111 and 999. */
      localCrisisLine: text.optional(),
    }),
  })
  .superRefine((cfg, ctx) => {
    const codes = cfg.practices.map((p) => p.odsCode);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({ code: 'custom', path: ['practices'], message: 'each practice ODS code once' });
    }
    for (const [index, coach] of cfg.coaches.entries()) {
      for (const practice of coach.practices) {
        if (!codes.includes(practice)) {
          ctx.addIssue({
            code: 'custom',
            path: ['coaches', index, 'practices'],
            message: `${practice} is not one of the practices listed`,
          });
        }
      }
    }
    const ids = cfg.referral.conditions.map((c) => c.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['referral', 'conditions'],
        message: 'each condition id once',
      });
    }
    for (const reserved of ['none', 'at-risk']) {
      if (ids.includes(reserved)) {
        ctx.addIssue({
          code: 'custom',
          path: ['referral', 'conditions'],
          message: `"${reserved}" is added by the bot; do not list it`,
        });
      }
    }
    const vocabulary = cfg.referral.vocabulary;
    const known: ReadonlyArray<
      readonly [string, readonly string[], Record<string, unknown> | undefined]
    > = [
      ['conditions', [...ids, 'none', 'at-risk'], vocabulary?.conditions],
      ['practices', [...codes, 'not-registered'], vocabulary?.practices],
    ];
    for (const [section, allowed, lists] of known) {
      for (const key of Object.keys(lists ?? {})) {
        if (!allowed.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['referral', 'vocabulary', section, key],
            message: `${key} is not one of ${allowed.join(', ')}`,
          });
        }
      }
    }
  });

export type PcnConfig = z.infer<typeof pcnConfigSchema>;

/** Every problem in one readable list, one line each, with the path to the bad key. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
}
