import { z } from 'zod';
import {
  QUESTION_ORDER,
  type QuestionId,
  type ReferralAnswers,
} from '../../domain/referral/referral-answers';
import { PAM_NOT_MEASURED, pamOptionValue } from '../../domain/referral/referral-options';
import {
  buildQuestion,
  type Question,
  type QuestionContext,
} from '../../domain/referral/referral-questions';
import template from './referral-form.card.json';
import { renderWith } from '../render';

const formQuestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  prompt: z.string(),
  details: z.array(z.string()),
  choices: z.array(z.object({ title: z.string(), value: z.string() })).min(1),
  multi: z.boolean(),
  /** The answer already given (option values, comma-separated), or empty. */
  value: z.string(),
  /** Read from what the referrer wrote, so shown as "as I understood it". */
  understood: z.boolean(),
  /** Radio buttons or checkboxes where every option should be seen; a drop-down otherwise. */
  style: z.enum(['expanded', 'compact']),
  required: z.boolean(),
});

export const referralFormCardSchema = z.object({
  title: z.string(),
  intro: z.string(),
  /** What was read from the opening sentence, in words. */
  heard: z.array(z.string()),
  questions: z.array(formQuestionSchema).min(1),
});
export type ReferralFormCardData = z.infer<typeof referralFormCardSchema>;

/** One question of the form, with its answer so far. */
export function formQuestion(question: Question, value: string, understood: boolean) {
  return {
    id: question.id,
    title: question.title,
    prompt: question.prompt,
    details: question.details,
    choices: question.options.map((o) => ({ title: o.label, value: o.value })),
    multi: question.multiSelect,
    value,
    understood,
    style:
      question.multiSelect || question.id === 'redFlag'
        ? ('expanded' as const)
        : ('compact' as const),
    // Red flags are always answered: they come first and a "yes" wins over everything else.
    required: question.id === 'redFlag',
  };
}

/** A card value for an answer: option values, comma-separated for lists. */
function formValue(id: QuestionId, answers: ReferralAnswers): string {
  const value = answers[id];
  if (value === undefined) {
    // PAM is rarely measured: "Not measured" is the starting answer, changeable like the rest.
    return id === 'pamLevel' ? PAM_NOT_MEASURED : '';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (value === null) {
    return PAM_NOT_MEASURED;
  }
  if (id === 'pamLevel' && typeof value === 'number') {
    return pamOptionValue(value);
  }
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The one-card form: the quick check (nothing filled in), or "here's what I understood" after an
 * opening message, with what was read filled in, marked, and changeable.
 */
export function referralFormCardData(
  kind: 'quick' | 'understood',
  answers: ReferralAnswers,
  heard: readonly string[],
  ctx: QuestionContext,
): ReferralFormCardData {
  return {
    title: kind === 'quick' ? 'Quick check: should I refer?' : "Here's what I understood",
    intro:
      kind === 'quick'
        ? 'Answer what you know, urgent concerns first, then get the suggestion. A "yes" to an urgent concern goes straight to the urgent route.'
        : 'Check what I read from your message, fill in the rest, then get the suggestion. Urgent concerns always come first.',
    heard: [...heard],
    questions: QUESTION_ORDER.map((id) =>
      formQuestion(buildQuestion(id, ctx), formValue(id, answers), answers[id] !== undefined),
    ),
  };
}

export const renderReferralFormCard = renderWith(template, referralFormCardSchema);
