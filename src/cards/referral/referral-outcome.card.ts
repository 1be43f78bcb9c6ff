import { z } from 'zod';
import type { DateTime } from 'luxon';
import type { Alternatives, PcnConfig, Route } from '../../domain/pcn-config';
import { reasonText, type ReasonCode } from '../../domain/referral/reasons';
import { recordSummary } from '../../domain/referral/record-summary';
import { QUESTION_ORDER, type ReferralAnswers } from '../../domain/referral/referral-answers';
import { buildQuestion, describeAnswer } from '../../domain/referral/referral-questions';
import type { ReferralOutcome } from '../../domain/referral/referral-rules';
import template from './referral-outcome.card.json';
import { renderWith } from '../render';

const codeSchema = z.object({ conceptId: z.string(), term: z.string() });

export const referralOutcomeCardSchema = z.object({
  headline: z.string(),
  subheadline: z.string(),
  headlineStyle: z.enum(['good', 'warning', 'emphasis']),
  reasons: z.array(z.string()).min(1),
  routes: z.array(
    z.object({
      name: z.string(),
      howToRefer: z.string(),
      contact: z.string(),
      link: z.string(),
      codes: z.array(codeSchema),
      patientMessage: z.string(),
    }),
  ),
  declined: z.string(),
  declinedCodes: z.array(codeSchema),
  /** What the referrer said, as the rules used it. */
  answers: z.array(z.object({ title: z.string(), value: z.string() })),
  /** Where the person could go instead, for an outcome with no referral. */
  alternatives: z.array(z.string()),
  /** Lines to paste into the clinical record. */
  summary: z.array(z.string()),
  /** The answers that "Change an answer" can reopen. */
  changeChoices: z.array(z.object({ title: z.string(), value: z.string() })),
  reviewNote: z.string(),
  /** "Send to the coaching team": shown when the route takes referrals in Teams. */
  canSend: z.boolean(),
  send: z.object({
    title: z.string(),
    sendKey: z.string(),
    practice: z.string(),
    route: z.string(),
    reasons: z.string(),
    whatMatters: z.string(),
  }),
});
export type ReferralOutcomeCardData = z.infer<typeof referralOutcomeCardSchema>;

type NonUrgent = Exclude<ReferralOutcome, { kind: 'urgent' }>;

/** Which of the PCN's alternatives fit an outcome with no referral, by its reasons. */
function alternativesFor(outcome: NonUrgent, alternatives: Alternatives): string[] {
  if (outcome.kind !== 'no-referral') {
    return [];
  }
  const has = (...codes: ReasonCode[]): boolean => codes.some((c) => outcome.reasons.includes(c));
  if (has('under-minimum-age')) {
    return alternatives.underAge;
  }
  if (has('not-registered')) {
    return alternatives.notRegistered;
  }
  if (has('coaching-declined', 'contact-declined')) {
    return alternatives.declined;
  }
  return alternatives.notNeeded;
}

/**
 * The "Send to the coaching team" button's data: for an outcome whose route (first, or else the
 * second) the PCN takes in Teams, at a practice of the PCN. Only the answers' fixed choices go.
 */
function sendToTeam(
  outcome: NonUrgent,
  answers: ReferralAnswers,
  pcn: PcnConfig,
  sendKey: string,
): Pick<ReferralOutcomeCardData, 'canSend' | 'send'> {
  const routes = outcome.kind === 'refer' ? [outcome.primary, outcome.secondary] : [];
  const route = routes.find((r) => r !== undefined && pcn.referralLoop.routes.includes(r));
  const practice = pcn.practices.find((p) => p.odsCode === answers.practice)?.odsCode;
  const canSend = sendKey !== '' && route !== undefined && practice !== undefined;
  return {
    canSend,
    send: {
      title:
        route === 'hwbc' || route === undefined
          ? 'Send to the coaching team'
          : `Send to the ${pcn.routes[route].name} team`,
      sendKey,
      practice: practice ?? '',
      route: route ?? 'hwbc',
      reasons: outcome.reasons.join(','),
      whatMatters: (answers.needs ?? []).join(','),
    },
  };
}

export function referralOutcomeCardData(
  outcome: NonUrgent,
  answers: ReferralAnswers,
  pcn: PcnConfig,
  reviewNote: string,
  on: DateTime,
  /** Made from the outcome's activity, so the send button makes one case however often pressed. */
  sendKey = '',
): ReferralOutcomeCardData {
  const routeCard = (route: Route): ReferralOutcomeCardData['routes'][number] => {
    const details = pcn.routes[route];
    return {
      name: details.name,
      howToRefer: details.howToRefer,
      contact: details.contact ?? '',
      link: details.link ?? '',
      codes: details.referralCodes,
      patientMessage: details.patientMessage,
    };
  };
  const questions = { criteria: pcn.referral, practices: pcn.practices };
  const answered = QUESTION_ORDER.flatMap((id) => {
    const value = describeAnswer(id, answers, questions);
    return value === undefined ? [] : [{ id, title: buildQuestion(id, questions).title, value }];
  });
  const confidence = describeAnswer('confidence', answers, questions);
  const context = {
    minimumAge: pcn.referral.minimumAge,
    ...(confidence === undefined ? {} : { confidence: confidence.toLowerCase() }),
    ...(typeof answers.pamLevel === 'number' ? { pamLevel: answers.pamLevel } : {}),
  };
  const declined = outcome.declined ? pcn.routes[outcome.declined] : undefined;
  const common = {
    reasons: outcome.reasons.map((code) => reasonText(code, context)),
    declined: declined?.name ?? '',
    declinedCodes: declined?.declinedCodes ?? [],
    answers: answered.map(({ title, value }) => ({ title, value })),
    alternatives: alternativesFor(outcome, pcn.alternatives),
    summary: recordSummary(outcome, pcn, context, on),
    changeChoices: answered.map(({ id, title }) => ({ title, value: id })),
    reviewNote,
    ...sendToTeam(outcome, answers, pcn, sendKey),
  };
  if (outcome.kind === 'no-referral') {
    return {
      ...common,
      headline: 'No referral to these roles suggested now',
      subheadline: 'The reasons are below. Continue usual care, and ask again if things change.',
      headlineStyle: 'warning',
      routes: [],
    };
  }
  const primary = pcn.routes[outcome.primary];
  const secondary = outcome.secondary ? pcn.routes[outcome.secondary] : undefined;
  return {
    ...common,
    headline: `Suggested: refer to the ${primary.name}`,
    subheadline: secondary ? `Also consider the ${secondary.name}.` : '',
    headlineStyle: 'good',
    routes: [outcome.primary, ...(outcome.secondary ? [outcome.secondary] : [])].map(routeCard),
  };
}

export const renderReferralOutcomeCard = renderWith(template, referralOutcomeCardSchema);
