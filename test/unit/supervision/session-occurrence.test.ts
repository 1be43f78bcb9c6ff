import { DateTime } from 'luxon';
import {
  currentStartOf,
  isSettled,
  occurrenceKey,
  occurrenceOf,
  onePerSession,
  unrecordedSessions,
} from '../../../src/domain/supervision/session-occurrence';
import { pastProblem } from '../../../src/domain/supervision/schedule-dates';
import type { SupervisionRecord } from '../../../src/domain/supervision/supervision-record';
import { testSchedule } from '../../helpers/supervision-fixtures';

const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });

/** Monthly on the first Tuesday at 10:00; December's session moved to Thursday 3rd at 14:00. */
const moved = testSchedule({
  scheduleId: 's',
  moves: [{ from: '2026-12-01T10:00:00.000Z', to: '2026-12-03T14:00:00.000Z' }],
});

const recordOf = (sessionStart: string, outcome: SupervisionRecord['outcome']) => ({
  coachId: moved.coachId,
  scheduleId: 's',
  kind: moved.kind,
  sessionStart,
  outcome,
  durationMinutes: 0,
  movedTo: null,
  recordedAt: sessionStart,
});

describe('which session a start time belongs to', () => {
  it('names a moved session by its planned start, from its old time or its new one', () => {
    expect(occurrenceKey(occurrenceOf(moved, utc('2026-12-03T14:00:00Z')))).toBe(
      '2026-12-01T10:00:00.000Z',
    );
    expect(occurrenceKey(occurrenceOf(moved, utc('2026-12-01T10:00:00Z')))).toBe(
      '2026-12-01T10:00:00.000Z',
    );
    expect(occurrenceKey(currentStartOf(moved, utc('2026-12-01T10:00:00Z')))).toBe(
      '2026-12-03T14:00:00.000Z',
    );
    expect(occurrenceKey(currentStartOf(moved, utc('2027-01-05T10:00:00Z')))).toBe(
      '2027-01-05T10:00:00.000Z',
    );
  });

  it('a session recorded as held or not happening is settled; a moved one is not', () => {
    expect(isSettled(undefined)).toBe(false);
    expect(isSettled(recordOf('2026-12-01T10:00:00.000Z', 'moved'))).toBe(false);
    expect(isSettled(recordOf('2026-12-01T10:00:00.000Z', 'missed'))).toBe(true);
    expect(isSettled(recordOf('2026-12-01T10:00:00.000Z', 'attended'))).toBe(true);
  });

  it('leaves out of the next sessions one that will not happen, at its new time too', () => {
    const next = unrecordedSessions(
      moved,
      [recordOf('2026-12-01T10:00:00.000Z', 'missed')],
      utc('2026-11-20T12:00:00Z'),
      2,
    );
    expect(next.map((d) => d.toUTC().toISO())).toEqual([
      '2027-01-05T10:00:00.000Z',
      '2027-02-02T10:00:00.000Z',
    ]);
    expect(
      unrecordedSessions(moved, [], utc('2026-11-20T12:00:00Z'), 1).map((d) => d.toUTC().toISO()),
    ).toEqual(['2026-12-03T14:00:00.000Z']);
  });
});

describe('schedules in the past', () => {
  const now = utc('2026-11-20T12:00:00Z');
  it('names set dates that have passed', () => {
    expect(
      pastProblem(
        {
          cadence: { type: 'one-off', dates: ['2026-11-19', '2026-11-02', '2026-12-01'] },
          startTime: '10:00',
        },
        now,
      ),
    ).toBe('2 Nov 2026 and 19 Nov 2026 have passed. Enter dates from today on.');
  });

  it('refuses a session earlier today, and accepts one later today or a recurring schedule', () => {
    const today = { type: 'one-off' as const, dates: ['2026-11-20'] };
    expect(pastProblem({ cadence: today, startTime: '09:00' }, now)).toBe(
      'Every session of this schedule has passed. Enter a date or time from now on.',
    );
    expect(pastProblem({ cadence: today, startTime: '15:00' }, now)).toBeUndefined();
    expect(
      pastProblem(
        {
          cadence: { type: 'every-n-weeks', weeks: 4, firstDate: '2026-01-01' },
          startTime: '10:00',
        },
        now,
      ),
    ).toBeUndefined();
  });
});

describe('older records of a moved session', () => {
  it('count once: the record under the new time is dropped when the planned start has one', () => {
    const atOld = { ...recordOf('2026-12-01T10:00:00.000Z', 'attended'), durationMinutes: 60 };
    const atNew = { ...recordOf('2026-12-03T14:00:00.000Z', 'attended'), durationMinutes: 60 };
    const other = { ...recordOf('2027-01-05T10:00:00.000Z', 'attended'), durationMinutes: 60 };
    expect(onePerSession([atOld, atNew, other], [moved])).toEqual([atOld, other]);
    // With no record under the planned start, the one under the new time is the session's.
    expect(onePerSession([atNew], [moved])).toEqual([atNew]);
  });
});
