import { DateTime } from 'luxon';
import { z } from 'zod';
import type { PcnConfig, SnomedCode } from '../../domain/pcn-config';
import {
  NOT_FOR_COACHING_TEXT,
  OUTCOME_TEXT,
  STATE_TEXT,
} from '../../domain/referral-loop/case-text';
import {
  CASE_OUTCOMES,
  NOT_FOR_COACHING_REASONS,
  type CaseState,
  type ReferralCase,
} from '../../domain/referral-loop/referral-case';
import { reasonText } from '../../domain/referral/reasons';
import { describeAnswer } from '../../domain/referral/referral-questions';
import { renderWith } from '../render';
import caseTemplate from './referral-case.card.json';
import sentTemplate from './referral-case-sent.card.json';
import updateTemplate from './referral-update.card.json';
import mineTemplate from './my-referrals.card.json';

const codeSchema = z.object({ conceptId: z.string(), term: z.string() });
const choiceSchema = z.object({ title: z.string(), value: z.string() });
const LONDON = 'Europe/London';

/** A UTC ISO time as a London date people read, e.g. "23 Nov 2026". */
export function shownDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(LONDON).toFormat('d LLL yyyy');
}

/** The practice as the cards name it: its name and ODS code. */
export function practiceName(pcn: PcnConfig, odsCode: string): string {
  const practice = pcn.practices.find((p) => p.odsCode === odsCode);
  return practice ? `${practice.name} (${odsCode})` : odsCode;
}

/**
 * The PCN's codes for where a case has got to: a referral made, declined (not for coaching), or
 * seen (first session held, and after). Empty when the PCN has set none: the card then says to
 * use the practice's template, never a code of ours.
 */
export function codesFor(
  pcn: PcnConfig,
  referralCase: Pick<ReferralCase, 'route' | 'state'>,
): { label: string; codes: SnomedCode[] } {
  const route = pcn.routes[referralCase.route];
  const state: CaseState = referralCase.state;
  if (state === 'not-for-coaching') {
    return { label: 'not taken on (declined)', codes: route.declinedCodes };
  }
  if (state === 'first-session' || state === 'closed') {
    return { label: 'seen', codes: route.seenCodes };
  }
  return { label: 'referral made', codes: route.referralCodes };
}

export const referralCaseCardSchema = z.object({
  reference: z.string(),
  routeName: z.string(),
  stateText: z.string(),
  /** A line in warning colour: why nothing changed, or who changed it. '' for none. */
  notice: z.string(),
  practice: z.string(),
  sentOn: z.string(),
  assigned: z.string(),
  reasons: z.array(z.string()),
  whatMatters: z.array(z.string()),
  codesFor: z.string(),
  codes: z.array(codeSchema),
  canAccept: z.boolean(),
  canDecline: z.boolean(),
  canAssign: z.boolean(),
  canFirstContact: z.boolean(),
  canFirstSession: z.boolean(),
  canClose: z.boolean(),
  declineChoices: z.array(choiceSchema),
  outcomeChoices: z.array(choiceSchema),
});
export type ReferralCaseCardData = z.infer<typeof referralCaseCardSchema>;

/** What the coaching team sees of a case, with the buttons its state allows. */
export function referralCaseCardData(
  referralCase: ReferralCase,
  pcn: PcnConfig,
  notice = '',
): ReferralCaseCardData {
  const { state } = referralCase;
  const questions = { criteria: pcn.referral, practices: pcn.practices };
  const matters = describeAnswer('needs', { needs: referralCase.whatMatters }, questions);
  const codes = codesFor(pcn, referralCase);
  const detail =
    state === 'not-for-coaching' && referralCase.notForCoachingReason
      ? `: ${NOT_FOR_COACHING_TEXT[referralCase.notForCoachingReason]}`
      : state === 'closed' && referralCase.outcome
        ? `: ${OUTCOME_TEXT[referralCase.outcome]}`
        : '';
  const open = state !== 'closed' && state !== 'not-for-coaching';
  return {
    reference: referralCase.reference,
    routeName: pcn.routes[referralCase.route].name,
    stateText: `${STATE_TEXT[state]}${detail} (${shownDate(referralCase.stateAt)})`,
    notice,
    practice: practiceName(pcn, referralCase.practice),
    sentOn: shownDate(referralCase.createdAt),
    assigned: referralCase.assignedTo?.name ?? 'Not assigned yet',
    reasons: referralCase.reasons.map((code) =>
      reasonText(code, { minimumAge: pcn.referral.minimumAge }),
    ),
    whatMatters: matters ? matters.split('; ') : ['Not given'],
    codesFor: codes.label,
    codes: codes.codes,
    canAccept: state === 'sent',
    canDecline: state === 'sent',
    canAssign: open,
    canFirstContact: state === 'accepted',
    canFirstSession: state === 'accepted' || state === 'first-contact',
    canClose: state === 'accepted' || state === 'first-contact' || state === 'first-session',
    declineChoices: NOT_FOR_COACHING_REASONS.map((value) => ({
      title: NOT_FOR_COACHING_TEXT[value],
      value,
    })),
    outcomeChoices: CASE_OUTCOMES.map((value) => ({ title: OUTCOME_TEXT[value], value })),
  };
}

