import type { ReferralAction } from '../../cards/referral/referral.actions';
import type { DialogVerbRoute, FeatureRoutes } from '../routes';
import type { ReferralCaseService } from './referral-case.service';
import type { ReferralFormService } from './referral-form.service';
import type { UrgentService } from './urgent.service';
import { REFERRAL_DIALOG } from './referral.dialog-id';

/** The urgent route a confirm button names, as the risk it stands for. */
const URGENT_CATEGORY = {
  'mental-health': 'suicide',
  safeguarding: 'safeguarding',
  acute: 'acute',
} as const;

const QUESTIONS_FINISHED =
  "Those questions have finished. Type 'refer' or use the button to start again.";

/** The referral questions: anyone may start them; the dialog answers its own buttons. */
export type ReferralCommand = 'referral' | 'referral-quick' | 'back' | 'my-referrals';

export function referralRoutes(
  form: ReferralFormService,
  urgent: UrgentService,
  cases: ReferralCaseService,
): FeatureRoutes<ReferralAction, ReferralCommand> {
  const inDialog: DialogVerbRoute<unknown> = {
    dialog: true,
    closed: (turn) => turn.send(QUESTIONS_FINISHED),
  };
  return {
    verbs: {
      'referral.start': { role: 'referrer', handle: (turn) => turn.startDialog(REFERRAL_DIALOG) },
      'referral.answer': {
        dialog: true,
        // An urgent-concern button still wins after the questions have finished.
        closed: (turn, a) =>
          a.questionId === 'redFlag' && a.value === 'yes'
            ? turn.startDialog(REFERRAL_DIALOG, { urgent: true })
            : turn.send(QUESTIONS_FINISHED),
      },
      'referral.back': inDialog,
      'referral.cancel': inDialog,
      'referral.quick': { role: 'referrer', handle: (turn) => form.quick(turn) },
      'referral.urgent': {
        role: 'referrer',
        handle: (turn, a) =>
          turn.startDialog(REFERRAL_DIALOG, { urgent: a.route ? URGENT_CATEGORY[a.route] : true }),
      },
      'referral.riskDismissed': {
        role: 'referrer',
        handle: (turn) =>
          turn.send("Thanks. Carry on where you were; I've read your message as usual."),
      },
      'referral.urgentPractice': {
        role: 'referrer',
        handle: (turn, a) => urgent.forPractice(turn, a.route ?? 'any', a.practice),
      },
      'referral.form': {
        role: 'referrer',
        handle: (turn, { verb: _verb, ...values }) =>
          turn.startDialog(REFERRAL_DIALOG, { form: values }),
      },
      'referral.change': {
        role: 'referrer',
        handle: (turn, a) => turn.startDialog(REFERRAL_DIALOG, { change: a.questionId ?? 'last' }),
      },
      // A referral sent to the coaching team. Anyone may press; the service lets only the
      // PCN's coaches and leads change a case, and answers everyone else in its own words.
      // Sent from a channel, the reference goes to the GP's 1:1 chat: only its referrer sees it.
      'referral.send': {
        role: 'referrer',
        privateReply: true,
        handle: (turn, a) => cases.send(turn, a),
      },
      'referral.accept': { role: 'referrer', handle: (turn, a) => cases.step(turn, a.verb, a) },
      'referral.notForCoaching': {
        role: 'referrer',
        handle: (turn, a) => cases.step(turn, a.verb, a),
      },
      'referral.assign': { role: 'referrer', handle: (turn, a) => cases.step(turn, a.verb, a) },
      'referral.firstContact': {
        role: 'referrer',
        handle: (turn, a) => cases.step(turn, a.verb, a),
      },
      'referral.firstSession': {
        role: 'referrer',
        handle: (turn, a) => cases.step(turn, a.verb, a),
      },
      'referral.close': { role: 'referrer', handle: (turn, a) => cases.step(turn, a.verb, a) },
      'referral.mine': { role: 'referrer', privateReply: true, handle: (turn) => cases.mine(turn) },
    },
    events: {
      riskMentioned: (turn, scan) => urgent.riskMentioned(turn, scan),
    },
    commands: {
      referral: {
        role: 'referrer',
        afterExpiry: true,
        // An opening that already says something about the person gets every answer it holds
        // read and shown on one card; otherwise the questions start one at a time.
        handle: async (turn, text) => {
          if (!(await form.opening(turn, text))) {
            await turn.startDialog(REFERRAL_DIALOG);
          }
        },
      },
      'referral-quick': { role: 'referrer', handle: (turn) => form.quick(turn) },
      // After an outcome, "back" reopens the last answer; with none, it says so.
      back: {
        role: 'referrer',
        handle: (turn) => turn.startDialog(REFERRAL_DIALOG, { change: 'last' }),
      },
      'my-referrals': { role: 'referrer', privateReply: true, handle: (turn) => cases.mine(turn) },
    },
  };
}
