import type { TurnContext } from 'botbuilder';
import {
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import {
  renderReferralOutcomeCard,
  referralOutcomeCardData,
} from '../../cards/referral/referral-outcome.card';
import {
  renderReferralQuestionCard,
  referralQuestionCardData,
} from '../../cards/referral/referral-question.card';
import {
  referralUrgentCardData,
  renderReferralUrgentCard,
} from '../../cards/referral/referral-urgent.card';
import { contactsReviewStatus } from '../../domain/contacts-review';
import {
  QUESTION_ORDER,
  referralAnswersSchema,
  type QuestionId,
  type ReferralAnswers,
} from '../../domain/referral/referral-answers';
import {
  applyAnswer,
  buildQuestion,
  clearFrom,
  type AnswerProblem,
  type QuestionContext,
} from '../../domain/referral/referral-questions';
import { currentCardValue } from '../../domain/referral/referral-options';
import { buildReferralRecord } from '../../domain/referral/referral-record';
import { assessReferral, type ReferralOutcome } from '../../domain/referral/referral-rules';
import { getUserInput } from '../user-input';
import type { ReferralDependencies } from './referral-context';

export const REFERRAL_QUESTIONS_DIALOG = 'referralQuestions';

const stateSchema = z.object({
  answers: referralAnswersSchema,
  current: z.enum(QUESTION_ORDER as unknown as [QuestionId, ...QuestionId[]]),
});
type LoopState = z.infer<typeof stateSchema>;

const PROBLEM_TEXT: Record<AnswerProblem, string> = {
  unrecognised:
    "Sorry, I didn't recognise that answer. Choose one of the options, or type its number.",
  'none-with-others':
    "'None' can't go with other choices. Choose 'None' on its own, or the ones that apply.",
  'nhs-number':
    "That looks like an NHS number. I don't need it and haven't kept it; please don't share patient identifiers here.",
  date: "That looks like a date, perhaps a date of birth. I don't need it and haven't kept it; please answer with one of the options.",
};

/**
 * The referral questions as one loop: the domain rules say which question comes next, so this
 * dialog only asks, reads the answer (typed or from a card), and shows the outcome.
 */
export class ReferralQuestionsDialog extends Dialog {
  private readonly questionContext: QuestionContext;

  constructor(private readonly deps: ReferralDependencies) {
    super(REFERRAL_QUESTIONS_DIALOG);
    this.questionContext = { criteria: deps.pcn.referral, practices: deps.pcn.practices };
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.advance(dc, {});
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.readState(dc.activeDialog);
    const input = getUserInput(dc.context);

    if (input.kind === 'action' && input.action.verb === 'referral.back') {
      return this.back(dc, state);
    }
    if (input.kind === 'text' && /^\s*(back|go back|previous|undo)\s*$/i.test(input.text)) {
      return this.back(dc, state);
    }

    let raw: string | undefined;
    if (input.kind === 'action' && input.action.verb === 'referral.answer') {
      if (input.action.questionId !== state.current) {
        await this.ask(
          dc.context,
          state.current,
          'That answer was for an earlier question. Here is where we are now:',
        );
        return Dialog.EndOfTurn;
      }
      const { value, choices } = input.action;
      raw = value !== undefined ? currentCardValue(state.current, value) : choices;
    } else if (input.kind === 'text') {
      raw = input.text;
    }
    if (raw === undefined || raw.trim().length === 0) {
      await this.ask(dc.context, state.current, PROBLEM_TEXT.unrecognised);
      return Dialog.EndOfTurn;
    }

    const result = applyAnswer(state.answers, state.current, raw, this.questionContext);
    if (!result.ok) {
      await this.ask(dc.context, state.current, PROBLEM_TEXT[result.problem]);
      return Dialog.EndOfTurn;
    }
    return this.advance(dc, result.answers);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, this.readState(instance).current);
  }

  private async back(dc: DialogContext, state: LoopState): Promise<DialogTurnResult> {
    const position = QUESTION_ORDER.indexOf(state.current);
    const previous = QUESTION_ORDER.slice(0, position)
      .reverse()
      .find((id) => state.answers[id] !== undefined);
    if (previous === undefined) {
      await this.ask(
        dc.context,
        state.current,
        'This is the first question, so there is nothing to go back to.',
      );
      return Dialog.EndOfTurn;
    }
    return this.advance(dc, clearFrom(state.answers, previous));
  }

  private async advance(dc: DialogContext, answers: ReferralAnswers): Promise<DialogTurnResult> {
    const assessment = assessReferral(answers, this.deps.pcn.referral);
    if (assessment.kind === 'ask') {
      const state: LoopState = { answers, current: assessment.question };
      if (dc.activeDialog) {
        dc.activeDialog.state = state;
      }
      await this.ask(dc.context, assessment.question);
      return Dialog.EndOfTurn;
    }
    await this.finish(dc.context, assessment.outcome, answers);
    return dc.endDialog(assessment.outcome);
  }

  private async finish(
    context: TurnContext,
    outcome: ReferralOutcome,
    answers: ReferralAnswers,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const record = buildReferralRecord(
      outcome,
      answers,
      now,
      this.deps.roles.roleOf(context.activity.from.aadObjectId),
    );
    // Keyed on the activity, so a redelivered submit does not count twice.
    const key = `${context.activity.conversation.id}|${context.activity.from.id}|${context.activity.id ?? now.toISO()}`;
    await this.deps.records.add(key, record);

    const review = contactsReviewStatus(
      this.deps.pcn.reviewedOn,
      now,
      this.deps.contactsReviewMonths,
    );
    const card =
      outcome.kind === 'urgent'
        ? renderReferralUrgentCard(referralUrgentCardData(this.deps.pcn, review.note))
        : renderReferralOutcomeCard(referralOutcomeCardData(outcome, this.deps.pcn, review.note));
    await context.sendActivity({ attachments: [card] });
  }

  private async ask(context: TurnContext, id: QuestionId, problem = ''): Promise<void> {
    const question = buildQuestion(id, this.questionContext);
    await context.sendActivity({
      attachments: [renderReferralQuestionCard(referralQuestionCardData(question, problem))],
    });
  }

  private readState(instance: DialogInstance | undefined): LoopState {
    const parsed = stateSchema.safeParse(instance?.state);
    // State from an older version, or damaged: start the questions again rather than guess.
    return parsed.success ? parsed.data : { answers: {}, current: 'redFlag' };
  }
}
