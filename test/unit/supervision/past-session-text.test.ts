import { DateTime } from 'luxon';
import { readPastSession } from '../../../src/domain/supervision/past-session-text';

const wednesday = DateTime.fromISO('2026-12-02T09:00:00Z', { zone: 'utc' });

describe('supervision that already happened, typed in plain words', () => {
  it.each([
    [
      'I had 90 minutes of group supervision yesterday',
      { kind: 'coaching-group', date: '2026-12-01', durationMinutes: 90 },
    ],
    [
      'had an hour of clinical supervision last Friday at 2pm',
      { kind: 'clinical', date: '2026-11-27', durationMinutes: 60, startTime: '14:00' },
    ],
    [
      "I've had 1:1 supervision today for 45 mins",
      { kind: 'coaching-one-to-one', date: '2026-12-02', durationMinutes: 45 },
    ],
    [
      'attended group supervison on Monday for 1.5 hours',
      { kind: 'coaching-group', date: '2026-11-30', durationMinutes: 90 },
    ],
    [
      'clinical supervision on 30 November, 1 hour',
      { kind: 'clinical', date: '2026-11-30', durationMinutes: 60 },
    ],
    [
      'group supervision on 12 December, 2 hours',
      { kind: 'coaching-group', date: '2025-12-12', durationMinutes: 120 },
    ],
    [
      'line management on 12/11/2026, half an hour',
      { kind: 'line-management', date: '2026-11-12', durationMinutes: 30 },
    ],
  ])('"%s"', (text, session) => {
    expect(readPastSession(text, wednesday)).toEqual({ ok: true, session });
  });

  it('refuses a day still to come', () => {
    expect(readPastSession('I had 1 hour of clinical supervision tomorrow', wednesday)).toEqual({
      ok: false,
      reason: 'future',
      date: '2026-12-03',
    });
  });

  it('lists what it could not tell instead of guessing', () => {
    expect(readPastSession('I had supervision', wednesday)).toEqual({
      ok: false,
      reason: 'missing',
      missing: ['date', 'duration'],
    });
    expect(readPastSession('I had 2 hours yesterday', wednesday)).toEqual({
      ok: false,
      reason: 'missing',
      missing: ['kind'],
    });
  });
});
