import fc from 'fast-check';
import {
  calendarDaysBetween,
  londonMonth,
  median,
  summarisePracticeMonth,
  type CaseMilestones,
} from '../../../src/domain/referral-loop/practice-month';
import { NOT_FOR_COACHING_REASONS } from '../../../src/domain/referral-loop/referral-case';
import { suppressChain, type ShownCount } from '../../../src/domain/referral-loop/small-numbers';

const PRACTICE = 'Y00001';

/** `n` cases referred on 10 November 2026, each shaped by `extra`. */
function cases(n: number, extra: Partial<CaseMilestones> = {}): CaseMilestones[] {
  return Array.from({ length: n }, () => ({
    practice: PRACTICE,
    createdAt: '2026-11-10T10:00:00.000Z',
    ...extra,
  }));
}

const accepted = { acceptedAt: '2026-11-11T10:00:00.000Z' };
const held = { ...accepted, firstSessionAt: '2026-11-20T10:00:00.000Z' };

function one(list: CaseMilestones[], threshold = 5) {
  const [summary] = summarisePracticeMonth(list, '2026-11', [PRACTICE], threshold);
  if (summary === undefined) {
    throw new Error('no summary for the practice');
  }
  return summary;
}

describe('monthly practice summary: counts and small numbers', () => {
  it('shows counts at or over the threshold when no difference between them is small', () => {
    const summary = one([...cases(10, held), ...cases(5, accepted), ...cases(5)]);
    expect(summary.made).toEqual({ kind: 'count', value: 20 });
    expect(summary.accepted).toEqual({ kind: 'count', value: 15 });
    expect(summary.firstSessions).toEqual({ kind: 'count', value: 10 });
  });

  it('shows a count under the threshold as "fewer than", including none at all', () => {
    expect(one(cases(4)).made).toEqual({ kind: 'fewer-than', threshold: 5 });
    expect(one([]).made).toEqual({ kind: 'fewer-than', threshold: 5 });
    expect(one(cases(3), 3).made).toEqual({ kind: 'count', value: 3 });
  });

  it('withholds "accepted" when "not accepted" would be a small number', () => {
    // 12 made, 9 accepted: showing both would tell anyone that 3 were not accepted.
    const summary = one([...cases(9, accepted), ...cases(3)]);
    expect(summary.made).toEqual({ kind: 'count', value: 12 });
    expect(summary.accepted).toEqual({ kind: 'withheld' });
  });

  it('withholds "accepted" when every referral was accepted (a difference of none is small too)', () => {
    expect(one(cases(8, accepted)).accepted).toEqual({ kind: 'withheld' });
  });

  it('also checks first sessions against referrals made, not only against accepted', () => {
    // 20 made, 17 accepted (withheld: 3 not accepted), 16 first sessions: 20 - 16 = 4 is small.
    const summary = one([...cases(16, held), ...cases(1, accepted), ...cases(3)]);
    expect(summary.accepted).toEqual({ kind: 'withheld' });
    expect(summary.firstSessions).toEqual({ kind: 'withheld' });
  });

  it('counts a case with a first session as accepted even if its accepted time is missing', () => {
    const summary = one([
      ...cases(10, { firstSessionAt: '2026-11-20T10:00:00.000Z' }),
      ...cases(10),
    ]);
    expect(summary.accepted).toEqual({ kind: 'count', value: 10 });
    expect(summary.firstSessions).toEqual({ kind: 'withheld' });
  });

  it('gives every practice asked for a summary, each counting only its own referrals', () => {
    const list = [...cases(6), ...cases(7).map((c) => ({ ...c, practice: 'Y00002' }))];
    const summaries = summarisePracticeMonth(list, '2026-11', ['Y00001', 'Y00002', 'Y00003'], 5);
    expect(summaries.map((s) => [s.practice, s.made])).toEqual([
      ['Y00001', { kind: 'count', value: 6 }],
      ['Y00002', { kind: 'count', value: 7 }],
      ['Y00003', { kind: 'fewer-than', threshold: 5 }],
    ]);
  });
});

describe('monthly practice summary: the month in London time', () => {
  it('puts a referral made just after midnight on 1 July in London (23:30 UTC) in July', () => {
    expect(londonMonth('2026-06-30T23:30:00.000Z')).toBe('2026-07');
    expect(londonMonth('2026-06-30T22:59:59.000Z')).toBe('2026-06');
  });

  it('keeps a referral at 23:30 UTC on 30 November (winter: London is UTC) in November', () => {
    expect(londonMonth('2026-11-30T23:30:00.000Z')).toBe('2026-11');
    expect(londonMonth('2026-12-01T00:00:00.000Z')).toBe('2026-12');
  });

  it('counts only the referrals made in the month asked for', () => {
    const june = cases(5).map((c) => ({ ...c, createdAt: '2026-06-30T22:30:00.000Z' }));
    const july = cases(6).map((c) => ({ ...c, createdAt: '2026-06-30T23:30:00.000Z' }));
    const [summary] = summarisePracticeMonth([...june, ...july], '2026-07', [PRACTICE], 5);
    expect(summary?.made).toEqual({ kind: 'count', value: 6 });
  });
});

