import { DateTime } from 'luxon';
import { readDays, readTime } from '../../../src/domain/date-text';

const wednesday = DateTime.fromISO('2026-12-02T09:00:00Z', { zone: 'utc' });
/** 23:30 on Tuesday 30 June 2026 in UTC is already Wednesday 1 July in London (BST). */
const lateInSummer = DateTime.fromISO('2026-06-30T23:30:00Z', { zone: 'utc' });

describe('times as people write them', () => {
  it.each([
    ['10am', '10:00'],
    ['at 10', '10:00'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['at 2', '14:00'],
    ['tomorrow at 2', '14:00'],
    ['at 7', '19:00'],
    ['at 8', '08:00'],
    ['at 11', '11:00'],
    ['at 12', '12:00'],
    ['12pm', '12:00'],
    ['2pm', '14:00'],
    ['16:00', '16:00'],
    ['10:30am', '10:30'],
    ['at 1:15', '13:15'],
    ['at 06:04', '06:04'],
    ['07.30', '07:30'],
    ['on 2026-12-02 at 06:04', '06:04'],
  ])('"%s" is %s', (text, time) => {
    expect(readTime(text, wednesday)).toBe(time);
  });

  it('reads no time in a length of time or a cadence', () => {
    expect(readTime('for 90 minutes', wednesday)).toBeUndefined();
    expect(readTime('every 4 weeks for 1 hour', wednesday)).toBeUndefined();
    expect(readTime('1:1 supervision', wednesday)).toBeUndefined();
  });
});

describe('days as people write them, on London days', () => {
  it.each([
    ['12/01/2027', '2027-01-12'],
    ['12 January 2027', '2027-01-12'],
    ['12th Jan 2027', '2027-01-12'],
    ['2027-01-12', '2027-01-12'],
    ['tomorrow', '2026-12-03'],
    ['next Friday', '2026-12-11'],
    ['starting next week', '2026-12-07'],
    ['12 January', '2027-01-12'],
    ['on 12 January for 90 minutes', '2027-01-12'],
    ['12 January, 1 hour', '2027-01-12'],
  ])('"%s" is %s', (text, date) => {
    expect(readDays(text, wednesday, true).map((d) => d.date)).toEqual([date]);
  });

  it('"yesterday", looking back', () => {
    expect(readDays('yesterday', wednesday, false).map((d) => d.date)).toEqual(['2026-12-01']);
  });

  it('"tomorrow" is the day after London\'s today, not UTC\'s', () => {
    expect(readDays('tomorrow', lateInSummer, true).map((d) => d.date)).toEqual(['2026-07-02']);
  });

  it('"next month" or a length of time is no day', () => {
    expect(readDays('sometime next month', wednesday, true)).toEqual([]);
    expect(readDays('for 90 minutes', wednesday, true)).toEqual([]);
    expect(readDays('every 4 weeks', wednesday, true)).toEqual([]);
  });

  it('says when only a weekday was written', () => {
    expect(readDays('on Thursday', wednesday, true)).toEqual([
      { date: '2026-12-03', index: 0, weekdayOnly: true, yearWritten: false },
    ]);
  });
});
