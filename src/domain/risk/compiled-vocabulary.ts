import { buildLexicon, type FuzzyLexicon } from './fuzzy-words';
import { buildPhraseIndex, type PhraseIndex } from './phrase-index';
import { compilePhrase, type PatternElement } from './phrase-patterns';
import { RISK_CATEGORIES, type RiskCategory } from './risk-categories';
import type { RiskVocabulary } from './risk-vocabulary';
import type { VitalSignRule } from './vital-sign-rules';

/** The kinds of cue words, each list of the vocabulary's `doubt` section. */
export type CueKind =
  | 'negation-before'
  | 'hedge-before'
  | 'negation-after'
  | 'hedge-after'
  | 'past'
  | 'not-a-cue'
  | 'scope-breaker';

/** What a risk phrase means: its category, and whether its wording alone only asks a question. */
export interface RiskSense {
  readonly category: RiskCategory;
  readonly askFirst: boolean;
}

/** A vocabulary made ready to scan with: built once per vocabulary object, then reused. */
export interface CompiledVocabulary {
  readonly risks: PhraseIndex<RiskSense>;
  readonly benign: PhraseIndex<true>;
  readonly vitalSigns: PhraseIndex<VitalSignRule>;
  readonly cues: PhraseIndex<CueKind>;
  /** The words of the risk phrases, for typo matching (benign look-alikes match exactly). */
  readonly lexicon: FuzzyLexicon;
  readonly clauseBreakWords: ReadonlySet<string>;
  readonly wordsBefore: number;
  readonly wordsAfter: number;
  readonly hedgesArePlainFor: ReadonlySet<RiskCategory>;
}

function* patternsOf<P>(
  phrases: readonly string[],
  payload: P,
): Generator<{ elements: readonly PatternElement[]; payload: P }> {
  for (const phrase of phrases) {
    let compiled: PatternElement[][];
    try {
      compiled = compilePhrase(phrase);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'not a phrase';
      throw new Error(`risk vocabulary phrase "${phrase}": ${reason}`);
    }
    for (const elements of compiled) {
      yield { elements, payload };
    }
  }
}

function* riskPatterns(vocabulary: RiskVocabulary) {
  for (const category of RISK_CATEGORIES) {
    yield* patternsOf(vocabulary.phrases[category], { category, askFirst: false });
    yield* patternsOf(vocabulary.askFirst[category] ?? [], { category, askFirst: true });
  }
}

function* vitalSignPatterns(rules: readonly VitalSignRule[]) {
  for (const rule of rules) {
    yield* patternsOf(rule.names, rule);
  }
}

function* cuePatterns(vocabulary: RiskVocabulary) {
  const doubt = vocabulary.doubt;
  yield* patternsOf(doubt.negationsBefore, 'negation-before' as const);
  yield* patternsOf(doubt.hedgesBefore, 'hedge-before' as const);
  yield* patternsOf(doubt.negationsAfter, 'negation-after' as const);
  yield* patternsOf(doubt.hedgesAfter, 'hedge-after' as const);
  yield* patternsOf(doubt.pastInClause, 'past' as const);
  yield* patternsOf(doubt.notCues, 'not-a-cue' as const);
  yield* patternsOf(doubt.scopeBreakers, 'scope-breaker' as const);
}

export function compileVocabulary(vocabulary: RiskVocabulary): CompiledVocabulary {
  const risks = buildPhraseIndex(riskPatterns(vocabulary));
  const benign = buildPhraseIndex(patternsOf(vocabulary.benignLookAlikes, true as const));
  return {
    risks,
    benign,
    vitalSigns: buildPhraseIndex(vitalSignPatterns(vocabulary.vitalSigns)),
    cues: buildPhraseIndex<CueKind>(cuePatterns(vocabulary)),
    lexicon: buildLexicon(risks.words, vocabulary.notTypos),
    clauseBreakWords: new Set(vocabulary.clauseBreakWords),
    wordsBefore: vocabulary.doubt.wordsBefore,
    wordsAfter: vocabulary.doubt.wordsAfter,
    hedgesArePlainFor: new Set(vocabulary.doubt.hedgesArePlainFor),
  };
}

const compiled = new WeakMap<RiskVocabulary, CompiledVocabulary>();

/** The compiled form of a vocabulary, built on first use and kept while the vocabulary lives. */
export function compiledVocabulary(vocabulary: RiskVocabulary): CompiledVocabulary {
  const known = compiled.get(vocabulary);
  if (known !== undefined) {
    return known;
  }
  const built = compileVocabulary(vocabulary);
  compiled.set(vocabulary, built);
  return built;
}