describe('monthly practice summary: median days to first contact', () => {
  it('counts calendar days between London dates, not 24-hour periods', () => {
    // 23:30 London on 9 November to 08:00 on 10 November is one calendar day.
    expect(calendarDaysBetween('2026-11-09T23:30:00.000Z', '2026-11-10T08:00:00.000Z')).toBe(1);
    // Across the clocks going forward: 28 to 30 March 2026 is two days.
    expect(calendarDaysBetween('2026-03-28T12:00:00.000Z', '2026-03-30T12:00:00.000Z')).toBe(2);
    expect(calendarDaysBetween('2026-11-10T09:00:00.000Z', '2026-11-10T17:00:00.000Z')).toBe(0);
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 8])).toBe(3);
    expect(median([2, 3])).toBe(2.5);
  });

  it('shows the median once at least the threshold referrals have had a first contact', () => {
    const contacted = [1, 2, 2, 3, 9].map((d) =>
      cases(1, {
        ...accepted,
        firstContactAt: `2026-11-${String(10 + d).padStart(2, '0')}T09:00:00.000Z`,
      }),
    );
    expect(one(contacted.flat()).medianDaysToFirstContact).toBe(2);
    expect(one(contacted.slice(0, 4).flat()).medianDaysToFirstContact).toBeNull();
  });
});

describe('monthly practice summary: reasons for "not for coaching"', () => {
  it('names only reasons given at least the threshold times, most often first, with no numbers', () => {
    const list = [
      ...cases(5, { notForCoachingReason: 'other-service' }),
      ...cases(7, { notForCoachingReason: 'not-ready' }),
      ...cases(4, { notForCoachingReason: 'outside-criteria' }),
      ...cases(3, { notForCoachingReason: null }),
    ];
    expect(one(list).commonNotForCoachingReasons).toEqual(['not-ready', 'other-service']);
  });
});

/** Every number a reader could work out from a chain as shown: each count and each difference. */
function derivable(shown: readonly ShownCount[]): number[] {
  const exact = shown.flatMap((s) => (s.kind === 'count' ? [s.value] : []));
  return [...exact, ...exact.flatMap((a, i) => exact.slice(i + 1).map((b) => Math.abs(a - b)))];
}

describe('small-number suppression stops differencing (fast-check)', () => {
  /** A nested chain: each value at most the one before. */
  const chain = fc
    .tuple(
      fc.nat({ max: 60 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
    )
    .map(([top, shares]) => {
      const values = [top];
      for (const share of shares) {
        values.push(Math.floor((values[values.length - 1] ?? 0) * share));
      }
      return values;
    });

  it('never lets a number under the threshold be read or worked out from a chain', () => {
    fc.assert(
      fc.property(chain, fc.integer({ min: 2, max: 10 }), (values, threshold) => {
        const shown = suppressChain(values, threshold);
        expect(derivable(shown).every((n) => n >= threshold)).toBe(true);
        // Whatever is shown is the true count.
        shown.forEach((s, i) => {
          if (s.kind === 'count') {
            expect(s.value).toBe(values[i]);
          }
          if (s.kind === 'fewer-than') {
            expect(values[i]).toBeLessThan(threshold);
          }
        });
      }),
    );
  });

  it('never lets "not accepted" or "accepted without a first session" be worked out from a card', () => {
    const milestones = fc.array(
      fc.record({
        step: fc.constantFrom('sent', 'accepted', 'held'),
        reason: fc.option(fc.constantFrom(...NOT_FOR_COACHING_REASONS), { nil: null }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(milestones, fc.integer({ min: 2, max: 8 }), (list, threshold) => {
        const input = list.flatMap(({ step, reason }) =>
          cases(
            1,
            step === 'held'
              ? held
              : step === 'accepted'
                ? accepted
                : { notForCoachingReason: reason },
          ),
        );
        const summary = one(input, threshold);
        const shown = [summary.made, summary.accepted, summary.firstSessions];
        expect(derivable(shown).every((n) => n >= threshold)).toBe(true);
        expect(summary.commonNotForCoachingReasons.length).toBeLessThanOrEqual(
          NOT_FOR_COACHING_REASONS.length,
        );
      }),
    );
  });
});
