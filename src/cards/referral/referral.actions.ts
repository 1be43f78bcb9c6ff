import { z } from 'zod';
import { QUESTION_ORDER } from '../../domain/referral/referral-answers';

const questionId = z.enum(QUESTION_ORDER as unknown as [string, ...string[]]);

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
] as const;

export type ReferralAction = z.infer<(typeof referralActionSchemas)[number]>;