export const renderReferralCaseCard = renderWith(caseTemplate, referralCaseCardSchema);

export const referralSentCardSchema = z.object({
  reference: z.string(),
  team: z.string(),
  codes: z.array(codeSchema),
});

/** To the referrer, when the case is made (or found again on a second press). */
export function referralSentCardData(
  referralCase: ReferralCase,
  pcn: PcnConfig,
): z.infer<typeof referralSentCardSchema> {
  const route = pcn.routes[referralCase.route];
  return {
    reference: referralCase.reference,
    team: `${route.name} team`,
    codes: route.referralCodes,
  };
}

export const renderReferralSentCard = renderWith(sentTemplate, referralSentCardSchema);

export const referralUpdateCardSchema = z.object({
  reference: z.string(),
  practice: z.string(),
  stateText: z.string(),
  changes: z.array(z.object({ on: z.string(), text: z.string(), record: z.string() })),
});

/** What to record for one change, in words: the PCN's code, or the practice's template. */
function recordLine(pcn: PcnConfig, referralCase: ReferralCase, state: CaseState): string {
  if (state !== 'not-for-coaching' && state !== 'first-session') {
    return '';
  }
  const { label, codes } = codesFor(pcn, { route: referralCase.route, state });
  return codes.length > 0
    ? `To record (${label}): ${codes.map((c) => `${c.conceptId} ${c.term}`).join('; ')}`
    : `To record (${label}): use your practice's template; your PCN has not set a code for this here.`;
}

/** The referrer's daily update: the changes since the last one, naming the reference and practice. */
export function referralUpdateCardData(
  referralCase: ReferralCase,
  pcn: PcnConfig,
  changes: ReferralCase['pendingUpdates'],
): z.infer<typeof referralUpdateCardSchema> {
  const last = changes[changes.length - 1]?.state ?? referralCase.state;
  return {
    reference: referralCase.reference,
    practice: practiceName(pcn, referralCase.practice),
    stateText: STATE_TEXT[last],
    changes: changes.map((change) => ({
      on: shownDate(change.at),
      text:
        change.state === 'not-for-coaching' && referralCase.notForCoachingReason
          ? `${STATE_TEXT[change.state]}: ${NOT_FOR_COACHING_TEXT[referralCase.notForCoachingReason]}`
          : change.state === 'closed' && referralCase.outcome
            ? `${STATE_TEXT[change.state]}: ${OUTCOME_TEXT[referralCase.outcome]}`
            : STATE_TEXT[change.state],
      record: recordLine(pcn, referralCase, change.state),
    })),
  };
}

export const renderReferralUpdateCard = renderWith(updateTemplate, referralUpdateCardSchema);

export const myReferralsCardSchema = z.object({
  sections: z.array(
    z.object({
      title: z.string(),
      empty: z.string(),
      rows: z.array(z.object({ reference: z.string(), line: z.string() })),
    }),
  ),
});
export type MyReferralsCardData = z.infer<typeof myReferralsCardSchema>;

/** One case as a row of `my referrals`: date, route, practice and state. */
export function myReferralsRow(
  referralCase: ReferralCase,
  pcn: PcnConfig,
): { reference: string; line: string } {
  return {
    reference: referralCase.reference,
    line: `${shownDate(referralCase.createdAt)} · ${pcn.routes[referralCase.route].name} · ${referralCase.practice} · ${STATE_TEXT[referralCase.state]}`,
  };
}

export const renderMyReferralsCard = renderWith(mineTemplate, myReferralsCardSchema);
