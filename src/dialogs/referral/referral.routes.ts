import type { ReferralAction } from '../../cards/referral/referral.actions';
import type { DialogVerbRoute, FeatureRoutes } from '../routes';
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
export function referralRoutes(
  form: ReferralFormService,
  urgent: UrgentService,
): FeatureRoutes<ReferralAction, 'referral' | 'referral-quick' | 'back'> {
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
    },
  };
}
