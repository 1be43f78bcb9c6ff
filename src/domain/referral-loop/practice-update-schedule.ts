import { DateTime } from 'luxon';
import type { BankHolidayCalendar } from '../supervision/bank-holidays';

const LONDON = 'Europe/London';
/** The hour (London) the monthly practice cards go out on the month's first working day. */
export const PRACTICE_UPDATE_HOUR = 9;

/** The first weekday of the London month that is not a bank holiday in England and Wales. */
export function firstWorkingDay(month: string, holidays: BankHolidayCalendar): DateTime {
  let day = DateTime.fromFormat(month, 'yyyy-MM', { zone: LONDON }).startOf('month');
  while (day.weekday > 5 || holidays.holidayOn(day) !== undefined) {
    day = day.plus({ days: 1 });
  }
  return day;
}

/**
 * Which month's practice cards are due at `now`: the month before, from 09:00 London on this
 * month's first working day until the month ends (a bot that was down at 09:00 posts when it is
 * back). Null before then. The poster's stored marker makes each practice's card go once.
 */
export function practiceUpdateDue(now: DateTime, holidays: BankHolidayCalendar): string | null {
  const london = now.setZone(LONDON);
  const thisMonth = london.toFormat('yyyy-MM');
  const from = firstWorkingDay(thisMonth, holidays).set({ hour: PRACTICE_UPDATE_HOUR });
  return london >= from ? london.minus({ months: 1 }).toFormat('yyyy-MM') : null;
}
