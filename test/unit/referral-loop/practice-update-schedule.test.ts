import { DateTime } from 'luxon';
import {
  firstWorkingDay,
  practiceUpdateDue,
} from '../../../src/domain/referral-loop/practice-update-schedule';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';

const holidays = englandAndWalesBankHolidays();
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('monthly practice cards: when they are due', () => {
  it('finds the first working day, past weekends and bank holidays', () => {
    // Tuesday 1 December 2026.
    expect(firstWorkingDay('2026-12', holidays).toISODate()).toBe('2026-12-01');
    // Saturday 1 August 2026: Monday the 3rd.
    expect(firstWorkingDay('2026-08', holidays).toISODate()).toBe('2026-08-03');
    // Friday 1 January 2027 is New Year's Day: Monday the 4th.
    expect(firstWorkingDay('2027-01', holidays).toISODate()).toBe('2027-01-04');
  });

  it('is due from 09:00 London on that day, for the month before', () => {
    expect(practiceUpdateDue(at('2026-12-01T08:59:00Z'), holidays)).toBeNull();
    expect(practiceUpdateDue(at('2026-12-01T09:00:00Z'), holidays)).toBe('2026-11');
    expect(practiceUpdateDue(at('2026-12-31T23:59:00Z'), holidays)).toBe('2026-11');
  });

  it('keeps to London time in summer (09:00 BST is 08:00 UTC)', () => {
    // Wednesday 1 July 2026.
    expect(practiceUpdateDue(at('2026-07-01T07:59:00Z'), holidays)).toBeNull();
    expect(practiceUpdateDue(at('2026-07-01T08:00:00Z'), holidays)).toBe('2026-06');
  });

  it('waits over a bank holiday', () => {
    expect(practiceUpdateDue(at('2027-01-01T10:00:00Z'), holidays)).toBeNull();
    expect(practiceUpdateDue(at('2027-01-04T09:00:00Z'), holidays)).toBe('2026-12');
  });
});
