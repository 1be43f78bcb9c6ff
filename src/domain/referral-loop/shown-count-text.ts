import type { ShownCount } from './small-numbers';

/** A count as a card or CSV shows it: the number, "fewer than 5", or "not shown". */
export function shownCountText(count: ShownCount): string {
  switch (count.kind) {
    case 'count':
      return String(count.value);
    case 'fewer-than':
      return `fewer than ${count.threshold}`;
    case 'withheld':
      return 'not shown';
  }
}

/** The line that explains the hidden numbers, for the foot of a card. */
export function smallNumbersNote(threshold: number): string {
  return (
    `To protect privacy, numbers under ${threshold} are shown as "fewer than ${threshold}", and ` +
    `a number is "not shown" when it would let someone work out a number under ${threshold}.`
  );
}
