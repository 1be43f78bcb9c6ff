import type { QuestionId } from '../referral-answers';
import {
  decideAdult,
  decideConditions,
  decideConfidence,
  decideConsent,
  decideNeeds,
  decidePamLevel,
  decidePractice,
  decideRedFlag,
  type Decided,
  type ListDecided,
} from './decide';
import type { Hit } from './hit';
import type { LanguageContext } from './language-context';

/** What the hits answer to `question`, by that question's decider (decide.ts), if anything. */
export function decideQuestion(
  question: QuestionId,
  hits: readonly Hit[],
  ctx: LanguageContext,
): Decided<unknown> | ListDecided<string> | undefined {
  switch (question) {
    case 'redFlag':
      return decideRedFlag(hits);
    case 'adult':
      return decideAdult(hits, ctx.criteria.minimumAge);
    case 'practice':
      return decidePractice(hits);
    case 'conditions':
      return decideConditions(hits, ctx.criteria);
    case 'needs':
      return decideNeeds(hits);
    case 'confidence':
      return decideConfidence(hits);
    case 'pamLevel':
      return decidePamLevel(hits);
    case 'consent':
      return decideConsent(hits);
  }
}
