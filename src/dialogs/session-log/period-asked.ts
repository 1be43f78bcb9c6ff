import {
  currentMonth,
  parseReportPeriod,
  periodFromKey,
  type ReportPeriod,
} from '../../domain/sessions/report-period';

const NOT_UNDERSTOOD =
  'I couldn’t tell which month, quarter or year you meant, so this is the current month. Choose another period below, or type, for example, "my caseload for November", "activity report Q3" or "activity report 2026".';

/** The command's own words and fillers: what is left, if anything, should name a period. */
const COMMAND_WORDS =
  /\b(show|me|my|the|caseload|sessions|monthly|activity|team|report|for|in|of|please|this month)\b/g;

export interface PeriodAsked {
  period: ReportPeriod;
  /** Why the period shown is not the one asked for, or ''. */
  problem: string;
}

/**
 * Which period a caseload or report asks for: from the card's picker (`periodKey`), or from the
 * words after a typed command. Nothing named gives the current month; a period not understood,
 * or not begun yet on `today` (yyyy-MM-dd, London), gives the current month and says why.
 */
export function periodAsked(
  text: string,
  periodKey: string | undefined,
  today: string,
): PeriodAsked {
  const asked = periodKey === undefined ? typedPeriod(text, today) : keyedPeriod(periodKey, today);
  if (asked.period.start > today) {
    return {
      period: currentMonth(today),
      problem: `${asked.period.label} has not begun yet, so this is the current month.`,
    };
  }
  return asked;
}

function keyedPeriod(key: string, today: string): PeriodAsked {
  const period = periodFromKey(key);
  return period
    ? { period, problem: '' }
    : { period: currentMonth(today), problem: NOT_UNDERSTOOD };
}

function typedPeriod(text: string, today: string): PeriodAsked {
  const rest = text
    .toLowerCase()
    .replace(COMMAND_WORDS, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (rest === '') {
    return { period: currentMonth(today), problem: '' };
  }
  const period = parseReportPeriod(text, today);
  return period
    ? { period, problem: '' }
    : { period: currentMonth(today), problem: NOT_UNDERSTOOD };
}
