import { z } from 'zod';
import { ROUTES } from '../pcn-config';
import { NEEDS } from '../referral/referral-answers';
import { REASON_CODES } from '../referral/reasons';
import { REFERENCE_PATTERN } from './case-reference';

/**
 * A referral sent to the coaching team. It holds no patient identifier: the practice, the route,
 * the rules' reason codes and "what matters" as the answers' fixed choices, and a short reference
 * the practice puts in its clinical system task. Because the practice can link that reference to a
 * patient, a case is pseudonymised personal data (health data): see docs/privacy.md.
 */
export const CASE_STATES = [
  'sent',
  'accepted',
  'not-for-coaching',
  'first-contact',
  'first-session',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Why the coaching team did not take a referral: a short fixed list, never free text. */
export const NOT_FOR_COACHING_REASONS = [
  'other-service',
  'not-ready',
  'already-supported',
  'outside-criteria',
] as const;
export type NotForCoachingReason = (typeof NOT_FOR_COACHING_REASONS)[number];

/** How a coaching relationship ended. */
export const CASE_OUTCOMES = [
  'goals-met',
  'partly-met',
  'stopped-attending',
  'could-not-contact',
  'moved-to-other-service',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The routes a case can be sent on. */
export const caseRouteSchema = z.enum(ROUTES);

const staffMember = z.object({ id: z.string().min(1), name: z.string() });

/** One change of state, as the referrer will hear of it. */
export const caseChangeSchema = z.object({ state: z.enum(CASE_STATES), at: z.iso.datetime() });
export type CaseChange = z.infer<typeof caseChangeSchema>;

export const referralCaseSchema = z.object({
  reference: z.string().regex(REFERENCE_PATTERN),
  /** The PCN the case belongs to: references are unique within it. */
  pcn: z.string().min(1),
  tenantId: z.string(),
  /** The outcome card's send key: the same card pressed again finds this case. */
  sendKey: z.string().min(1).max(100),
  practice: z.string().regex(/^[A-Z][0-9]{5}$/),
  route: caseRouteSchema,
  reasons: z.array(z.enum(REASON_CODES)),
  whatMatters: z.array(z.enum(NEEDS)),
  /** The referrer's Entra object id, lower case. */
  referrerId: z.string().min(1),
  createdAt: z.iso.datetime(),
  state: z.enum(CASE_STATES),
  stateAt: z.iso.datetime(),
  assignedTo: staffMember.nullable(),
  notForCoachingReason: z.enum(NOT_FOR_COACHING_REASONS).nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  /** When each state was first reached (UTC ISO), for the monthly practice cards. */
  reached: z.partialRecord(z.enum(CASE_STATES), z.iso.datetime()).optional(),
  /** Changes the referrer has not been told of yet. */
  pendingUpdates: z.array(caseChangeSchema),
  /** The London date the referrer was last sent an update (the once-a-day marker). */
  lastUpdateOn: z.iso.date().nullable(),
});
export type ReferralCase = z.infer<typeof referralCaseSchema>;

/** Cases the coaching team still has work on. */
export const OPEN_STATES: readonly CaseState[] = [
  'sent',
  'accepted',
  'first-contact',
  'first-session',
];
