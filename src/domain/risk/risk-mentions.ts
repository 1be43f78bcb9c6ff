import type { CompiledVocabulary, RiskSense } from './compiled-vocabulary';
import { lexiconWordsFor } from './fuzzy-words';
import { exactWords, findPhrases, type PhraseMatch, type WordsAt } from './phrase-index';
import type { RiskToken } from './risk-text';
import { spanLookup } from './span-lookup';
import { findVitalSigns } from './vital-signs';

/** Each word's vocabulary words, typos included, worked out once per distinct word. */
function typoTolerantWords(vocabulary: CompiledVocabulary, tokens: readonly RiskToken[]): WordsAt {
  const byWord = new Map<string, readonly string[]>();
  return (index) => {
    const word = tokens[index]?.word;
    if (word === undefined) {
      return [];
    }
    let words = byWord.get(word);
    if (words === undefined) {
      words = lexiconWordsFor(vocabulary.lexicon, word);
      byWord.set(word, words);
    }
    return words;
  };
}

/**
 * The risk mentions of a message: every risk phrase (typos tolerated) and emergency observation,
 * less those wholly inside a benign look-alike typed exactly ("cost of living crisis"; a
 * mistyped look-alike is flagged, erring towards escalating) and those wholly inside a longer
 * mention ("acutely unwell" inside "acutely unwell mentally", "violence" inside "domestic
 * violence"), so that the longer, more specific reading decides the category.
 */
export function findMentions(
  vocabulary: CompiledVocabulary,
  tokens: readonly RiskToken[],
): PhraseMatch<RiskSense>[] {
  const benign = spanLookup(findPhrases(vocabulary.benign, tokens, exactWords(tokens)));
  const found = [
    ...findPhrases(vocabulary.risks, tokens, typoTolerantWords(vocabulary, tokens)),
    ...findVitalSigns(vocabulary, tokens),
  ].filter((mention) => !benign.covers(mention, false));
  const longer = spanLookup(found);
  const seen = new Set<string>();
  return found.filter((mention) => {
    const key = `${mention.start}:${mention.end}:${mention.payload.category}:${mention.payload.askFirst}`;
    if (seen.has(key) || longer.covers(mention, true)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
