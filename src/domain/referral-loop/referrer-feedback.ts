import { z } from 'zod';
import { suppressPartition, type ShownPartition } from './small-numbers';

/** The answers each feedback question offers: 1 (not at all) to 5 (very). */
export const FEEDBACK_SCORES = ['1', '2', '3', '4', '5'] as const;
export type FeedbackScore = (typeof FEEDBACK_SCORES)[number];

/**
 * One referrer's answer to the two feedback questions for a month. It holds no free text and not
 * who answered: the store keys it on a hash of the month and the referrer, so each referrer
 * answers once a month.
 */
export const referrerFeedbackSchema = z.object({
  /** The London month the feedback is about, yyyy-MM. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** How confident they are about whom to refer. */
  confidence: z.enum(FEEDBACK_SCORES),
  /** How useful the feedback from the coaching team was. */
  usefulness: z.enum(FEEDBACK_SCORES),
  answeredAt: z.iso.datetime(),
});
export type ReferrerFeedback = z.infer<typeof referrerFeedbackSchema>;

/** The month's answers as they may be shown: each question's answers counted, small numbers hidden. */
export interface FeedbackSummary {
  month: string;
  confidence: ShownPartition;
  usefulness: ShownPartition;
}

function countScores(answers: readonly FeedbackScore[]): number[] {
  return FEEDBACK_SCORES.map((score) => answers.filter((a) => a === score).length);
}

/** Counts per answer for each question, with small-number suppression (small-numbers.ts). */
export function summariseFeedback(
  month: string,
  answers: readonly ReferrerFeedback[],
  threshold: number,
): FeedbackSummary {
  const inMonth = answers.filter((a) => a.month === month);
  return {
    month,
    confidence: suppressPartition(countScores(inMonth.map((a) => a.confidence)), threshold),
    usefulness: suppressPartition(countScores(inMonth.map((a) => a.usefulness)), threshold),
  };
}
