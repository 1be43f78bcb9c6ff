import { distance } from 'fastest-levenshtein';

/**
 * Small typos in long vocabulary words ("suicidle", "safegaurding", "psycotic"). Short words
 * must be typed exactly: at seven letters or fewer one letter changes the word too often
 * ("cutting" and "putting"). A vocabulary word of 8 letters or more matches a typed word one
 * edit away; when both are 12 letters or more, two edits ("safegaurding", a swap, is two).
 * Real words that sit one edit from a risk word ("overdone", "cruising") are listed in the
 * vocabulary as never typos.
 */

const ONE_EDIT_FROM = 8;
const TWO_EDITS_FROM = 12;

export interface FuzzyLexicon {
  readonly words: ReadonlySet<string>;
  readonly byLength: ReadonlyMap<number, readonly string[]>;
  readonly notTypos: ReadonlySet<string>;
  /** Answers already worked out: messages repeat their words, and the answer never changes. */
  readonly known: Map<string, readonly string[]>;
}

/** How many typed words the lexicon remembers before it starts again. */
const REMEMBERED_WORDS = 20_000;

export function buildLexicon(words: Iterable<string>, notTypos: Iterable<string>): FuzzyLexicon {
  const all = new Set(words);
  const byLength = new Map<number, string[]>();
  for (const word of all) {
    if (word.length >= ONE_EDIT_FROM && /^[a-z]+$/.test(word)) {
      const bucket = byLength.get(word.length) ?? [];
      bucket.push(word);
      byLength.set(word.length, bucket);
    }
  }
  return { words: all, byLength, notTypos: new Set(notTypos), known: new Map() };
}

function editsAllowed(a: string, b: string): number {
  if (a.length >= TWO_EDITS_FROM && b.length >= TWO_EDITS_FROM) {
    return 2;
  }
  return b.length >= ONE_EDIT_FROM ? 1 : 0;
}

/** The vocabulary words a typed word may stand for: itself if it is one, else its near misses. */
export function lexiconWordsFor(lexicon: FuzzyLexicon, typed: string): readonly string[] {
  if (lexicon.words.has(typed)) {
    return [typed];
  }
  if (typed.length < ONE_EDIT_FROM - 1 || lexicon.notTypos.has(typed) || !/^[a-z]+$/.test(typed)) {
    return [];
  }
  const known = lexicon.known.get(typed);
  if (known !== undefined) {
    return known;
  }
  const found = nearMisses(lexicon, typed);
  if (lexicon.known.size >= REMEMBERED_WORDS) {
    lexicon.known.clear();
  }
  lexicon.known.set(typed, found);
  return found;
}

function nearMisses(lexicon: FuzzyLexicon, typed: string): string[] {
  const found: string[] = [];
  for (let length = typed.length - 2; length <= typed.length + 2; length += 1) {
    for (const word of lexicon.byLength.get(length) ?? []) {
      const allowed = editsAllowed(typed, word);
      if (allowed > 0 && Math.abs(word.length - typed.length) <= allowed) {
        if (distance(typed, word) <= allowed) {
          found.push(word);
        }
      }
    }
  }
  return found;
}
