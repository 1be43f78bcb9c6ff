import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  newReference,
  readReference,
  REFERENCE_LETTERS,
  REFERENCE_PATTERN,
  REFERENCE_SPACE,
} from '../../../src/domain/referral-loop/case-reference';
import {
  isUnanswered,
  updateDue,
  workingDaysBetween,
} from '../../../src/domain/referral-loop/case-deadlines';
import { applyCaseEvent, type CaseEvent } from '../../../src/domain/referral-loop/case-transitions';
import { CASE_STATES, type CaseState } from '../../../src/domain/referral-loop/referral-case';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import { referralCase } from '../../helpers/referral-case-fixtures';

const AT = '2026-11-24T10:00:00.000Z';
const ME = { id: 'coach-1', name: 'Coach One' };

const EVENTS: Record<string, CaseEvent> = {
  accept: { kind: 'accept' },
  'not-for-coaching': { kind: 'not-for-coaching', reason: 'not-ready' },
  'first-contact': { kind: 'first-contact' },
  'first-session': { kind: 'first-session' },
  close: { kind: 'close', outcome: 'goals-met' },
};

/** Every state × every event: what it must come to (changed to a state, stale, or refused). */
const TABLE: Record<CaseState, Record<keyof typeof EVENTS, CaseState | 'stale' | 'refused'>> = {
  sent: {
    accept: 'accepted',
    'not-for-coaching': 'not-for-coaching',
    'first-contact': 'refused',
    'first-session': 'refused',
    close: 'refused',
  },
  accepted: {
    accept: 'stale',
    'not-for-coaching': 'stale',
    'first-contact': 'first-contact',
    'first-session': 'first-session',
    close: 'closed',
  },
  'first-contact': {
    accept: 'stale',
    'not-for-coaching': 'stale',
    'first-contact': 'stale',
    'first-session': 'first-session',
    close: 'closed',
  },
  'first-session': {
    accept: 'stale',
    'not-for-coaching': 'stale',
    'first-contact': 'stale',
    'first-session': 'stale',
    close: 'closed',
  },
  closed: {
    accept: 'stale',
    'not-for-coaching': 'stale',
    'first-contact': 'stale',
    'first-session': 'stale',
    close: 'stale',
  },
  'not-for-coaching': {
    accept: 'stale',
    'not-for-coaching': 'stale',
    'first-contact': 'stale',
    'first-session': 'stale',
    close: 'stale',
  },
};

describe('the referral case state machine', () => {
  for (const state of CASE_STATES) {
    for (const [name, event] of Object.entries(EVENTS)) {
      const expected = TABLE[state][name];
      it(`${name} on a ${state} case: ${expected}`, () => {
        const result = applyCaseEvent(referralCase({ state }), event, AT);
        if (expected === 'stale' || expected === 'refused') {
          expect(result).toEqual({ kind: expected, state });
        } else {
          expect(result.kind).toBe('changed');
          if (result.kind === 'changed') {
            expect(result.next.state).toBe(expected);
            expect(result.next.stateAt).toBe(AT);
            expect(result.next.pendingUpdates).toEqual([{ state: expected, at: AT }]);
          }
        }
      });
    }
  }

  it('keeps the reason for not-for-coaching and the outcome of a close', () => {
    const declined = applyCaseEvent(referralCase(), EVENTS['not-for-coaching']!, AT);
    expect(declined.kind === 'changed' && declined.next.notForCoachingReason).toBe('not-ready');
    const closed = applyCaseEvent(referralCase({ state: 'first-session' }), EVENTS.close!, AT);
    expect(closed.kind === 'changed' && closed.next.outcome).toBe('goals-met');
  });

  it('assign to me: on every open case, stale when already mine or the case has ended', () => {
    for (const state of ['sent', 'accepted', 'first-contact', 'first-session'] as const) {
      const result = applyCaseEvent(referralCase({ state }), { kind: 'assign', to: ME }, AT);
      expect(result.kind === 'changed' && result.next).toMatchObject({ state, assignedTo: ME });
      // Assigning is not news for the referrer.
      expect(result.kind === 'changed' && result.next.pendingUpdates).toEqual([]);
    }
    expect(
      applyCaseEvent(
        referralCase({ state: 'accepted', assignedTo: ME }),
        { kind: 'assign', to: ME },
        AT,
      ),
    ).toEqual({ kind: 'stale', state: 'accepted' });
    for (const state of ['closed', 'not-for-coaching'] as const) {
      expect(applyCaseEvent(referralCase({ state }), { kind: 'assign', to: ME }, AT)).toEqual({
        kind: 'stale',
        state,
      });
    }
  });

  it('adds each change to the ones the referrer has not heard of yet', () => {
    const first = applyCaseEvent(referralCase(), EVENTS.accept!, AT);
    if (first.kind !== 'changed') {
      throw new Error('accept should change a sent case');
    }
    const second = applyCaseEvent(first.next, EVENTS['first-session']!, '2026-11-24T11:00:00.000Z');
    expect(second.kind === 'changed' && second.next.pendingUpdates.map((u) => u.state)).toEqual([
      'accepted',
      'first-session',
    ]);
  });
});

