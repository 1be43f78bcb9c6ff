import { z } from 'zod';
import type { FieldRules } from '../card-fields';
import { referralCaseActionSchemas, referralCaseFieldRules } from './referral-case.actions';
import { QUESTION_ORDER } from '../../domain/referral/referral-answers';

const questionId = z.enum(QUESTION_ORDER as unknown as [string, ...string[]]);
const urgentRoute = z.enum(['mental-health', 'safeguarding', 'acute']);

/** What the referral cards' buttons send back, keyed on `verb`. */
export const referralActionSchemas = [
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
  /** From an outcome card: reopen one answer and work the outcome out again. */
  z.object({ verb: z.literal('referral.change'), questionId: questionId.optional() }),
  z.object({ verb: z.literal('referral.cancel') }),
  /** Straight to the urgent route, from the question a risk mentioned in words asks. */
  z.object({ verb: z.literal('referral.urgent'), route: urgentRoute.optional() }),
  /** "No risk now" on that question. */
  z.object({ verb: z.literal('referral.riskDismissed') }),
  /** On an urgent card: show the contacts of this practice only. */
  z.object({
    verb: z.literal('referral.urgentPractice'),
    practice: z.string().max(20),
    route: z.enum(['mental-health', 'safeguarding', 'acute', 'any']).optional(),
  }),
  /** Show every question on one card (the quick check). */
  z.object({ verb: z.literal('referral.quick') }),
  /** The quick check or "here's what I understood" card, submitted: option values, "" for none. */
  z.object({
    verb: z.literal('referral.form'),
    redFlag: z.string().max(10).optional(),
    adult: z.string().max(10).optional(),
    practice: z.string().max(40).optional(),
    conditions: z.string().max(2000).optional(),
    needs: z.string().max(500).optional(),
    confidence: z.string().max(10).optional(),
    pamLevel: z.string().max(20).optional(),
    consent: z.string().max(20).optional(),
  }),
  ...referralCaseActionSchemas,
] as const;

/** The form's answers are the cards' own option values. */
export const referralFieldRules: FieldRules = {
  ...Object.fromEntries(
    [...QUESTION_ORDER, 'choices', 'route', 'practice'].map((field) => [
      field,
      { policy: 'choice' as const },
    ]),
  ),
  ...referralCaseFieldRules,
};

export type ReferralAction = z.infer<(typeof referralActionSchemas)[number]>;
