import type { QuestionId } from '../referral-answers';
import { readAges } from './ages';
import { applyContext } from './context-rules';
import { findPhrases } from './find-phrases';
import type { Hit } from './hit';
import type { LanguageContext } from './language-context';
import { readMeasures } from './measures';
import { phraseIndexFor } from './phrase-sources';
import type { Token } from './tokenise';

/**
 * Everything the tokens say: vocabulary phrases, ages, BMIs, HbA1cs and PAM levels, with the words
 * around each applied. With a question, the words that answer only that question count too.
 */
export function readHits(
  tokens: readonly Token[],
  ctx: LanguageContext,
  question?: QuestionId,
): Hit[] {
  const phrases = findPhrases(tokens, phraseIndexFor(ctx, question), question);
  const ages = readAges(tokens, question === 'adult');
  const measures = readMeasures(tokens, ctx.vocabulary, question === 'pamLevel');
  return applyContext(tokens, [...phrases, ...ages, ...measures]).sort((a, b) => a.first - b.first);
}
