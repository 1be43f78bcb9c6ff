import { DateTime } from 'luxon';
import { describeCadence } from '../../../src/cards/supervision/supervision.cards';
import { nextSessions } from '../../../src/domain/supervision/schedule';
import { parseScheduleText } from '../../../src/domain/supervision/schedule-text';
import { SCHEDULE_NOW, SCHEDULE_PHRASES } from '../../fixtures/command-phrases/schedule-phrases';

const now = DateTime.fromISO(SCHEDULE_NOW, { zone: 'utc' });
const londonDays = (times: DateTime[]): string[] => times.map((t) => t.toISODate() ?? '');

describe(`schedules and dates as coaches type them (${SCHEDULE_PHRASES.length} phrases)`, () => {
  it.each(SCHEDULE_PHRASES.map((p) => [p.text, p] as const))('"%s"', (text, phrase) => {
    const read = parseScheduleText(text, now);
    expect(read).toEqual(
      expect.objectContaining({
        ok: true,
        schedule: {
          kind: phrase.kind,
          cadence: phrase.cadence,
          startTime: phrase.startTime,
          durationMinutes: phrase.durationMinutes ?? 60,
        },
      }),
    );
  });
});

describe('a start date is honoured for every cadence', () => {
  it('every 4 weeks on Thursday starting 10 December: no session on 3 or 31 December', () => {
    const read = parseScheduleText(
      'clinical supervision every 4 weeks on Thursday 2pm starting 2026-12-10',
      now,
    );
    if (!read.ok) {
      throw new Error('not read');
    }
    expect(londonDays(nextSessions(read.schedule, now, 3))).toEqual([
      '2026-12-10',
      '2027-01-07',
      '2027-02-04',
    ]);
  });

  it('every 4 weeks from a date is a repeating schedule on that weekday, not a one-off', () => {
    const read = parseScheduleText('group supervision every 4 weeks from 2026-12-10 at 2pm', now);
    expect(read.ok && read.schedule.cadence).toEqual({
      type: 'every-n-weeks',
      weeks: 4,
      firstDate: '2026-12-10',
    });
  });

  it('monthly on the first Tuesday from 12 January: no December session', () => {
    const read = parseScheduleText(
      'coaching supervision monthly on the first Tuesday at 10am starting 12/01/2027',
      now,
    );
    if (!read.ok) {
      throw new Error('not read');
    }
    expect(londonDays(nextSessions(read.schedule, now, 2))).toEqual(['2027-02-02', '2027-03-02']);
    expect(read.firstSession).toBe('2027-02-02T10:00:00.000Z');
  });

  it('says the start date of a monthly schedule, and nothing when it has none', () => {
    expect(
      describeCadence(
        { type: 'monthly-nth-weekday', nth: 1, weekday: 2, startDate: '2027-01-12' },
        '10:00',
      ),
    ).toBe('Monthly, first Tuesday from 12 Jan 2027, 10:00');
    expect(describeCadence({ type: 'monthly-nth-weekday', nth: 1, weekday: 2 }, '10:00')).toBe(
      'Monthly, first Tuesday, 10:00',
    );
  });

  it('a monthly schedule stored without a start date still runs from today', () => {
    const sessions = nextSessions(
      { cadence: { type: 'monthly-nth-weekday', nth: 1, weekday: 2 }, startTime: '10:00' },
      now,
      2,
    );
    expect(londonDays(sessions)).toEqual(['2027-01-05', '2027-02-02']);
  });
});

describe('dates in the past are reported for the caller to ask about', () => {
  it('a one-off date before today', () => {
    const read = parseScheduleText('clinical supervision on 12/11/2026 at 10am', now);
    expect(read).toEqual(
      expect.objectContaining({
        ok: true,
        pastDates: ['2026-11-12'],
        firstSession: '2026-11-12T10:00:00.000Z',
      }),
    );
  });

  it('a start date before today, with the first session it gives', () => {
    const read = parseScheduleText(
      'group supervision every 4 weeks on Thursday at 2pm starting 2026-11-05',
      now,
    );
    expect(read).toEqual(
      expect.objectContaining({
        ok: true,
        pastDates: ['2026-11-05'],
        firstSession: '2026-11-05T14:00:00.000Z',
      }),
    );
  });

  it('nothing when every date is to come', () => {
    const read = parseScheduleText('line management tomorrow at 2', now);
    expect(read).toEqual(
      expect.objectContaining({
        ok: true,
        pastDates: [],
        firstSession: '2026-12-03T14:00:00.000Z',
      }),
    );
  });
});

describe('what the words do not pin down is still asked for', () => {
  it.each([
    ['coaching supervision monthly on tuesdays at 10', ['cadence']],
    ['group supervision every 40 weeks on thursday at 2', ['cadence']],
    ['coaching supervision every 4 weeks on thursday', ['time']],
    ['supervision sometime next month', ['cadence', 'time']],
  ])('"%s"', (text, missing) => {
    expect(parseScheduleText(text, now)).toEqual({ ok: false, missing });
  });
});
