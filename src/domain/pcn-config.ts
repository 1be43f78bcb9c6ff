import { z } from 'zod';
import { pcnVocabularySchema } from './referral/language/pcn-vocabulary';
import { phraseProblem } from './risk/phrase-patterns';
import { RISK_CATEGORIES } from './risk/risk-categories';

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
  /** Codes to record when the person has been seen (first session held) on this route. */
  seenCodes: z.array(snomedCodeSchema).default([]),
  /** What to tell the person, in plain language. */
  patientMessage: text,
});
export type RouteDetails = z.infer<typeof routeDetailsSchema>;

const practiceSchema = z.object({
  odsCode,
  name: text,
  dutyClinician: text,
  safeguardingLead: text,
  /**
   * The practice's own Teams channel (its conversation id, 19:...@thread.tacv2), for the monthly
   * coaching update. Unset: no card is posted for the practice.
   */
  channelConversationId: z.string().trim().min(1).optional(),
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
  /** When the coach completed the PCI-accredited course (YYYY-MM-DD); seeds the roster only. */
  pciTrainingCompletedOn: z.iso.date().optional(),
  /** When the coach started in post (YYYY-MM-DD); seeds the roster only. */
  startedInPost: z.iso.date().optional(),
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

/**
 * What to suggest instead when no referral is made, by reason. National services only by
 * default: a PCN replaces them with its own.
 */
const alternativesSchema = z.object({
  /** Under the minimum age. */
  underAge: z
    .array(text)
    .default([
      "Children and young people's services: the practice can refer to local services for young people, including their mental health support where that is what is needed.",
      'The school nursing team, for school-age children and young people.',
    ]),
  /** They declined to be contacted. */
  declined: z
    .array(text)
    .default([
      'Services people can refer themselves to, such as NHS Stop Smoking Services, the NHS Digital Weight Management Programme and NHS Better Health.',
      'They can ask the practice again later if they change their mind.',
    ]),
  /** Not needed now: managing well, already confident, or no long-term condition. */
  notNeeded: z
    .array(text)
    .default([
      "Self-management resources: NHS Better Health and the NHS website's guides to living with their condition.",
      'Ask again if their confidence or circumstances change.',
    ]),
  /** Registered with a practice outside this PCN. */
  notRegistered: z
    .array(text)
    .default(["Their own GP practice can refer them to its Primary Care Network's roles."]),
});
export type Alternatives = z.infer<typeof alternativesSchema>;

/** A phone number as staff dial it: digits and spaces, optionally +44 ("0808 157 0123", "111"). */
const phoneNumber = z
  .string()
  .trim()
  .refine(
    (value) =>
      /^\+?[0-9][0-9 ]*[0-9]$/.test(value) &&
      value.replace(/[^0-9]/g, '').length >= 3 &&
      value.replace(/[^0-9]/g, '').length <= 15,
    'a phone number is 3 to 15 digits, with spaces if you like, e.g. 0808 157 0123',
  );

const urgentSchema = z
  .object({
    /** Extra local crisis line or instructions, shown under NHS 111 and 999. */
    localCrisisLine: text.optional(),
    /** The local 24/7 mental health crisis line's name, for the tailored urgent cards. */
    crisisLineName: text.max(120).optional(),
    /** Its number as staff dial it, e.g. "0808 157 0123". */
    crisisLinePhone: phoneNumber.optional(),
  })
  .superRefine((urgent, ctx) => {
    if (urgent.crisisLinePhone !== undefined && urgent.crisisLineName === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['crisisLineName'],
        message: 'give the crisis line a name to go with its number',
      });
    }
    if (urgent.crisisLineName !== undefined && urgent.crisisLinePhone === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['crisisLinePhone'],
        message: 'give the crisis line a number to go with its name',
      });
    }
  });

/** A phrase a PCN adds to the risk net, in the vocabulary's phrase language (phrase-patterns.ts). */
const riskPhrase = z
  .string()
  .trim()
  .superRefine((phrase, ctx) => {
    const problem =
      phrase.length < 2 || phrase.length > 120
        ? 'a risk phrase is 2 to 120 characters'
        : !/[a-z]/i.test(phrase)
          ? 'a risk phrase needs at least one letter'
          : phraseProblem(phrase);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: `not a usable phrase: ${problem}` });
    }
  });

/**
 * Local wording for the risk net. Phrases are added to the shipped ones for their category;
 * nothing here can remove or switch off a shipped phrase.
 */
const riskSchema = z.strictObject({
  extraPhrases: z.partialRecord(z.enum(RISK_CATEGORIES), z.array(riskPhrase).max(200)).optional(),
});
export type PcnRiskSettings = z.infer<typeof riskSchema>;

/** Which outcome routes offer "Send to the coaching team", and where the team hears of them. */
const referralLoopSchema = z.object({
  /** The coach by default; add 'splw' or 'care-coordinator' where that team takes them too. */
  routes: z.array(routeSchema).min(1).default(['hwbc']),
  /**
   * The coaching team's channel (its conversation id, 19:...@thread.tacv2). Unset: each coach
   * who works with the practice gets the referral in their 1:1 chat.
   */
  coachingTeamChannel: z.string().trim().min(1).optional(),
});
export type ReferralLoopSettings = z.infer<typeof referralLoopSchema>;

/** Reports shown outside the coaching team: monthly practice cards and referrers' feedback. */
const reportingSchema = z.object({
  /** Any count under this is shown as "fewer than N" (docs/reporting.md). */
  smallNumberThreshold: z.number().int().min(2).max(50).default(5),
});
export type ReportingSettings = z.infer<typeof reportingSchema>;

export const pcnConfigSchema = z
  .object({
    pcnName: text,
    /**
     * The PCN's ODS code (U and five digits): the roster's partition in Cosmos DB. Optional so
     * older files load; without it, one is derived from the PCN's name (see pcnCodeOf).
     */
    pcnCode: z
      .string()
      .regex(/^U[0-9]{5}$/, "a PCN's ODS code is U and five digits, e.g. U12345")
      .optional(),
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
    urgent: urgentSchema,
    /** Local additions to the risk net's vocabulary (src/domain/risk/). */
    risk: riskSchema.optional(),
    alternatives: alternativesSchema.default(alternativesSchema.parse({})),
    /** Referrals sent to the coaching team from the outcome card (docs/pcn-configuration.md). */
    referralLoop: referralLoopSchema.default(referralLoopSchema.parse({})),
    /** Small-number suppression for practice cards and feedback summaries. */
    reporting: reportingSchema.default(reportingSchema.parse({})),
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

/**
 * The code the PCN's roster is stored under: its ODS code when the file gives one, otherwise one
 * derived from its name (stable while the name is; set `pcnCode` before the first start).
 */
export function pcnCodeOf(config: Pick<PcnConfig, 'pcnCode' | 'pcnName'>): string {
  if (config.pcnCode !== undefined) {
    return config.pcnCode;
  }
  const slug = config.pcnName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `name-${slug}`;
}

/** Every problem in one readable list, one line each, with the path to the bad key. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
}
