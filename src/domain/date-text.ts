import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/**
 * Dates and times as people in England write them, read by chrono-node's British English parser
 * on London's wall clock: "next Friday", "tomorrow at 2", "12/01/2027" (12 January), "12 January
 * 2027", "10am", "at 10", "9:30", "starting next week".
 */

const LONDON = 'Europe/London';

export interface WrittenDay {
  /** The calendar day, yyyy-MM-dd, London. */
  date: string;
  /** Where the words for it start in the text. */
  index: number;
  /** Only a weekday was written ("on Thursday"): chrono's nearest such day. */
  weekdayOnly: boolean;
  /** The year was written ("12 January 2027", not "12 January"). */
  yearWritten: boolean;
}

/** A length of time such as "for 90 minutes" or "1 hour": not a date or a time of day. */
const DURATION =
  /\b(for )?(\d+(\.\d+)?|an?|one|two|three|half an?) ?(minutes?|mins?|hours?|hrs?|h)( and a half)?\b/g;

/** How often, not when: "every 4 weeks" is no date 4 weeks away. */
const RECURRENCE = /\bevery (other |second )?([a-z]+ |\d+ )?(weeks?|months?|fortnight)\b/g;

/** Blank out what chrono would misread, keeping every index where it was. */
function forChrono(text: string): string {
  const blank = (m: string): string => ' '.repeat(m.length);
  return (
    text
      .toLowerCase()
      .replace(DURATION, blank)
      .replace(RECURRENCE, blank)
      .replace(/\b1:1\b|\b1-1\b/g, blank)
      .replace(/\b(\d{1,2})\.(\d{2})\b/g, '$1:$2')
      // chrono misreads a date followed by trailing spaces ("30 november   " as 1 November).
      .trimEnd()
  );
}

/** A Date whose local fields are London's wall clock now, so chrono reads days as London days. */
function londonReference(now: DateTime): Date {
  const local = now.setZone(LONDON);
  return new Date(local.year, local.month - 1, local.day, local.hour, local.minute);
}

function parse(text: string, now: DateTime, forwardDate: boolean): chrono.ParsedResult[] {
  return chrono.en.GB.parse(forChrono(text), londonReference(now), { forwardDate });
}

function dayOf(result: chrono.ParsedResult): DateTime {
  const { start } = result;
  return DateTime.fromObject(
    { year: start.get('year') ?? 0, month: start.get('month') ?? 0, day: start.get('day') ?? 0 },
    { zone: LONDON },
  );
}

/**
 * Every day the text names, in order. A day needs its day of the month or a weekday written
 * ("next month" alone is not a day); "next week" is that week's Monday. With `ahead`, a date with
 * no year or a bare weekday is the next one to come, otherwise the nearest.
 */
export function readDays(text: string, now: DateTime, ahead: boolean): WrittenDay[] {
  const days: WrittenDay[] = [];
  for (const result of parse(text, now, ahead)) {
    const { start } = result;
    const weekdayOnly = !start.isCertain('day') && start.isCertain('weekday');
    let day = dayOf(result);
    if (/^(next|this) week$/.test(result.text.trim())) {
      day = day.startOf('week');
    } else if (!start.isCertain('day') && !weekdayOnly) {
      continue;
    }
    if (day.isValid) {
      days.push({
        date: day.toISODate() ?? '',
        index: result.index,
        weekdayOnly,
        yearWritten: start.isCertain('year'),
      });
    }
  }
  return days;
}

/** "06:30", "07.15": an hour with a leading zero, as only the 24-hour clock writes it. */
const TWENTY_FOUR_HOUR = /(^|[^\d])0[1-7][:.]\d{2}\b/;

/**
 * The time of day the text names, HH:mm (24-hour), or undefined. With no am or pm, an hour from
 * 1 to 7 is in the afternoon (a working day), 8 to 11 the morning, 12 noon: "at 2" is 14:00,
 * "9:30" 09:30, "at 10" 10:00. An hour written with a leading zero is the 24-hour clock, as
 * written: "06:30" is 06:30.
 */
export function readTime(text: string, now: DateTime): string | undefined {
  for (const result of parse(text, now, true)) {
    const { start } = result;
    if (!start.isCertain('hour')) {
      continue;
    }
    let hour = start.get('hour') ?? 0;
    const minute = start.get('minute') ?? 0;
    if (
      !start.isCertain('meridiem') &&
      hour >= 1 &&
      hour <= 7 &&
      !TWENTY_FOUR_HOUR.test(result.text)
    ) {
      hour += 12;
    }
    return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }
  return undefined;
}
