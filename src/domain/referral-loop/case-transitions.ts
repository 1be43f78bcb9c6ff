import type { CaseOutcome, CaseState, NotForCoachingReason, ReferralCase } from './referral-case';

/** What a coach or lead can do to a case. */
export type CaseEvent =
  | { kind: 'accept' }
  | { kind: 'not-for-coaching'; reason: NotForCoachingReason }
  | { kind: 'assign'; to: { id: string; name: string } }
  | { kind: 'first-contact' }
  | { kind: 'first-session' }
  | { kind: 'close'; outcome: CaseOutcome };

/**
 * What an event came to: the changed case; 'stale' when the case has already gone past what the
 * button asks for (a second press, or someone else got there first), so nothing changes; or
 * 'refused' when the step cannot be taken from where the case is.
 */
export type TransitionResult =
  | { kind: 'changed'; next: ReferralCase }
  | { kind: 'stale'; state: CaseState }
  | { kind: 'refused'; state: CaseState };

/** How far along the path each state is; not-for-coaching and closed both end it. */
const STEP: Record<CaseState, number> = {
  sent: 0,
  accepted: 1,
  'first-contact': 2,
  'first-session': 3,
  closed: 4,
  'not-for-coaching': 4,
};

/** The states each event may move a case from, and the state it moves it to. */
const MOVES: Record<
  Exclude<CaseEvent['kind'], 'assign'>,
  { from: readonly CaseState[]; to: CaseState }
> = {
  accept: { from: ['sent'], to: 'accepted' },
  'not-for-coaching': { from: ['sent'], to: 'not-for-coaching' },
  'first-contact': { from: ['accepted'], to: 'first-contact' },
  'first-session': { from: ['accepted', 'first-contact'], to: 'first-session' },
  close: { from: ['accepted', 'first-contact', 'first-session'], to: 'closed' },
};

const ENDED: readonly CaseState[] = ['not-for-coaching', 'closed'];

/** Apply one event at `at` (UTC ISO). Pure: the caller stores the result, guarded by its ETag. */
export function applyCaseEvent(
  current: ReferralCase,
  event: CaseEvent,
  at: string,
): TransitionResult {
  const state = current.state;
  if (event.kind === 'assign') {
    if (ENDED.includes(state)) {
      return { kind: 'stale', state };
    }
    if (current.assignedTo?.id === event.to.id) {
      return { kind: 'stale', state };
    }
    return { kind: 'changed', next: { ...current, assignedTo: event.to } };
  }
  const move = MOVES[event.kind];
  if (!move.from.includes(state)) {
    // Past it already (or ended): a stale button. Before it: a step that cannot be taken yet.
    const passed = ENDED.includes(state) || move.from.every((from) => STEP[state] > STEP[from]);
    return passed ? { kind: 'stale', state } : { kind: 'refused', state };
  }
  const next: ReferralCase = {
    ...current,
    state: move.to,
    stateAt: at,
    pendingUpdates: [...current.pendingUpdates, { state: move.to, at }],
    reached: { ...current.reached, [move.to]: current.reached?.[move.to] ?? at },
    ...(event.kind === 'not-for-coaching' ? { notForCoachingReason: event.reason } : {}),
    ...(event.kind === 'close' ? { outcome: event.outcome } : {}),
  };
  return { kind: 'changed', next };
}
