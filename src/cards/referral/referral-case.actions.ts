import { z } from 'zod';
import { ROUTES } from '../../domain/pcn-config';
import { REFERENCE_PATTERN } from '../../domain/referral-loop/case-reference';
import { CASE_OUTCOMES, NOT_FOR_COACHING_REASONS } from '../../domain/referral-loop/referral-case';
import type { FieldRules } from '../card-fields';

/** Only a reference's own shape: anything else (a date, a name) is refused before a handler sees it. */
const reference = z.string().regex(REFERENCE_PATTERN);
const choice: FieldRules[string] = { policy: 'choice' };

/**
 * The buttons of a referral sent to the coaching team: "Send to the coaching team" on the
 * outcome card, the coaching team's buttons on the case card, and "My referrals". Every value is
 * one the card itself offers; the reason and outcome are optional here because a static payload
 * carries none until the person chooses one (the service asks again if none came).
 */
export const referralCaseActionSchemas = [
  z.object({
    verb: z.literal('referral.send'),
    /** Made from the outcome's activity: the same card pressed twice makes one case. */
    sendKey: z.string().regex(/^[a-f0-9]{32}$/),
    practice: z.string().regex(/^[A-Z][0-9]{5}$/),
    route: z.enum(ROUTES),
    /** Comma-separated reason codes of the outcome. */
    reasons: z.string().max(1000),
    /** Comma-separated "what matters" choices from the answers. */
    whatMatters: z.string().max(200),
  }),
  z.object({ verb: z.literal('referral.accept'), reference }),
  z.object({
    verb: z.literal('referral.notForCoaching'),
    reference,
    reason: z.union([z.enum(NOT_FOR_COACHING_REASONS), z.literal('')]).optional(),
  }),
  z.object({ verb: z.literal('referral.assign'), reference }),
  z.object({ verb: z.literal('referral.firstContact'), reference }),
  z.object({ verb: z.literal('referral.firstSession'), reference }),
  z.object({
    verb: z.literal('referral.close'),
    reference,
    outcome: z.union([z.enum(CASE_OUTCOMES), z.literal('')]).optional(),
  }),
  z.object({ verb: z.literal('referral.mine') }),
] as const;

/** Every field of these buttons is an id or one of the card's own choices. */
export const referralCaseFieldRules: FieldRules = {
  sendKey: choice,
  reference: choice,
  reasons: choice,
  whatMatters: choice,
  reason: choice,
};

export type ReferralCaseAction = z.infer<(typeof referralCaseActionSchemas)[number]>;
