import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import {
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  renderReferralOutcomeCard,
  referralOutcomeCardData,
} from '../../cards/referral/referral-outcome.card';
import {
  referralFormCardData,
  renderReferralFormCard,
} from '../../cards/referral/referral-form.card';
import {
  renderReferralQuestionCard,
  referralQuestionCardData,
} from '../../cards/referral/referral-question.card';
import {
  referralUrgentCardData,
  renderReferralUrgentCard,
  type UrgentCard,
} from '../../cards/referral/referral-urgent.card';
import { RISK_CATEGORIES } from '../../domain/risk/risk-categories';
import { urgentRouteFor } from '../../domain/risk/risk-net';
import { contactsReviewStatus } from '../../domain/contacts-review';
import { routeSchema } from '../../domain/pcn-config';
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
  describeAnswer,
  type AnswerProblem,
  type QuestionContext,
} from '../../domain/referral/referral-questions';
import { currentCardValue } from '../../domain/referral/referral-options';
import { buildReferralRecord } from '../../domain/referral/referral-record';
import { assessReferral, type ReferralOutcome } from '../../domain/referral/referral-rules';
import { getUserInput } from '../user-input';
import type { ReferralDependencies } from './referral-context';

export const REFERRAL_QUESTIONS_DIALOG = 'referralQuestions';

/**
 * The form's answers, each read as its question's card value would be; one left empty, or not
 * one of the options, is simply asked afterwards. A "yes" to urgent concerns wins over the rest.
 */
function readForm(
  values: Readonly<Record<string, string | undefined>>,
  ctx: QuestionContext,
): ReferralAnswers {
  if (values.redFlag === 'yes') {
    return { redFlag: true };
  }
  let answers: ReferralAnswers = {};
  for (const id of QUESTION_ORDER) {
    const value = values[id]?.trim();
    if (value) {
      const result = applyAnswer(answers, id, value, ctx);
      answers = result.ok ? result.answers : answers;
    }
  }
  return answers;
}

const questionIdSchema = z.enum(QUESTION_ORDER as unknown as [QuestionId, ...QuestionId[]]);

const stateSchema = z.object({
  answers: referralAnswersSchema,
  current: questionIdSchema,
  /** For the agreement question: the route that would get in touch. */
  about: routeSchema.optional(),
});
type LoopState = z.infer<typeof stateSchema>;

/** The answers behind the last outcome in this conversation, so one can be changed afterwards. */
export const lastReferralSchema = z.object({
  answers: referralAnswersSchema,
  at: z.iso.datetime(),
});
export type LastReferral = z.infer<typeof lastReferralSchema>;

/** How the questions start: from the top, or to change one answer of the last outcome. */
export const referralStartSchema = z
  .object({
    change: z.union([questionIdSchema, z.literal('last')]).optional(),
    /**
     * An urgent concern was raised (a stale button, or words): straight to the urgent route,
     * the one for the kind of risk when it is known.
     */
    urgent: z.union([z.literal(true), z.enum(RISK_CATEGORIES)]).optional(),
    /** The one-card form, submitted: each question's option values, "" where not answered. */
    form: z.record(z.string(), z.string().optional()).optional(),
  })
  .optional();
export type ReferralStart = z.infer<typeof referralStartSchema>;

export const NOTHING_TO_CHANGE =
  "There's nothing in progress to change. Type 'refer' to start the referral questions.";

const PROBLEM_TEXT: Record<AnswerProblem, string> = {
  unrecognised:
    "Sorry, I didn't recognise that answer. Choose one of the options, or type its number.",
  'none-with-others':
    "'None' (or 'nothing in particular') can't go with other choices. Choose it on its own, or the ones that apply.",
  'nhs-number':
    "That looks like an NHS number. I don't need it and haven't kept it; please don't share patient identifiers here.",
  date: "That looks like a date, perhaps a date of birth. I don't need it and haven't kept it; please answer with one of the options.",
};

/**
 * The referral questions as one loop: the domain rules say which question comes next, so this
 * dialog only asks, reads the answer (typed or from a card), and shows the outcome. The answers
 * behind an outcome are kept for a while, so that one of them can be changed and the outcome
 * worked out again.
 */
export class ReferralQuestionsDialog extends Dialog {
  private readonly questionContext: QuestionContext;

  constructor(private readonly deps: ReferralDependencies) {
    super(REFERRAL_QUESTIONS_DIALOG);
    this.questionContext = { criteria: deps.pcn.referral, practices: deps.pcn.practices };
  }

