import {
  referralFormCardData,
  renderReferralFormCard,
} from '../../cards/referral/referral-form.card';
import type { PcnConfig } from '../../domain/pcn-config';
import type { ReferralAnswers } from '../../domain/referral/referral-answers';
import type { OpeningRead } from '../../domain/referral/language/opening-read';
import type { QuestionContext } from '../../domain/referral/referral-questions';
import type { FeatureTurn } from '../feature-turn';

export type OpeningReader = (text: string) => OpeningRead;

/**
 * Every question on one card: the quick check, and "here's what I understood" after an opening
 * sentence, with what was read filled in and changeable. One submit gives the outcome.
 */
export class ReferralFormService {
  private readonly questions: QuestionContext;

  constructor(private readonly deps: { pcn: PcnConfig; readOpening: OpeningReader }) {
    this.questions = { criteria: deps.pcn.referral, practices: deps.pcn.practices };
  }

  async quick(turn: FeatureTurn): Promise<void> {
    await this.send(turn, {}, [], 'quick');
  }

  /** Shows what an opening sentence said; false when it said nothing the questions use. */
  async opening(turn: FeatureTurn, text: string): Promise<boolean> {
    const read = this.deps.readOpening(text);
    if (Object.keys(read.answers).length === 0) {
      return false;
    }
    await this.send(turn, read.answers, read.heard, 'understood');
    return true;
  }

  private async send(
    turn: FeatureTurn,
    answers: ReferralAnswers,
    heard: string[],
    kind: 'quick' | 'understood',
  ): Promise<void> {
    await turn.send({
      attachments: [
        renderReferralFormCard(referralFormCardData(kind, answers, heard, this.questions)),
      ],
    });
  }
}
