import { z } from 'zod';

/**
 * What the referrer has told the bot so far. Nothing here identifies a patient: no age in years,
 * no names or dates, only the answers the rules need.
 */
export const NEEDS = ['behaviour', 'social', 'coordination', 'carer', 'none', 'unsure'] as const;
/** "Nothing in particular: managing well". */
export const NEED_NONE = 'none';
export type Need = (typeof NEEDS)[number];

export const CONSENT = ['yes', 'no', 'not-asked'] as const;
export type Consent = (typeof CONSENT)[number];

export const NOT_REGISTERED = 'not-registered';
export const CONDITION_NONE = 'none';
export const CONDITION_AT_RISK = 'at-risk';

const level = z.number().int().min(1).max(4);

export const referralAnswersSchema = z
  .object({
    /** True when any red flag applies. */
    redFlag: z.boolean(),
    /** At or above the PCN's minimum age. */
    adult: z.boolean(),
    /** The practice's ODS code, or "not-registered". */
    practice: z.string().min(1),
    /** Condition ids from configuration, "at-risk", or just "none". */
    conditions: z.array(z.string().min(1)).min(1),
    needs: z.array(z.enum(NEEDS)).min(1),
    /** 1 not at all confident ... 4 very confident, managing their health day to day. */
    confidence: level,
    /** A PAM level measured elsewhere under licence, or null when not measured. Never computed here. */
    pamLevel: level.nullable(),
    consent: z.enum(CONSENT),
  })
  .partial();

export type ReferralAnswers = z.infer<typeof referralAnswersSchema>;
export type QuestionId = keyof ReferralAnswers;

export const QUESTION_ORDER: readonly QuestionId[] = [
  'redFlag',
  'adult',
  'practice',
  'conditions',
  'needs',
  'confidence',
  'pamLevel',
  'consent',
];
