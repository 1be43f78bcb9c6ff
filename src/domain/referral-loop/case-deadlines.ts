import { DateTime } from 'luxon';
import type { BankHolidayCalendar } from '../supervision/bank-holidays';
import type { ReferralCase } from './referral-case';

const LONDON = 'Europe/London';

/** A weekday that is not a bank holiday in England and Wales. */
function isWorkingDay(date: DateTime, holidays: BankHolidayCalendar): boolean {
  return date.weekday <= 5 && holidays.holidayOn(date) === undefined;
}

/** Whole working days after the day of `from` up to and including the day of `to` (London). */
export function workingDaysBetween(
  from: DateTime,
  to: DateTime,
  holidays: BankHolidayCalendar,
): number {
  let day = from.setZone(LONDON).startOf('day').plus({ days: 1 });
  const last = to.setZone(LONDON).startOf('day');
  let count = 0;
  while (day <= last) {
    if (isWorkingDay(day, holidays)) {
      count += 1;
    }
    day = day.plus({ days: 1 });
  }
  return count;
}

/** Sent and still not accepted (or declined) after `days` working days. */
export function isUnanswered(
  referral: ReferralCase,
  now: DateTime,
  days: number,
  holidays: BankHolidayCalendar,
): boolean {
  const sent = DateTime.fromISO(referral.createdAt, { zone: 'utc' });
  return referral.state === 'sent' && workingDaysBetween(sent, now, holidays) >= days;
}

/** The London date of `at`, as the once-a-day update marker holds it. */
export function londonDate(at: DateTime): string {
  return at.setZone(LONDON).toISODate() ?? '';
}

/** The referrer has changes to hear of and has not had an update today. */
export function updateDue(referral: ReferralCase, today: string): boolean {
  return referral.pendingUpdates.length > 0 && referral.lastUpdateOn !== today;
}
