import { formQuestion, renderReferralFormCard } from '../../cards/referral/referral-form.card';
import type { PcnConfig } from '../../domain/pcn-config';
import {
  QUESTION_ORDER,
  type QuestionId,
  type ReferralAnswers,
} from '../../domain/referral/referral-answers';
import { buildQuestion, type QuestionContext } from '../../domain/referral/referral-questions';
import type { FeatureTurn } from '../feature-turn';

/** What an opening sentence gave: the answers, and the words each came from. */
export interface OpeningRead {
  answers: ReferralAnswers;
  heard: string[];
}

export type OpeningReader = (text: string) => OpeningRead;

/** A card value for an answer: option values, comma-separated for lists. */
function formValue(id: QuestionId, answers: ReferralAnswers): string {
  const value = answers[id];
  if (value === undefined) {
    return '';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (value === null) {
    return 'not-measured';
  }
  return Array.isArray(value) ? value.join(',') : String(value);
}

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
        renderReferralFormCard({
          title: kind === 'quick' ? 'Quick check: should I refer?' : "Here's what I understood",
          intro:
            kind === 'quick'
              ? 'Answer what you know, urgent concerns first, then get the suggestion. A "yes" to an urgent concern goes straight to the urgent route.'
              : 'Check what I read from your message, fill in the rest, then get the suggestion. Urgent concerns always come first.',
          heard,
          questions: QUESTION_ORDER.map((id) =>
            formQuestion(
              buildQuestion(id, this.questions),
              formValue(id, answers),
              answers[id] !== undefined,
            ),
          ),
        }),
      ],
    });
  }
}
