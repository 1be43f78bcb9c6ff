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
  { kind: 'ask'; question: QuestionId } | { kind: 'outcome'; outcome: ReferralOutcome };

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
 * The bot never assesses clinical risk: a single red flag ends the flow at once with the urgent route.
 */
export function assessReferral(answers: ReferralAnswers, criteria: ReferralCriteria): Assessment {
  const ask = (question: QuestionId): Assessment => ({ kind: 'ask', question });
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

  const reasons: ReasonCode[] = [];
  const candidates = new Set<Route>();
  const needs = new Set(answers.needs);
  const hasLtc = answers.conditions.some((c) => c !== CONDITION_NONE && c !== CONDITION_AT_RISK);
  const atRisk = answers.conditions.includes(CONDITION_AT_RISK);
  let declined: Route | undefined;

  if (needs.has('behaviour')) {
    reasons.push('need-behaviour-change');
    if (!hasLtc && !atRisk) {
      reasons.push('no-ltc');
    } else {
      reasons.push(hasLtc ? 'ltc-present' : 'ltc-at-risk');
      if (answers.confidence === undefined) {
        return ask('confidence');
      }
      if (answers.pamLevel === undefined) {
        return ask('pamLevel');
      }
      const level = activation(answers, criteria);
      if (level === 'high') {
        reasons.push('high-activation');
      } else {
        reasons.push(level === 'low' ? 'low-activation' : 'some-confidence');
        if (answers.consent === undefined) {
          return ask('consent');
        }
        if (answers.consent === 'no') {
          reasons.push('coaching-declined');
          declined = 'hwbc';
        } else {
          reasons.push(answers.consent === 'yes' ? 'consent-given' : 'consent-not-asked');
          candidates.add('hwbc');
        }
      }
    }
  }
  if (needs.has('none') && needs.size === 1) {
    return done({ kind: 'no-referral', reasons: ['need-none'] });
  }
  for (const need of ['social', 'coordination', 'carer'] as const) {
    if (needs.has(need)) {
      reasons.push(NEED_ROUTE[need].reason);
      candidates.add(NEED_ROUTE[need].route);
    }
  }
  if (needs.has('unsure') && candidates.size === 0) {
    reasons.push('need-unsure');
    candidates.add(criteria.unsureRoute);
  }

  const ranked = criteria.routePriority.filter((route) => candidates.has(route));
  const [primary, secondary] = ranked;
  const extras = {
    ...(secondary === undefined ? {} : { secondary }),
    ...(declined === undefined ? {} : { declined }),
  };
  if (primary === undefined) {
    return done({ kind: 'no-referral', reasons, ...(declined === undefined ? {} : { declined }) });
  }
  return done({ kind: 'refer', primary, reasons, ...extras });
}
