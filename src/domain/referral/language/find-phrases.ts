import type { Hit } from './hit';
import { NEGATION_WINDOW, NEGATORS } from './lexicon';
import type { Phrase, PhraseField, PhraseIndex } from './phrases';
import type { Token } from './tokenise';
import { nearestMatch } from './token-window';
import { isMisspelling, matchWord } from './word-match';

/** Words a `...` in a phrase may stand for. */
const MAX_GAP = 4;

interface Candidate {
  phrase: Phrase;
  tokens: number[];
}

function isWord(token: Token | undefined): boolean {
  return token?.kind === 'word';
}

/** The tokens the phrase's words take from `at` on, or undefined when it does not match there. */
function matchFrom(
  tokens: readonly Token[],
  phrase: Phrase,
  index: PhraseIndex,
  wordAt: number,
  at: number,
): number[] | undefined {
  const word = phrase.words[wordAt];
  if (word === undefined) {
    return [];
  }
  if (word.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP; skip += 1) {
      if (skip > 0 && !isWord(tokens[at + skip - 1])) {
        return undefined;
      }
      const rest = matchFrom(tokens, phrase, index, wordAt + 1, at + skip);
      if (rest) {
        return rest;
      }
    }
    return undefined;
  }
  if (word.kind === 'not') {
    const token = tokens[at];
    if (token?.kind !== 'word' || !NEGATORS.has(token.norm)) {
      return undefined;
    }
    const rest = matchFrom(tokens, phrase, index, wordAt + 1, at + 1);
    return rest ? [at, ...rest] : undefined;
  }
  const taken = matchWord(tokens, at, word, index.known);
  if (taken === 0) {
    return undefined;
  }
  const rest = matchFrom(tokens, phrase, index, wordAt + 1, at + taken);
  return rest ? [...(taken === 2 ? [at, at + 1] : [at]), ...rest] : undefined;
}

function phrasesStartingAt(tokens: readonly Token[], at: number, index: PhraseIndex): Phrase[] {
  const token = tokens[at];
  if (token?.kind !== 'word') {
    return [];
  }
  const found = new Set<Phrase>(index.byFirstWord.get(token.norm) ?? []);
  const next = tokens[at + 1];
  if (next?.kind === 'word') {
    for (const phrase of index.byFirstWord.get(token.norm + next.norm) ?? []) {
      found.add(phrase);
    }
  }
  const stem = /^([a-z]+)\d+[a-z]?$/.exec(token.norm)?.[1];
  if (stem !== undefined) {
    for (const phrase of index.byFirstWord.get(stem) ?? []) {
      found.add(phrase);
    }
  }
  for (const word of index.guessable.get(token.norm.charAt(0)) ?? []) {
    if (isMisspelling(token.norm, word, index.known)) {
      for (const phrase of index.byFirstWord.get(word) ?? []) {
        found.add(phrase);
      }
    }
  }
  if (NEGATORS.has(token.norm)) {
    for (const phrase of index.startingWithNot) {
      found.add(phrase);
    }
  }
  return [...found];
}

/** The free negation in the few words before `first`, if any. */
function negatorBefore(
  tokens: readonly Token[],
  first: number,
  takenBy: ReadonlyMap<number, Phrase>,
): number | undefined {
  return nearestMatch(tokens, first, 'before', NEGATION_WINDOW, (token, at) => {
    const owner = takenBy.get(at);
    // A plain "no" answer is a one-word phrase, and still denies what follows it ("no red flags").
    const free = owner === undefined || owner.literal === 1;
    return free && NEGATORS.has(token.norm);
  });
}

/**
 * Every vocabulary phrase in the tokens, without overlaps: where two phrases share words the one
 * that spans more words wins ("not very confident" over "very confident"), then the one that
 * answers `prefer`, then the earlier one. Each is marked negated when a free negation stands in
 * the few words before it.
 */
export function findPhrases(
  tokens: readonly Token[],
  index: PhraseIndex,
  prefer?: PhraseField,
): Hit[] {
  const candidates: Candidate[] = [];
  tokens.forEach((_token, at) => {
    for (const phrase of phrasesStartingAt(tokens, at, index)) {
      const taken = matchFrom(tokens, phrase, index, 0, at);
      if (taken && taken.length > 0) {
        candidates.push({ phrase, tokens: taken });
      }
    }
  });
  candidates.sort(
    (a, b) =>
      b.tokens.length - a.tokens.length ||
      b.phrase.literal - a.phrase.literal ||
      Number(b.phrase.field === prefer) - Number(a.phrase.field === prefer) ||
      (a.tokens[0] ?? 0) - (b.tokens[0] ?? 0),
  );
  const takenBy = new Map<number, Phrase>();
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.tokens.some((at) => takenBy.has(at))) {
      continue;
    }
    chosen.push(candidate);
    for (const at of candidate.tokens) {
      takenBy.set(at, candidate.phrase);
    }
  }
  const hits = chosen.map(({ phrase, tokens: taken }) => {
    const first = Math.min(...taken);
    const negator = phrase.selfNegated ? undefined : negatorBefore(tokens, first, takenBy);
    return {
      hit: {
        field: phrase.field,
        value: phrase.value,
        tokens: taken,
        first,
        last: Math.max(...taken),
        negated: negator !== undefined,
      },
      negator,
    };
  });
  // A "no" that denies what follows is not an answer of its own: "no diabetes" is not "none".
  const denying = new Set(hits.flatMap(({ negator }) => (negator === undefined ? [] : [negator])));
  return hits
    .map(({ hit }) => hit)
    .filter((hit) => !(hit.tokens.length === 1 && denying.has(hit.first)))
    .sort((a, b) => a.first - b.first);
}
