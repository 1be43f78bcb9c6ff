import fc from 'fast-check';
import {
  FEEDBACK_SCORES,
  summariseFeedback,
  type ReferrerFeedback,
} from '../../../src/domain/referral-loop/referrer-feedback';
import {
  suppressPartition,
  type ShownPartition,
} from '../../../src/domain/referral-loop/small-numbers';

const answer = (
  confidence: ReferrerFeedback['confidence'],
  month = '2026-11',
): ReferrerFeedback => ({
  month,
  confidence,
  usefulness: '3',
  answeredAt: '2026-12-01T10:00:00.000Z',
});
const many = (n: number, score: ReferrerFeedback['confidence']) =>
  Array.from({ length: n }, () => answer(score));

describe('feedback summary: counts per answer with small numbers hidden', () => {
  it('shows each answer count at or over the threshold when the hidden ones add up to enough', () => {
    const summary = summariseFeedback(
      '2026-11',
      [...many(6, '5'), ...many(7, '4'), ...many(3, '3'), ...many(2, '2')],
      5,
    );
    expect(summary.confidence.total).toEqual({ kind: 'count', value: 18 });
    expect(summary.confidence.parts).toEqual([
      { kind: 'fewer-than', threshold: 5 },
      { kind: 'fewer-than', threshold: 5 },
      { kind: 'fewer-than', threshold: 5 },
      { kind: 'count', value: 7 },
      { kind: 'count', value: 6 },
    ]);
  });

  it('withholds the smallest answer shown when the hidden ones would add up to a small number', () => {
    // 18 answers: 9 and 6 shown would leave "3 answered 1 to 3" for anyone to work out.
    const summary = summariseFeedback(
      '2026-11',
      [...many(9, '5'), ...many(6, '4'), ...many(3, '3')],
      5,
    );
    expect(summary.confidence.parts[3]).toEqual({ kind: 'withheld' });
    expect(summary.confidence.parts[4]).toEqual({ kind: 'count', value: 9 });
  });

  it('does not show that everyone gave the same answer', () => {
    const summary = summariseFeedback('2026-11', many(8, '4'), 5);
    expect(summary.confidence.total).toEqual({ kind: 'count', value: 8 });
    expect(summary.confidence.parts.every((p) => p.kind !== 'count')).toBe(true);
  });

  it('counts only the month asked for', () => {
    const summary = summariseFeedback(
      '2026-11',
      [...many(5, '4'), ...Array.from({ length: 9 }, () => answer('4', '2026-10'))],
      5,
    );
    expect(summary.confidence.total).toEqual({ kind: 'count', value: 5 });
  });
});

/** Every number a reader could work out: each count shown, and the total less the parts shown. */
function derivable(shown: ShownPartition): number[] {
  const exact = shown.parts.flatMap((p) => (p.kind === 'count' ? [p.value] : []));
  const hiddenAny = shown.parts.some((p) => p.kind !== 'count');
  const total = shown.total.kind === 'count' ? [shown.total.value] : [];
  const rest =
    shown.total.kind === 'count' && hiddenAny
      ? [shown.total.value - exact.reduce((a, b) => a + b, 0)]
      : [];
  return [...exact, ...total, ...rest];
}

describe('feedback suppression stops differencing (fast-check)', () => {
  it('never lets a number under the threshold be read or worked out from the answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), {
          minLength: FEEDBACK_SCORES.length,
          maxLength: FEEDBACK_SCORES.length,
        }),
        fc.integer({ min: 2, max: 10 }),
        (parts, threshold) => {
          const shown = suppressPartition(parts, threshold);
          expect(derivable(shown).every((n) => n >= threshold)).toBe(true);
          shown.parts.forEach((p, i) => {
            if (p.kind === 'count') {
              expect(p.value).toBe(parts[i]);
            }
          });
        },
      ),
    );
  });
});