  override async beginDialog(dc: DialogContext, options?: unknown): Promise<DialogTurnResult> {
    const start = referralStartSchema.safeParse(options);
    const urgent = start.success ? start.data?.urgent : undefined;
    if (urgent !== undefined) {
      const last = await this.lastReferral(dc.context);
      const practice = last?.answers.practice;
      return this.advance(
        dc,
        {
          redFlag: true,
          ...(practice === undefined ? {} : { practice }),
        },
        '',
        urgent === true ? 'any' : urgentRouteFor(urgent),
      );
    }
    if (start.success && start.data?.form) {
      return this.advance(dc, readForm(start.data.form, this.questionContext));
    }
    const change = start.success ? start.data?.change : undefined;
    if (change === undefined) {
      return this.advance(dc, {});
    }
    const last = await this.lastReferral(dc.context);
    const question =
      change === 'last'
        ? [...QUESTION_ORDER].reverse().find((id) => last?.answers[id] !== undefined)
        : change;
    if (!last || question === undefined || last.answers[question] === undefined) {
      await dc.context.sendActivity(NOTHING_TO_CHANGE);
      return dc.endDialog();
    }
    const answers: Record<string, unknown> = { ...last.answers };
    delete answers[question];
    // Agreement was to be contacted by the route suggested then: ask again, naming the new one.
    delete answers.consent;
    const state: LoopState = { answers: referralAnswersSchema.parse(answers), current: question };
    if (dc.activeDialog) {
      dc.activeDialog.state = state;
    }
    await this.ask(
      dc.context,
      state,
      '',
      `Change your answer (you said: ${describeAnswer(question, last.answers, this.questionContext) ?? ''}). Your other answers are kept, and I'll work the suggestion out again.`,
    );
    return Dialog.EndOfTurn;
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
      // An urgent concern from any earlier card of this conversation always wins.
      if (input.action.questionId === 'redFlag' && input.action.value === 'yes') {
        return this.advance(dc, { ...state.answers, redFlag: true });
      }
      if (input.action.questionId !== state.current) {
        await this.ask(
          dc.context,
          state,
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
      await this.ask(dc.context, state, PROBLEM_TEXT.unrecognised);
      return Dialog.EndOfTurn;
    }

    const result = applyAnswer(state.answers, state.current, raw, this.questionContext);
    if (!result.ok) {
      // Not an answer to this question, but perhaps a description of the person: read all of it.
      const described = input.kind === 'text' ? this.deps.readOpening(raw) : undefined;
      if (
        result.problem === 'unrecognised' &&
        described &&
        Object.keys(described.answers).length > 0
      ) {
        await dc.context.sendActivity({
          attachments: [
            renderReferralFormCard(
              referralFormCardData(
                'understood',
                { ...state.answers, ...described.answers },
                described.heard,
                this.questionContext,
              ),
            ),
          ],
        });
        return dc.endDialog();
      }
      await this.ask(dc.context, state, PROBLEM_TEXT[result.problem]);
      return Dialog.EndOfTurn;
    }
    // A typed answer is read back, so a misreading shows at once; a word not understood is named.
    const said =
      input.kind === 'text'
        ? describeAnswer(state.current, result.answers, this.questionContext)
        : undefined;
    const unknown = result.unknown ?? [];
    const heard = [
      ...(said ? [`You said: ${said}.`] : []),
      ...(unknown.length > 0
        ? [
            `I didn't recognise "${unknown.join('", "')}", so I left it out: add it below if it matters.`,
          ]
        : []),
    ].join(' ');
    return this.advance(dc, result.answers, heard);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, this.readState(instance));
  }

  private async back(dc: DialogContext, state: LoopState): Promise<DialogTurnResult> {
    const position = QUESTION_ORDER.indexOf(state.current);
    const previous = QUESTION_ORDER.slice(0, position)
      .reverse()
      .find((id) => state.answers[id] !== undefined);
    if (previous === undefined) {
      await this.ask(
        dc.context,
        state,
        'This is the first question, so there is nothing to go back to.',
      );
      return Dialog.EndOfTurn;
    }
    return this.advance(dc, clearFrom(state.answers, previous));
  }

  private async advance(
    dc: DialogContext,
    answers: ReferralAnswers,
    heard = '',
    urgentCard: UrgentCard = 'any',
  ): Promise<DialogTurnResult> {
    const assessment = assessReferral(answers, this.deps.pcn.referral);
    if (assessment.kind === 'ask') {
      const state: LoopState = {
        answers,
        current: assessment.question,
        ...(assessment.about === undefined ? {} : { about: assessment.about }),
      };
      if (dc.activeDialog) {
        dc.activeDialog.state = state;
      }
      await this.ask(dc.context, state, '', heard);
      return Dialog.EndOfTurn;
    }
    // The outcome card lists every answer it used, so a typed one is read back there.
    await this.finish(dc.context, assessment.outcome, answers, urgentCard);
    return dc.endDialog(assessment.outcome);
  }

  private async finish(
    context: TurnContext,
    outcome: ReferralOutcome,
    answers: ReferralAnswers,
    urgentCard: UrgentCard,
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
    await this.deps.lastReferral.set(context, { answers, at: now.toUTC().toISO() ?? '' });

    const review = contactsReviewStatus(
      this.deps.pcn.reviewedOn,
      now,
      this.deps.contactsReviewMonths,
    );
    const card =
      outcome.kind === 'urgent'
        ? renderReferralUrgentCard(
            referralUrgentCardData(this.deps.pcn, review.note, urgentCard, answers.practice),
          )
        : renderReferralOutcomeCard(
            referralOutcomeCardData(
              outcome,
              answers,
              this.deps.pcn,
              review.note,
              now,
              createHash('sha256').update(key).digest('hex').slice(0, 32),
            ),
          );
    await context.sendActivity({ attachments: [card] });
  }

  /** The answers behind this conversation's last outcome, while they are recent enough to change. */
  private async lastReferral(context: TurnContext): Promise<LastReferral | undefined> {
    const parsed = lastReferralSchema.safeParse(await this.deps.lastReferral.get(context));
    if (!parsed.success) {
      return undefined;
    }
    const age = this.deps.clock.now().diff(DateTime.fromISO(parsed.data.at), 'minutes').minutes;
    return age <= this.deps.idleMinutes ? parsed.data : undefined;
  }

  private async ask(
    context: TurnContext,
    state: LoopState,
    problem = '',
    heard = '',
  ): Promise<void> {
    const question = buildQuestion(state.current, this.questionContext, state.about);
    await context.sendActivity({
      attachments: [renderReferralQuestionCard(referralQuestionCardData(question, problem, heard))],
    });
  }

  private readState(instance: DialogInstance | undefined): LoopState {
    const parsed = stateSchema.safeParse(instance?.state);
    // State from an older version, or damaged: start the questions again rather than guess.
    return parsed.success ? parsed.data : { answers: {}, current: 'redFlag' };
  }
}
