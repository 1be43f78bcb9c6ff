import { distance } from 'fastest-levenshtein';
import { NEGATORS, NEVER_FUZZY, STOP_WORDS } from './lexicon';
import type { PhraseWord } from './phrases';
import type { Token } from './tokenise';

const LETTERS = /^[a-z]+$/;

function swapsTwoNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) {
    return false;
  }
  const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  const [i, j] = differ;
  return differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * Whether a typed word is a misspelling of a vocabulary word: one letter added, dropped or two
 * neighbours swapped for words of 5 to 7 letters, any two edits from 8 letters. Never for short
 * words or abbreviations, never across a plural ("benefit" is not "benefits"), never for a word
 * that is itself in the vocabulary, and the first letter must agree.
 */
export function isMisspelling(typed: string, word: string, known: ReadonlySet<string>): boolean {
  if (typed === word || !LETTERS.test(typed) || !LETTERS.test(word)) {
    return false;
  }
  if (typed.charAt(0) !== word.charAt(0) || known.has(typed) || NEVER_FUZZY.has(typed)) {
    return false;
  }
  if (STOP_WORDS.has(typed) || NEGATORS.has(typed)) {
    return false;
  }
  if (typed === `${word}s` || word === `${typed}s`) {
    return false;
  }
  const shorter = Math.min(typed.length, word.length);
  if (shorter < 5 || Math.abs(typed.length - word.length) > 2) {
    return false;
  }
  const edits = distance(typed, word);
  if (shorter >= 8) {
    return edits <= 2;
  }
  return (edits === 1 && typed.length !== word.length) || swapsTwoNeighbours(typed, word);
}

/**
 * How many tokens from `at` stand for one phrase word: 0 (no match), 1, or 2 when two typed words
 * make it ("hill view" for "hillview"). An abbreviation also matches with a stage or number
 * stuck to it ("ckd3a" for "CKD").
 */
export function matchWord(
  tokens: readonly Token[],
  at: number,
  word: Extract<PhraseWord, { kind: 'word' }>,
  known: ReadonlySet<string>,
): 0 | 1 | 2 {
  const token = tokens[at];
  if (token?.kind !== 'word') {
    return 0;
  }
  if (word.exactCase !== undefined) {
    return token.raw === word.exactCase ? 1 : 0;
  }
  if (token.norm === word.text) {
    return 1;
  }
  if (word.abbreviation) {
    return /^[a-z]+$/.test(word.text) && new RegExp(`^${word.text}\\d+[a-z]?$`).test(token.norm)
      ? 1
      : 0;
  }
  const next = tokens[at + 1];
  if (
    next?.kind === 'word' &&
    word.text.length >= 5 &&
    LETTERS.test(token.norm) &&
    LETTERS.test(next.norm) &&
    token.norm + next.norm === word.text
  ) {
    return 2;
  }
  return isMisspelling(token.norm, word.text, known) ? 1 : 0;
}
