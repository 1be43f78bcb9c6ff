import type { PcnConfig, Practice, ReferralCriteria } from '../../pcn-config';
import type { QuestionContext } from '../referral-options';
import { mergeVocabulary } from './merge-vocabulary';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary';

/** What the readers need: the PCN's criteria and practices, and the words to read them with. */
export interface LanguageContext {
  criteria: ReferralCriteria;
  practices: readonly Practice[];
  vocabulary: Vocabulary;
}

/** The language context of a PCN: its criteria and practices, and the default vocabulary with its own words. */
export function buildLanguageContext(
  pcn: Pick<PcnConfig, 'referral' | 'practices'>,
): LanguageContext {
  return {
    criteria: pcn.referral,
    practices: pcn.practices,
    vocabulary: mergeVocabulary(DEFAULT_VOCABULARY, pcn.referral.vocabulary),
  };
}

const merged = new WeakMap<ReferralCriteria, Vocabulary>();

/** A question context as a language context, with the PCN's vocabulary when none was given. */
export function languageContextOf(ctx: QuestionContext): LanguageContext {
  if (ctx.vocabulary !== undefined) {
    return { criteria: ctx.criteria, practices: ctx.practices, vocabulary: ctx.vocabulary };
  }
  let vocabulary = merged.get(ctx.criteria);
  if (vocabulary === undefined) {
    vocabulary = mergeVocabulary(DEFAULT_VOCABULARY, ctx.criteria.vocabulary);
    merged.set(ctx.criteria, vocabulary);
  }
  return { criteria: ctx.criteria, practices: ctx.practices, vocabulary };
}
