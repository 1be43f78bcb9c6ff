import { DateTime } from 'luxon';
import { dueDigestWeek, weekOf } from '../../../src/domain/digest/digest-week';

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });
const MONDAY_0830 = { weekday: 1, time: '08:30' };

describe('the weekly digest week', () => {
  it('names the ISO week in UK time, Monday to Monday', () => {
    const week = weekOf(at('2026-12-02T10:00:00Z'));
    expect(week.key).toBe('2026-W49');
    expect(week.start.toISO()).toBe('2026-11-30T00:00:00.000+00:00');
    expect(week.end.toISO()).toBe('2026-12-07T00:00:00.000+00:00');
    // Sunday 23:30 UTC in summer is already Monday in the UK.
    expect(weekOf(at('2026-06-28T23:30:00Z')).key).toBe('2026-W27');
    // The first days of January can belong to the last ISO week of the year before.
    expect(weekOf(at('2027-01-01T12:00:00Z')).key).toBe('2026-W53');
  });

  it('is due from Monday 08:30 UK time until the end of Monday, in winter and in summer', () => {
    expect(dueDigestWeek(at('2026-11-30T08:29:00Z'), MONDAY_0830)).toBeUndefined();
    expect(dueDigestWeek(at('2026-11-30T08:30:00Z'), MONDAY_0830)?.key).toBe('2026-W49');
    expect(dueDigestWeek(at('2026-11-30T23:59:00Z'), MONDAY_0830)?.key).toBe('2026-W49');
    expect(dueDigestWeek(at('2026-12-01T00:00:00Z'), MONDAY_0830)).toBeUndefined();
    // British Summer Time: 08:30 in the UK is 07:30 UTC.
    expect(dueDigestWeek(at('2026-06-29T07:29:00Z'), MONDAY_0830)).toBeUndefined();
    expect(dueDigestWeek(at('2026-06-29T07:30:00Z'), MONDAY_0830)?.key).toBe('2026-W27');
  });

  it('follows a configured day and time', () => {
    const friday = { weekday: 5, time: '16:00' };
    expect(dueDigestWeek(at('2026-11-30T16:00:00Z'), friday)).toBeUndefined();
    expect(dueDigestWeek(at('2026-12-04T16:00:00Z'), friday)?.key).toBe('2026-W49');
  });
});
