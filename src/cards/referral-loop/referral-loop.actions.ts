import { z } from 'zod';
import { FEEDBACK_SCORES } from '../../domain/referral-loop/referrer-feedback';
import type { FieldRules } from '../card-fields';

const month = z.string().regex(/^\d{4}-\d{2}$/);
const choice = { policy: 'choice' } as const;
/** A score, or '' when the person chose none. */
const score = z.union([z.enum(FEEDBACK_SCORES), z.literal('')]).optional();

/**
 * The buttons of the monthly practice card and the referrers' feedback card. The answers are
 * optional here because a submit without a choice still arrives; the service asks again then.
 */
export const referralLoopActionSchemas = [
  /** "Tell us what you think" on the practice card: the feedback card, in the 1:1 chat. */
  z.object({ verb: z.literal('feedback.ask'), month }),
  z.object({
    verb: z.literal('feedback.answer'),
    month,
    confidence: score,
    usefulness: score,
  }),
] as const;

/** Every field is one of the card's own choices: there is no free text on these cards. */
export const referralLoopFieldRules: FieldRules = {
  month: choice,
  confidence: choice,
  usefulness: choice,
};

export type ReferralLoopAction = z.infer<(typeof referralLoopActionSchemas)[number]>;
