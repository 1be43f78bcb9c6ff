import { z } from 'zod';
import { ROUTES } from '../../domain/pcn-config';
import type { FieldRules } from '../card-fields';

const reference = z.string().min(1).max(12);
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
    sendKey: z.string().min(1).max(100),
    practice: z.string().max(20),
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
    reason: z.string().max(40).optional(),
  }),
  z.object({ verb: z.literal('referral.assign'), reference }),
  z.object({ verb: z.literal('referral.firstContact'), reference }),
  z.object({ verb: z.literal('referral.firstSession'), reference }),
  z.object({
    verb: z.literal('referral.close'),
    reference,
    outcome: z.string().max(40).optional(),
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