describe('referral references', () => {
  const fromSeed = (seed: number) => {
    let state = seed;
    return (max: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % max;
    };
  };

  it('are HC- and a digit, letter, digit, letter: never a word, initials or a date', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (draws) => {
        const queue = [...draws];
        const reference = newReference((max) => (queue.shift() ?? 0) % max);
        expect(reference).toMatch(REFERENCE_PATTERN);
        const body = reference.slice(3);
        // No vowels at all, so no word; never two letters together, so no initials.
        expect(body).not.toMatch(/[AEIOUY]/);
        expect(body).not.toMatch(/[A-Z]{2}/);
        // Nothing that could be read as a day, month or year.
        expect(body).not.toMatch(/^[0-9]{2,}$/);
        expect(body).not.toMatch(/[01OIL]/);
      }),
    );
  });

  it('use every character of their alphabets and have a space of 23,104', () => {
    expect(REFERENCE_SPACE).toBe(23_104);
    const random = fromSeed(7);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      for (const ch of newReference(random).slice(3)) {
        seen.add(ch);
      }
    }
    expect([...REFERENCE_LETTERS].every((l) => seen.has(l))).toBe(true);
  });

  it('are read back from what people type', () => {
    expect(readReference('hc 7k3q')).toBe('HC-7K3Q');
    expect(readReference('7K3Q')).toBe('HC-7K3Q');
    expect(readReference('HC-7K3Q')).toBe('HC-7K3Q');
    expect(readReference('HC-AK3Q')).toBeUndefined();
    expect(readReference('hello')).toBeUndefined();
  });
});

describe('referral deadlines', () => {
  const holidays = englandAndWalesBankHolidays();
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

  it('count working days, leaving out weekends and bank holidays', () => {
    // Friday 18 December 2026 to Tuesday 29 December: Christmas Day (Fri) and Boxing Day
    // substitute (Mon 28th) are bank holidays.
    expect(
      workingDaysBetween(at('2026-12-18T10:00:00Z'), at('2026-12-29T10:00:00Z'), holidays),
    ).toBe(5);
    expect(
      workingDaysBetween(at('2026-11-27T10:00:00Z'), at('2026-11-30T10:00:00Z'), holidays),
    ).toBe(1);
  });

  it('a sent case is unanswered after the configured working days, not before', () => {
    const sentFriday = referralCase({ createdAt: '2026-11-27T15:00:00.000Z' });
    expect(isUnanswered(sentFriday, at('2026-11-30T12:00:00Z'), 2, holidays)).toBe(false);
    expect(isUnanswered(sentFriday, at('2026-12-01T12:00:00Z'), 2, holidays)).toBe(true);
    const accepted = { ...sentFriday, state: 'accepted' as const };
    expect(isUnanswered(accepted, at('2026-12-10T12:00:00Z'), 2, holidays)).toBe(false);
  });

  it('an update is due once a day, and only with news', () => {
    const news = referralCase({ pendingUpdates: [{ state: 'accepted', at: AT }] });
    expect(updateDue(news, '2026-11-24')).toBe(true);
    expect(updateDue({ ...news, lastUpdateOn: '2026-11-24' }, '2026-11-24')).toBe(false);
    expect(updateDue({ ...news, lastUpdateOn: '2026-11-24' }, '2026-11-25')).toBe(true);
    expect(updateDue(referralCase(), '2026-11-25')).toBe(false);
  });
});
