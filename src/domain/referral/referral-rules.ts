import type { ReferralCriteria, Route } from '../pcn-config';
import {
  CONDITION_AT_RISK,
  CONDITION_NONE,
  NOT_REGISTERED,
  type Need,
  type QuestionId,
  type ReferralAnswers,
} from './referral-answers';
import type { ReasonCode } from './reasons';

/** The end of a referral conversation. */
export type ReferralOutcome =
  | { kind: 'urgent'; reasons: ReasonCode[] }
  | { kind: 'refer'; primary: Route; secondary?: Route; reasons: ReasonCode[]; declined?: Route }
  | { kind: 'no-referral'; reasons: ReasonCode[]; declined?: Route };

export type Assessment =
  | {
      kind: 'ask';
      question: QuestionId;
      /** For consent: the route they would be contacted by. */ about?: Route;
    }
  | { kind: 'outcome'; outcome: ReferralOutcome };

type Activation = 'low' | 'some' | 'high';

function activation(answers: ReferralAnswers, criteria: ReferralCriteria): Activation | undefined {
  const { pamLevel, confidence } = answers;
  if (typeof pamLevel === 'number') {
    if (pamLevel <= 2) {
      return 'low';
    }
    return pamLevel > criteria.maxPamLevelForCoaching ? 'high' : 'some';
  }
  if (confidence === undefined) {
    return undefined;
  }
  if (confidence <= 2) {
    return 'low';
  }
  return confidence > criteria.maxConfidenceForCoaching ? 'high' : 'some';
}

/** Which band a confidence answer and a PAM level fall in, to say when the two disagree. */
function band(level: number, max: number): Activation {
  if (level <= 2) {
    return 'low';
  }
  return level > max ? 'high' : 'some';
}

const NEED_ROUTE: Record<
  Exclude<Need, 'behaviour' | 'unsure' | 'none'>,
  { route: Route; reason: ReasonCode }
> = {
  social: { route: 'splw', reason: 'need-social' },
  coordination: { route: 'care-coordinator', reason: 'need-coordination' },
  carer: { route: 'splw', reason: 'need-carer' },
};

/**
 * The referral rules, as one pure function: given the answers so far and the PCN's criteria,
 * either the next question to ask or the outcome with its reasons.
 *
 * The bot never assesses clinical risk: a single red flag ends the flow at once with the urgent
 * route. Every route offered comes with its own reasons, the primary route's first, and only the
 * routes offered have reasons shown; when none is offered the reasons say why. Agreement to be
 * contacted is asked before any route is suggested.
 */
export function assessReferral(answers: ReferralAnswers, criteria: ReferralCriteria): Assessment {
  const ask = (question: QuestionId, about?: Route): Assessment => ({
    kind: 'ask',
    question,
    ...(about === undefined ? {} : { about }),
  });
  const done = (outcome: ReferralOutcome): Assessment => ({ kind: 'outcome', outcome });

  if (answers.redFlag === undefined) {
    return ask('redFlag');
  }
  if (answers.redFlag) {
    return done({ kind: 'urgent', reasons: ['red-flag'] });
  }
  if (answers.adult === undefined) {
    return ask('adult');
  }
  if (!answers.adult) {
    return done({ kind: 'no-referral', reasons: ['under-minimum-age'] });
  }
  if (answers.practice === undefined) {
    return ask('practice');
  }
  if (answers.practice === NOT_REGISTERED) {
    return done({ kind: 'no-referral', reasons: ['not-registered'] });
  }
  if (answers.conditions === undefined) {
    return ask('conditions');
  }
  if (answers.needs === undefined) {
    return ask('needs');
  }

  const needs = new Set(answers.needs);
  if (needs.has('none') && needs.size === 1) {
    return done({ kind: 'no-referral', reasons: ['need-none'] });
  }
  const hasLtc = answers.conditions.some((c) => c !== CONDITION_NONE && c !== CONDITION_AT_RISK);
  const atRisk = answers.conditions.includes(CONDITION_AT_RISK);
  /** The routes offered, each with its own reasons. */
  const offered = new Map<Route, ReasonCode[]>();
  /** Why coaching is not offered, shown only when no route is. */
  const notOffered: ReasonCode[] = [];
  const offer = (route: Route, reasons: readonly ReasonCode[]): void => {
    offered.set(route, [...(offered.get(route) ?? []), ...reasons]);
  };

  if (needs.has('behaviour') || needs.has('unsure')) {
    const why: ReasonCode = needs.has('behaviour')
      ? 'need-behaviour-change'
      : 'need-unsure-coaching';
    if (!hasLtc && !atRisk) {
      if (needs.has('behaviour')) {
        notOffered.push(why, 'no-ltc');
      }
    } else {
      if (answers.confidence === undefined) {
        return ask('confidence');
      }
      if (answers.pamLevel === undefined) {
        return ask('pamLevel');
      }
      const reasons: ReasonCode[] = [why, hasLtc ? 'ltc-present' : 'ltc-at-risk'];
      if (
        typeof answers.pamLevel === 'number' &&
        band(answers.pamLevel, criteria.maxPamLevelForCoaching) !==
          band(answers.confidence, criteria.maxConfidenceForCoaching)
      ) {
        reasons.push('pam-used-over-confidence');
      }
      const level = activation(answers, criteria);
      if (level === 'high') {
        notOffered.push(...reasons, 'high-activation');
      } else {
        offer('hwbc', [...reasons, level === 'low' ? 'low-activation' : 'some-confidence']);
      }
    }
  }
  for (const need of ['social', 'carer', 'coordination'] as const) {
    if (needs.has(need)) {
      offer(NEED_ROUTE[need].route, [NEED_ROUTE[need].reason]);
    }
  }
  if (needs.has('unsure') && offered.size === 0) {
    offer(criteria.unsureRoute, ['need-unsure']);
  }

  const [primary, secondary] = criteria.routePriority.filter((route) => offered.has(route));
  if (primary === undefined) {
    return done({ kind: 'no-referral', reasons: notOffered });
  }
  const reasonsFor = (route: Route): ReasonCode[] => offered.get(route) ?? [];
  if (answers.consent === undefined) {
    return ask('consent', primary);
  }
  if (answers.consent === 'no') {
    return done({
      kind: 'no-referral',
      reasons: [
        ...reasonsFor(primary),
        primary === 'hwbc' ? 'coaching-declined' : 'contact-declined',
      ],
      declined: primary,
    });
  }
  return done({
    kind: 'refer',
    primary,
    ...(secondary === undefined ? {} : { secondary }),
    reasons: [
      ...reasonsFor(primary),
      ...(secondary === undefined ? [] : reasonsFor(secondary)),
      answers.consent === 'yes' ? 'consent-given' : 'consent-not-asked',
    ],
  });
}
