import { z } from 'zod';
import { renderWith } from '../render';
import { monthName } from './practice-month.card';
import template from './referral-feedback.card.json';

const choiceSchema = z.object({ title: z.string(), value: z.string() });

export const referralFeedbackCardSchema = z.object({
  month: z.string(),
  monthName: z.string(),
  confidenceChoices: z.array(choiceSchema),
  usefulnessChoices: z.array(choiceSchema),
});
export type ReferralFeedbackCardData = z.infer<typeof referralFeedbackCardSchema>;

/** Each question's five answers, 1 to 5, with the ends named. */
function scale(low: string, high: string): Array<{ title: string; value: string }> {
  return [`1 - ${low}`, '2', '3', '4', `5 - ${high}`].map((title, i) => ({
    title,
    value: String(i + 1),
  }));
}

export function referralFeedbackCardData(month: string): ReferralFeedbackCardData {
  return {
    month,
    monthName: monthName(month),
    confidenceChoices: scale('not at all confident', 'very confident'),
    usefulnessChoices: scale('not at all useful', 'very useful'),
  };
}

export const renderReferralFeedbackCard = renderWith(template, referralFeedbackCardSchema);
