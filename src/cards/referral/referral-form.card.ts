import { z } from 'zod';
import type { Question } from '../../domain/referral/referral-questions';
import template from './referral-form.card.json';
import { expandCard, toAttachment, type CardAttachment } from '../render';

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
    // Red flags are always answered: they come first and a "yes" wins over everything else.
    required: question.id === 'redFlag',
  };
}

export function renderReferralFormCard(data: ReferralFormCardData): CardAttachment {
  return toAttachment(expandCard(template, referralFormCardSchema.parse(data)));
}
