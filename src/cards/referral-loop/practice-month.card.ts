import { DateTime } from 'luxon';
import { z } from 'zod';
import { NOT_FOR_COACHING_TEXT } from '../../domain/referral-loop/case-text';
import type { PracticeMonth } from '../../domain/referral-loop/practice-month';
import { shownCountText, smallNumbersNote } from '../../domain/referral-loop/shown-count-text';
import { renderWith } from '../render';
import template from './practice-month.card.json';

export const practiceMonthCardSchema = z.object({
  practice: z.string(),
  month: z.string(),
  monthName: z.string(),
  facts: z.array(z.object({ title: z.string(), value: z.string() })),
  reasons: z.array(z.string()),
  privacyNote: z.string(),
});
export type PracticeMonthCardData = z.infer<typeof practiceMonthCardSchema>;

/** yyyy-MM as people read it: "November 2026". */
export function monthName(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'Europe/London' }).toFormat('LLLL yyyy');
}

/** The monthly card for one practice: counts only, never a patient or a reference. */
export function practiceMonthCardData(
  summary: PracticeMonth,
  practiceName: string,
  threshold: number,
): PracticeMonthCardData {
  const median = summary.medianDaysToFirstContact;
  return {
    practice: practiceName,
    month: summary.month,
    monthName: monthName(summary.month),
    facts: [
      { title: 'Referrals made', value: shownCountText(summary.made) },
      { title: 'Accepted by the coaching team', value: shownCountText(summary.accepted) },
      { title: 'First sessions held', value: shownCountText(summary.firstSessions) },
      {
        title: 'Median time from referral to first contact',
        value:
          median === null
            ? `not shown (fewer than ${threshold} first contacts)`
            : `${median} calendar ${median === 1 ? 'day' : 'days'}`,
      },
    ],
    reasons: summary.commonNotForCoachingReasons.map((reason) => NOT_FOR_COACHING_TEXT[reason]),
    privacyNote: smallNumbersNote(threshold),
  };
}

export const renderPracticeMonthCard = renderWith(template, practiceMonthCardSchema);
