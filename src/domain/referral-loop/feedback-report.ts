import { DateTime } from 'luxon';
import type { CsvCell } from '../csv';
import { FEEDBACK_SCORES, type FeedbackSummary } from './referrer-feedback';
import { shownCountText } from './shown-count-text';
import type { ShownPartition } from './small-numbers';

/**
 * The feedback a month's activity report shows: answers to the previous month's cards, which are
 * posted at the start of the report's month and answered during it.
 */
export function feedbackMonthFor(reportMonth: string): string {
  return DateTime.fromFormat(reportMonth, 'yyyy-MM', { zone: 'utc' })
    .minus({ months: 1 })
    .toFormat('yyyy-MM');
}

function perAnswer(partition: ShownPartition): string {
  return FEEDBACK_SCORES.map((score, i) => {
    const part = partition.parts[i];
    return `${score}: ${part ? shownCountText(part) : 'not shown'}`;
  }).join('; ');
}

/** Facts for the lead's activity report card. */
export function feedbackReportFacts(
  summary: FeedbackSummary,
): Array<{ title: string; value: string }> {
  const monthName = DateTime.fromFormat(summary.month, 'yyyy-MM').toFormat('LLLL yyyy');
  return [
    {
      title: `Referrers' feedback on the ${monthName} update`,
      value: `${shownCountText(summary.confidence.total)} answered`,
    },
    { title: 'Confident about whom to refer (1 to 5)', value: perAnswer(summary.confidence) },
    { title: "Coaching team's feedback useful (1 to 5)", value: perAnswer(summary.usefulness) },
  ];
}

/** Rows for the activity report's CSV (measure, value), after its own rows. */
export function feedbackReportCsvRows(summary: FeedbackSummary): Array<[string, CsvCell]> {
  const rows: Array<[string, CsvCell]> = [
    ['feedback_month', summary.month],
    ['feedback_answers', shownCountText(summary.confidence.total)],
  ];
  for (const [name, partition] of [
    ['feedback_confidence', summary.confidence],
    ['feedback_usefulness', summary.usefulness],
  ] as const) {
    FEEDBACK_SCORES.forEach((score, i) => {
      const part = partition.parts[i];
      rows.push([`${name}_${score}`, part ? shownCountText(part) : 'not shown']);
    });
  }
  return rows;
}
