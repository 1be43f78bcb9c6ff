import { DateTime } from 'luxon';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import {
  DEFAULT_REMINDERS,
  describeSessions,
  nextSessions,
  reminderTimes,
  withMove,
  workingDayBefore,
} from '../../../src/domain/supervision/schedule';
import { nextReminder } from '../../../src/domain/supervision/reminder-plan';
import {
  readReminderChoice,
  REMINDER_CHOICES,
  reminderChoices,
} from '../../../src/domain/supervision/reminder-choices';
import { parseScheduleText } from '../../../src/domain/supervision/schedule-text';
import {
  summariseSupervision,
  type SupervisionRecord,
} from '../../../src/domain/supervision/supervision-record';

const holidays = englandAndWalesBankHolidays();
const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });
const iso = (times: DateTime[]): string[] => times.map((t) => t.toUTC().toISO() ?? '');

type Timing = Parameters<typeof nextSessions>[0];

describe('supervision schedules', () => {
  it.each<[string, Timing, string, number, string[]]>([
    [
      'monthly on the first Tuesday at 10:00, across the October clock change',
      { cadence: { type: 'monthly-nth-weekday', nth: 1, weekday: 2 }, startTime: '10:00' },
      '2026-09-02T00:00:00Z',
      3,
      // 6 Oct is BST (09:00 UTC); 3 Nov and 1 Dec are GMT (10:00 UTC).
      ['2026-10-06T09:00:00.000Z', '2026-11-03T10:00:00.000Z', '2026-12-01T10:00:00.000Z'],
    ],
    [
      'every 4 weeks keeps the London time across the March clock change',
      { cadence: { type: 'every-n-weeks', weeks: 4, firstDate: '2027-03-04' }, startTime: '10:00' },
      '2027-03-01T00:00:00Z',
      3,
      ['2027-03-04T10:00:00.000Z', '2027-04-01T09:00:00.000Z', '2027-04-29T09:00:00.000Z'],
    ],
  ])('%s', (_name, timing, from, count, expected) => {
    expect(iso(nextSessions(timing, utc(from), count))).toEqual(expected);
  });

  it.each<[string, Timing, string, number, string[]]>([
    [
      'monthly on the last Friday, at month ends of different lengths',
      { cadence: { type: 'monthly-nth-weekday', nth: -1, weekday: 5 }, startTime: '14:30' },
      '2027-01-01T00:00:00Z',
      3,
      ['2027-01-29', '2027-02-26', '2027-03-26'],
    ],
    [
      'skips months without a 4th such weekday only when asked for one that does not exist',
      { cadence: { type: 'monthly-nth-weekday', nth: 4, weekday: 1 }, startTime: '09:00' },
      '2027-02-01T00:00:00Z',
      2,
      ['2027-02-22', '2027-03-22'],
    ],
    [
      'every 2 weeks picks up the cycle from a first date in the past',
      { cadence: { type: 'every-n-weeks', weeks: 2, firstDate: '2026-01-06' }, startTime: '11:00' },
      '2026-11-20T00:00:00Z',
      2,
      ['2026-11-24', '2026-12-08'],
    ],
    [
      'one-off dates, in order, future only',
      {
        cadence: { type: 'one-off', dates: ['2027-02-10', '2026-10-01', '2026-12-15'] },
        startTime: '15:00',
      },
      '2026-11-01T00:00:00Z',
      5,
      ['2026-12-15', '2027-02-10'],
    ],
  ])('%s', (_name, timing, from, count, expected) => {
    expect(nextSessions(timing, utc(from), count).map((s) => s.toISODate())).toEqual(expected);
  });

  it('does not include a session that has already started today', () => {
    const sessions = nextSessions(
      { cadence: { type: 'monthly-nth-weekday', nth: 1, weekday: 2 }, startTime: '10:00' },
      utc('2026-11-03T10:30:00Z'),
      1,
    );
    expect(sessions[0]?.toISODate()).toBe('2026-12-01');
  });
});

