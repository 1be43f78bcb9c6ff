import type { QuestionId } from '../referral-answers';
import { EXACT_CASE, NEGATORS } from './lexicon';
import { tokenise } from './tokenise';

/** What a phrase tells: an answer to a question, or one of the helpers around answers. */
export type PhraseField = QuestionId | 'asked' | 'yesNo' | 'ignore';

export type PhraseWord =
  | {
      kind: 'word';
      text: string;
      /** Never matched from a misspelling ("AF" is not "of"). */
      abbreviation: boolean;
      /** Must be typed exactly so ("MS"), when set. */
      exactCase: string | undefined;
    }
  | { kind: 'not' }
  | { kind: 'gap' };

export interface Phrase {
  field: PhraseField;
  value: string;
  words: readonly PhraseWord[];
  /** It holds its own negation ("not very confident"), so a negation before it is not applied again. */
  selfNegated: boolean;
  /** How many words it names, placeholders for negation included, gaps not. */
  literal: number;
}

export interface PhraseSource {
  field: PhraseField;
  value: string;
  text: string;
}

const PLACEHOLDER = /(\{not\}|\.\.\.)/;

/** One phrase of the vocabulary, ready to match; undefined when it has no words. */
export function compilePhrase(source: PhraseSource): Phrase | undefined {
  const words: PhraseWord[] = [];
  for (const part of source.text.split(PLACEHOLDER)) {
    if (part === '{not}') {
      words.push({ kind: 'not' });
    } else if (part === '...') {
      words.push({ kind: 'gap' });
    } else {
      for (const token of tokenise(part)) {
        if (token.kind !== 'word') {
          continue;
        }
        const capitals = /[A-Z]/.test(token.raw) && token.raw === token.raw.toUpperCase();
        words.push({
          kind: 'word',
          text: token.norm,
          abbreviation: capitals || /\d/.test(token.norm),
          exactCase: EXACT_CASE.has(token.raw) ? token.raw : undefined,
        });
      }
    }
  }
  while (words[words.length - 1]?.kind === 'gap') {
    words.pop();
  }
  while (words[0]?.kind === 'gap') {
    words.shift();
  }
  if (words.length === 0) {
    return undefined;
  }
  const literal = words.filter((w) => w.kind !== 'gap').length;
  const selfNegated = words.some(
    (w) => w.kind === 'not' || (w.kind === 'word' && NEGATORS.has(w.text)),
  );
  return { field: source.field, value: source.value, words, selfNegated, literal };
}

export interface PhraseIndex {
  phrases: readonly Phrase[];
  /** Phrases by their first word. */
  byFirstWord: ReadonlyMap<string, readonly Phrase[]>;
  /** Phrases that open with `{not}`. */
  startingWithNot: readonly Phrase[];
  /** First words a misspelling may stand for, by their first letter. */
  guessable: ReadonlyMap<string, readonly string[]>;
  /** Every word of every phrase: a word spelt like one of these is never taken for another. */
  known: ReadonlySet<string>;
}

export function buildPhraseIndex(sources: readonly PhraseSource[]): PhraseIndex {
  const phrases: Phrase[] = [];
  const byFirstWord = new Map<string, Phrase[]>();
  const startingWithNot: Phrase[] = [];
  const guessable = new Map<string, Set<string>>();
  const known = new Set<string>();
  const seen = new Set<string>();
  for (const source of sources) {
    const phrase = compilePhrase(source);
    if (phrase === undefined) {
      continue;
    }
    const key = `${phrase.field}|${phrase.value}|${JSON.stringify(phrase.words)}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    phrases.push(phrase);
    for (const word of phrase.words) {
      if (word.kind === 'word') {
        known.add(word.text);
      }
    }
    const [first] = phrase.words;
    if (first?.kind === 'not') {
      startingWithNot.push(phrase);
    } else if (first?.kind === 'word') {
      const list = byFirstWord.get(first.text) ?? [];
      list.push(phrase);
      byFirstWord.set(first.text, list);
      if (!first.abbreviation && first.exactCase === undefined && /^[a-z]+$/.test(first.text)) {
        const letter = first.text.charAt(0);
        const bucket = guessable.get(letter) ?? new Set<string>();
        bucket.add(first.text);
        guessable.set(letter, bucket);
      }
    }
  }
  return {
    phrases,
    byFirstWord,
    startingWithNot,
    guessable: new Map([...guessable].map(([letter, words]) => [letter, [...words]])),
    known,
  };
}
