import type { ReferralLoopAction } from '../../cards/referral-loop/referral-loop.actions';
import { monthName } from '../../cards/referral-loop/practice-month.card';
import {
  referralFeedbackCardData,
  renderReferralFeedbackCard,
} from '../../cards/referral-loop/referral-feedback.card';
import type { Clock } from '../../domain/clock';
import type { ReferrerFeedbackRepository } from '../../store/referrer-feedback.repository';
import type { FeatureTurn } from '../feature-turn';

type Answer = Extract<ReferralLoopAction, { verb: 'feedback.answer' }>;

/** How many months back a month's feedback card still takes answers (the month itself is 0). */
const OPEN_MONTHS = 2;

export interface ReferralFeedbackDeps {
  feedback: ReferrerFeedbackRepository;
  clock: Clock;
}

/** The referrers' two-question feedback card: one answer per referrer per month. */
export class ReferralFeedbackService {
  constructor(private readonly deps: ReferralFeedbackDeps) {}

  /** Whether a month's card still takes answers: this London month or the two before it. */
  isOpen(month: string): boolean {
    const now = this.deps.clock.now().setZone('Europe/London').startOf('month');
    for (let back = 0; back <= OPEN_MONTHS; back += 1) {
      if (now.minus({ months: back }).toFormat('yyyy-MM') === month) {
        return true;
      }
    }
    return false;
  }

  async ask(turn: FeatureTurn, month: string): Promise<void> {
    if (!this.isOpen(month)) {
      await turn.send(closed(month));
      return;
    }
    await turn.send({ attachments: [renderReferralFeedbackCard(referralFeedbackCardData(month))] });
  }

  async answer(turn: FeatureTurn, action: Answer): Promise<void> {
    const { month, confidence, usefulness } = action;
    if (!this.isOpen(month)) {
      await turn.send(closed(month));
      return;
    }
    if (!confidence || !usefulness) {
      await turn.send('Choose an answer to both questions, then select "Send feedback".');
      return;
    }
    if (turn.caller.userId === '') {
      await turn.send(
        'I could not tell who you are from Teams, so I have not counted this feedback. Try again from the Teams app.',
      );
      return;
    }
    const saved = await this.deps.feedback.add(turn.caller.userId, {
      month,
      confidence,
      usefulness,
      answeredAt: this.deps.clock.now().toUTC().toISO() ?? '',
    });
    await turn.send(
      saved === 'saved'
        ? `Thank you. Your feedback for ${monthName(month)} has been counted.`
        : `You have already given feedback for ${monthName(month)}, so your first answers are kept. Thank you.`,
    );
  }
}

function closed(month: string): string {
  return `Feedback for ${monthName(month)} has closed. Look out for next month's card in your practice's channel.`;
}