describe('bank holidays and reminders', () => {
  it('flags a session on a bank holiday, and warns beyond the shipped data', () => {
    const notes = describeSessions(
      [utc('2026-04-06T09:00:00Z'), utc('2026-04-07T09:00:00Z'), utc('2028-01-04T10:00:00Z')],
      holidays,
    );
    expect(notes.map((n) => n.bankHoliday)).toEqual(['Easter Monday', undefined, undefined]);
    expect(notes.map((n) => n.beyondHolidayData)).toEqual([false, false, true]);
  });

  it('the working day before skips weekends and bank holidays', () => {
    // Tuesday 7 April 2026: Monday is Easter Monday, Friday is Good Friday, so Thursday 2 April.
    expect(workingDayBefore(utc('2026-04-07T09:00:00Z'), holidays).toISO()).toBe(
      '2026-04-02T09:00:00.000+01:00',
    );
    expect(workingDayBefore(utc('2026-11-23T10:00:00Z'), holidays).toISODate()).toBe('2026-11-20');
  });

  it('reminds the working day before at 09:00 and an hour before, by default', () => {
    const times = reminderTimes(utc('2026-11-03T10:00:00Z'), DEFAULT_REMINDERS, holidays);
    expect(iso(times)).toEqual(['2026-11-02T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
  });
});

describe('moved sessions and chosen reminders', () => {
  const monthly = {
    scheduleId: 's1',
    coachId: 'c1',
    kind: 'coaching-one-to-one' as const,
    cadence: { type: 'monthly-nth-weekday' as const, nth: 1, weekday: 2 },
    startTime: '10:00',
    durationMinutes: 60,
    supervisor: '',
    place: '',
    reminderOffsets: DEFAULT_REMINDERS,
    paused: false,
  };

  it('shows a moved session at its new time and not at the planned one, in order', () => {
    // First Tuesday of December 2026 (the 1st) moved to Thursday 10 December, 15:00.
    const moves = withMove(undefined, utc('2026-12-01T10:00:00Z'), utc('2026-12-10T15:00:00Z'));
    const starts = nextSessions({ ...monthly, moves }, utc('2026-11-10T00:00:00Z'), 3);
    expect(iso(starts)).toEqual([
      '2026-12-10T15:00:00.000Z',
      '2027-01-05T10:00:00.000Z',
      '2027-02-02T10:00:00.000Z',
    ]);
  });

  it('moving a session twice keeps only the latest time', () => {
    const once = withMove(undefined, utc('2026-12-01T10:00:00Z'), utc('2026-12-10T15:00:00Z'));
    const twice = withMove(once, utc('2026-12-01T10:00:00Z'), utc('2026-12-03T09:00:00Z'));
    expect(twice).toHaveLength(1);
    const starts = nextSessions({ ...monthly, moves: twice }, utc('2026-11-10T00:00:00Z'), 1);
    expect(iso(starts)).toEqual(['2026-12-03T09:00:00.000Z']);
  });

  it('reminds before the moved session, with a follow-up after it', () => {
    const moves = withMove(undefined, utc('2026-12-01T10:00:00Z'), utc('2026-12-10T15:00:00Z'));
    const schedule = { ...monthly, reminderOffsets: [60], moves };
    const before = nextReminder(schedule, utc('2026-11-10T00:00:00Z'), holidays);
    expect(before?.at.toISO()).toBe('2026-12-10T14:00:00.000Z');
    const followUp = nextReminder(schedule, utc('2026-12-10T14:00:00Z'), holidays);
    expect(followUp).toMatchObject({ kind: 'follow-up' });
    expect(followUp?.sessionStart.toISO()).toBe('2026-12-10T15:00:00.000Z');
  });

  it('reads the reminder times picked on a card: offered ones only, at most four, earliest first', () => {
    expect(readReminderChoice('60,-1', REMINDER_CHOICES)).toEqual({ ok: true, offsets: [-1, 60] });
    expect(readReminderChoice('', REMINDER_CHOICES)).toEqual({ ok: true, offsets: [] });
    expect(readReminderChoice('45', REMINDER_CHOICES)).toMatchObject({ ok: false });
    expect(readReminderChoice('abc', REMINDER_CHOICES)).toMatchObject({ ok: false });
    expect(readReminderChoice('-1,1440,120,60,30', REMINDER_CHOICES)).toMatchObject({
      ok: false,
      problem: 'Choose at most 4 reminder times.',
    });
  });

  it('offers a development offset that is in use alongside the standard ones', () => {
    const titles = reminderChoices([2]).map((c) => c.title);
    expect(titles[0]).toBe('the working day before, 09:00');
    expect(titles.at(-1)).toBe('2 minutes before');
  });
});

describe('schedules typed in plain words', () => {
  const today = utc('2026-11-23T12:00:00Z'); // a Monday

  it.each([
    [
      'coaching supervision monthly, first Tuesday, 10:00',
      {
        kind: 'coaching-one-to-one',
        cadence: { type: 'monthly-nth-weekday', nth: 1, weekday: 2 },
        startTime: '10:00',
        durationMinutes: 60,
      },
    ],
    [
      'group coaching supervision monthly on the last Thursday at 2pm for 90 minutes',
      {
        kind: 'coaching-group',
        cadence: { type: 'monthly-nth-weekday', nth: -1, weekday: 4 },
        startTime: '14:00',
        durationMinutes: 90,
      },
    ],
    [
      'clinical supervision every 4 weeks on Wednesday 9.30am',
      {
        kind: 'clinical',
        cadence: { type: 'every-n-weeks', weeks: 4, firstDate: '2026-11-25' },
        startTime: '09:30',
        durationMinutes: 60,
      },
    ],
    [
      'line management fortnightly on Monday 16:00 for 1 hour',
      {
        kind: 'line-management',
        cadence: { type: 'every-n-weeks', weeks: 2, firstDate: '2026-11-23' },
        startTime: '16:00',
        durationMinutes: 60,
      },
    ],
    [
      'coaching supervision on 2026-12-09 and 2027-01-13 at 11:00',
      {
        kind: 'coaching-one-to-one',
        cadence: { type: 'one-off', dates: ['2026-12-09', '2027-01-13'] },
        startTime: '11:00',
        durationMinutes: 60,
      },
    ],
  ])('"%s"', (text, expected) => {
    expect(parseScheduleText(text, today)).toEqual(
      expect.objectContaining({ ok: true, schedule: expected }),
    );
  });

  it('says what it could not pin down instead of guessing', () => {
    expect(parseScheduleText('supervision sometime next month', today)).toEqual({
      ok: false,
      missing: ['cadence', 'time'],
    });
    expect(parseScheduleText('monthly first tuesday 10:00', today)).toEqual({
      ok: false,
      missing: ['kind'],
    });
  });
});

describe('supervision summary', () => {
  const record = (
    sessionStart: string,
    kind: SupervisionRecord['kind'],
    outcome: SupervisionRecord['outcome'],
    minutes = 60,
  ): SupervisionRecord => ({
    coachId: 'c',
    scheduleId: 's',
    kind,
    sessionStart,
    outcome,
    durationMinutes: minutes,
    movedTo: null,
    recordedAt: sessionStart,
  });

  it('counts attended coaching supervision hours in the last 12 months only', () => {
    const summary = summariseSupervision(
      [
        record('2025-10-01T09:00:00.000Z', 'coaching-one-to-one', 'attended'),
        record('2026-03-01T09:00:00.000Z', 'coaching-group', 'attended', 90),
        record('2026-10-06T09:00:00.000Z', 'coaching-one-to-one', 'attended'),
        record('2026-11-03T10:00:00.000Z', 'coaching-one-to-one', 'missed'),
        record('2026-11-10T10:00:00.000Z', 'clinical', 'attended'),
      ],
      utc('2026-11-23T12:00:00Z'),
      6,
    );
    expect(summary).toMatchObject({
      lastCoaching: '2026-10-06T09:00:00.000Z',
      coachingHoursLast12Months: 2.5,
      coachingMinutesLast12Months: 150,
      expectedHoursRange: [12, 24],
      overdue: true,
    });
  });

  it("totals every kind's attended minutes this month and this year, at the time it was held", () => {
    const summary = summariseSupervision(
      [
        record('2025-12-02T10:00:00.000Z', 'coaching-one-to-one', 'attended'),
        record('2026-03-01T09:00:00.000Z', 'coaching-group', 'attended', 90),
        record('2026-11-10T10:00:00.000Z', 'clinical', 'attended', 45),
        record('2026-11-12T10:00:00.000Z', 'clinical', 'missed', 45),
        // Planned for October, moved to and held in November.
        {
          ...record('2026-10-27T10:00:00.000Z', 'line-management', 'attended', 30),
          heldAt: '2026-11-03T10:00:00.000Z',
        },
      ],
      utc('2026-11-23T12:00:00Z'),
      6,
    );
    expect(summary.byKind).toEqual([
      { kind: 'coaching-one-to-one', minutesThisMonth: 0, minutesThisYear: 0 },
      { kind: 'coaching-group', minutesThisMonth: 0, minutesThisYear: 90 },
      { kind: 'clinical', minutesThisMonth: 45, minutesThisYear: 45 },
      { kind: 'line-management', minutesThisMonth: 30, minutesThisYear: 30 },
    ]);
  });

  it('is not overdue within the interval, and overdue with no coaching supervision at all', () => {
    const now = utc('2026-11-23T12:00:00Z');
    expect(
      summariseSupervision(
        [record('2026-11-03T10:00:00.000Z', 'coaching-one-to-one', 'attended')],
        now,
        6,
      ).overdue,
    ).toBe(false);
    expect(
      summariseSupervision([record('2026-11-20T10:00:00.000Z', 'clinical', 'attended')], now, 6)
        .overdue,
    ).toBe(true);
  });
});

describe('supervision summary and the future', () => {
  it('does not count a session marked attended before it has happened', () => {
    const summary = summariseSupervision(
      [
        {
          coachId: 'c',
          scheduleId: 's',
          kind: 'coaching-one-to-one',
          sessionStart: '2026-12-01T10:00:00.000Z',
          outcome: 'attended',
          durationMinutes: 60,
          movedTo: null,
          recordedAt: '2026-11-30T09:00:00.000Z',
        },
      ],
      DateTime.fromISO('2026-11-30T12:00:00Z'),
      6,
    );
    expect(summary).toMatchObject({ coachingHoursLast12Months: 0, overdue: true });
    expect(summary.lastCoaching).toBeUndefined();
  });
});
