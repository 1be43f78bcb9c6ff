import fc from 'fast-check';
import { compiledVocabulary } from '../../../src/domain/risk/compiled-vocabulary';
import { lexiconWordsFor } from '../../../src/domain/risk/fuzzy-words';
import { phraseVariants } from '../../../src/domain/risk/phrase-patterns';
import { RISK_CATEGORIES, type RiskCategory } from '../../../src/domain/risk/risk-categories';
import { scanForRisk } from '../../../src/domain/risk/risk-net';
import { phraseWords } from '../../../src/domain/risk/risk-text';
import { DEFAULT_RISK_VOCABULARY } from '../../../src/domain/risk/risk-vocabulary';
import { openingEntries } from '../../helpers/referral-language';

/**
 * Properties of the risk net over random GP text: a risk phrase of the vocabulary, embedded in
 * words taken from the corpus's openings without a risk, is always found with its category.
 */

const vocabulary = DEFAULT_RISK_VOCABULARY;
const compiled = compiledVocabulary(vocabulary);

/**
 * Every word a risk phrase, look-alike or observation name uses, and the clause-break words:
 * filler made of these could form another phrase or an observation ("BMs 57"), or split the
 * phrase ("but").
 */
const phraseWordSet = new Set(
  [
    ...RISK_CATEGORIES.flatMap((c) => [
      ...vocabulary.phrases[c],
      ...(vocabulary.askFirst[c] ?? []),
    ]),
    ...vocabulary.benignLookAlikes,
    ...vocabulary.vitalSigns.flatMap((rule) => rule.names),
    ...vocabulary.clauseBreakWords,
  ]
    .flatMap(phraseVariants)
    .flatMap((variant) => phraseWords(variant.replace(/\.\.\./g, ' '))),
);

/**
 * Benign GP words: from the openings without a risk, less any word of a phrase or a typo of
 * one, so the filler cannot make a longer phrase or a look-alike around the embedded phrase.
 */
const benignWords = [
  ...new Set(
    openingEntries()
      .filter((entry) => entry.expect.risk === undefined)
      .flatMap((entry) => entry.text.split(/\s+/))
      .map((word) => word.replace(/[.,;:!?()]/g, ''))
      .filter((word) => word.length > 0),
  ),
].filter((word) => {
  const words = phraseWords(word);
  return (
    words.length > 0 &&
    words.every((w) => !phraseWordSet.has(w) && lexiconWordsFor(compiled.lexicon, w).length === 0)
  );
});
/** Words that read as one word, for the gaps ("..." stands for up to three words). */
const oneWordBenign = benignWords.filter((word) => phraseWords(word).length === 1);

const riskPhrases: { category: RiskCategory; variant: string }[] = RISK_CATEGORIES.flatMap(
  (category) =>
    [...vocabulary.phrases[category], ...(vocabulary.askFirst[category] ?? [])]
      .flatMap(phraseVariants)
      .map((variant) => ({ category, variant })),
);

const filler = (max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.constantFrom(...benignWords), fc.constantFrom(' ', ' ', ' ', ', ')), {
      maxLength: max,
    })
    .map((parts) => parts.map(([word, separator]) => `${word}${separator}`).join(''));

/** A phrase with its gaps filled by up to three benign words, and its `#` by a number. */
const embeddedPhrase = fc.constantFrom(...riskPhrases).chain(({ category, variant }) => {
  const pieces = variant.split('...');
  return fc
    .array(
      fc.array(fc.constantFrom(...oneWordBenign), { maxLength: 3 }).map((w) => w.join(' ')),
      { minLength: pieces.length - 1, maxLength: pieces.length - 1 },
    )
    .chain((gaps) =>
      fc.integer({ min: 1, max: 99 }).map((count) => ({
        category,
        text: pieces
          .map((piece, i) => `${piece.trim().replace(/#/g, String(count))} ${gaps[i] ?? ''}`)
          .join(' '),
      })),
    );
});

describe('risk net properties', () => {
  it('has a pool of benign words to draw from', () => {
    expect(benignWords.length).toBeGreaterThan(150);
    expect(benignWords).toEqual(expect.arrayContaining(['HTN', 'lose', 'weight', 'coach']));
  });

  it('finds every vocabulary phrase embedded in benign GP text', () => {
    fc.assert(
      fc.property(filler(12), embeddedPhrase, filler(12), (before, phrase, after) => {
        const text = `${before} ${phrase.text} ${after}`;
        const scan = scanForRisk(text);
        return scan.kind !== 'none' && scan.categories.includes(phrase.category);
      }),
      { numRuns: 2000 },
    );
  });

  it('never drops a phrase that is denied or hedged', () => {
    const cue = fc.constantFrom('no', 'denies', 'not sure if', '?', 'possible', 'history of');
    fc.assert(
      fc.property(filler(6), cue, embeddedPhrase, filler(6), (before, denial, phrase, after) => {
        const scan = scanForRisk(`${before} ${denial} ${phrase.text} ${after}`);
        return scan.kind !== 'none' && scan.categories.includes(phrase.category);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds nothing in benign filler alone', () => {
    fc.assert(
      fc.property(filler(20), (text) => scanForRisk(text).kind === 'none'),
      { numRuns: 500 },
    );
  });
});
