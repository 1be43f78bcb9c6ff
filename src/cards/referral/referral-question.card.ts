import { z } from 'zod';
import type { Question } from '../../domain/referral/referral-questions';
import template from './referral-question.card.json';
import { renderWith } from '../render';

export const referralQuestionCardSchema = z.object({
  questionId: z.string(),
  first: z.boolean(),
  number: z.number().int().min(1),
  total: z.number().int().min(1),
  title: z.string(),
  prompt: z.string(),
  details: z.array(z.string()),
  options: z.array(z.object({ value: z.string(), label: z.string() })).min(1),
  multiSelect: z.boolean(),
  /** Why the question is asked again, or empty. */
  problem: z.string(),
  /** The last answer as understood ("You said: type 2 diabetes, weight"), or empty. */
  heard: z.string(),
});
export type ReferralQuestionCardData = z.infer<typeof referralQuestionCardSchema>;

export function referralQuestionCardData(
  question: Question,
  problem = '',
  heard = '',
): ReferralQuestionCardData {
  return {
    questionId: question.id,
    first: question.number === 1,
    number: question.number,
    total: question.total,
    title: question.title,
    prompt: question.prompt,
    details: question.details,
    options: question.options.map(({ value, label }) => ({ value, label })),
    multiSelect: question.multiSelect,
    problem,
    heard,
  };
}

export const renderReferralQuestionCard = renderWith(template, referralQuestionCardSchema);
