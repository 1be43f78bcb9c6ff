import type { Token } from './tokenise';

/**
 * Where the nearest token that `matches` stands among the `window` tokens just before (or after)
 * the token at `from`, within its stretch between breaks; undefined if none does.
 */
export function nearestMatch(
  tokens: readonly Token[],
  from: number,
  direction: 'before' | 'after',
  window: number,
  matches: (token: Token, at: number) => boolean,
): number | undefined {
  const step = direction === 'before' ? -1 : 1;
  for (let n = 1; n <= window; n += 1) {
    const at = from + step * n;
    const token = tokens[at];
    if (token === undefined || token.kind === 'break') {
      return undefined;
    }
    if (matches(token, at)) {
      return at;
    }
  }
  return undefined;
}
