import type { ReferralLoopAction } from '../../cards/referral-loop/referral-loop.actions';
import type { FeatureRoutes } from '../routes';
import type { ReferralFeedbackService } from './referral-feedback.service';

/** The monthly practice card's feedback button and the feedback card: anyone may answer. */
export function referralLoopRoutes(
  feedback: ReferralFeedbackService,
): FeatureRoutes<ReferralLoopAction, never> {
  return {
    verbs: {
      // Pressed on a card in the practice's channel: the questions go to the person's 1:1 chat.
      'feedback.ask': {
        role: 'referrer',
        privateReply: true,
        handle: (turn, a) => feedback.ask(turn, a.month),
      },
      'feedback.answer': { role: 'referrer', handle: (turn, a) => feedback.answer(turn, a) },
    },
    commands: {},
  };
}
