import type { CaseOutcome, CaseState, NotForCoachingReason } from './referral-case';

/** Each state as the referrer and the coaching team read it. */
export const STATE_TEXT: Record<CaseState, string> = {
  sent: 'Sent, waiting for the coaching team',
  accepted: 'Accepted by the coaching team',
  'not-for-coaching': 'Not for coaching',
  'first-contact': 'First contact made',
  'first-session': 'First session held',
  closed: 'Closed',
};

export const NOT_FOR_COACHING_TEXT: Record<NotForCoachingReason, string> = {
  'other-service': 'Another service fits better',
  'not-ready': 'Not ready for coaching now',
  'already-supported': 'Already supported by the team or another service',
  'outside-criteria': "Outside the PCN's coaching criteria",
};

export const OUTCOME_TEXT: Record<CaseOutcome, string> = {
  'goals-met': 'Goals met',
  'partly-met': 'Goals partly met',
  'stopped-attending': 'Stopped attending',
  'could-not-contact': 'Could not be contacted',
  'moved-to-other-service': 'Moved to another service',
};
