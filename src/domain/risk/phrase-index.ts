import { GAP, GAP_WORDS, type PatternElement } from './phrase-patterns';
import type { RiskToken } from './risk-text';

/**
 * Phrases compiled once and looked up by their first word, so a scan costs one look-up per word
 * of the message plus the few patterns that start with it.
 */

export interface PhraseMatch<P> {
  /** Index of the first word. */
  readonly start: number;
  /** Index after the last word. */
  readonly end: number;
  readonly payload: P;
}

interface Entry<P> {
  readonly elements: readonly PatternElement[];
  readonly payload: P;
}

export interface PhraseIndex<P> {
  readonly byFirstWord: ReadonlyMap<string, readonly Entry<P>[]>;
  /** Every word of every pattern, for the typo lexicon. */
  readonly words: ReadonlySet<string>;
}

export function buildPhraseIndex<P>(
  patterns: Iterable<{ elements: readonly PatternElement[]; payload: P }>,
): PhraseIndex<P> {
  const byFirstWord = new Map<string, Entry<P>[]>();
  const words = new Set<string>();
  for (const { elements, payload } of patterns) {
    const first = elements[0];
    if (typeof first !== 'string') {
      continue;
    }
    const bucket = byFirstWord.get(first) ?? [];
    bucket.push({ elements, payload });
    byFirstWord.set(first, bucket);
    for (const element of elements) {
      if (typeof element === 'string') {
        words.add(element);
      }
    }
  }
  return { byFirstWord, words };
}

/** What vocabulary words the word at an index may stand for (itself, or typo matches). */
export type WordsAt = (index: number) => readonly string[];

export const exactWords =
  (tokens: readonly RiskToken[]): WordsAt =>
  (index) => {
    const token = tokens[index];
    return token === undefined ? [] : [token.word];
  };

/** The end of the longest match of `elements` from `start`, or -1. */
function matchFrom(
  elements: readonly PatternElement[],
  tokens: readonly RiskToken[],
  wordsAt: WordsAt,
  clause: number,
  elementIndex: number,
  tokenIndex: number,
): number {
  if (elementIndex === elements.length) {
    return tokenIndex;
  }
  const element = elements[elementIndex];
  if (element === GAP) {
    let best = -1;
    for (let skip = 0; skip <= GAP_WORDS; skip += 1) {
      const at = tokenIndex + skip;
      if (tokens[at]?.clause !== clause) {
        break;
      }
      best = Math.max(
        best,
        matchFrom(elements, tokens, wordsAt, clause, elementIndex + 1, tokenIndex + skip),
      );
    }
    return best;
  }
  if (element === undefined || tokens[tokenIndex]?.clause !== clause) {
    return -1;
  }
  if (!wordsAt(tokenIndex).includes(element)) {
    return -1;
  }
  return matchFrom(elements, tokens, wordsAt, clause, elementIndex + 1, tokenIndex + 1);
}

/** Every match of every phrase, each the longest from its start. */
export function findPhrases<P>(
  index: PhraseIndex<P>,
  tokens: readonly RiskToken[],
  wordsAt: WordsAt,
): PhraseMatch<P>[] {
  const matches: PhraseMatch<P>[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    const token = tokens[start];
    if (token === undefined) {
      continue;
    }
    for (const word of wordsAt(start)) {
      for (const entry of index.byFirstWord.get(word) ?? []) {
        const end = matchFrom(entry.elements, tokens, wordsAt, token.clause, 1, start + 1);
        if (end > 0) {
          matches.push({ start, end, payload: entry.payload });
        }
      }
    }
  }
  return matches;
}
