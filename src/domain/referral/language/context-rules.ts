import { CONDITION_AT_RISK, CONDITION_NONE } from '../referral-answers';
import type { Hit } from './hit';
import { OTHER_CHILDREN, OTHER_PEOPLE, OTHER_PERSON_WINDOW, POSSESSIVES } from './lexicon';
import type { Token } from './tokenise';

/** Looks back from a token, within one stretch between breaks, for a word in the set. */
function namedBefore(
  tokens: readonly Token[],
  first: number,
  words: ReadonlySet<string>,
  window: number,
): boolean {
  let seen = 0;
  for (let at = first - 1; at >= 0 && seen < window; at -= 1) {
    const token = tokens[at];
    if (token === undefined || token.kind === 'break') {
      return false;
    }
    seen += 1;
    if (words.has(token.norm)) {
      return true;
    }
  }
  return false;
}

/** "her husband with dementia", "his wife who has MS", "their child with asthma". */
function someoneElses(tokens: readonly Token[], first: number): boolean {
  let seen = 0;
  for (let at = first - 1; at >= 0 && seen < OTHER_PERSON_WINDOW; at -= 1) {
    const token = tokens[at];
    if (token === undefined || token.kind === 'break') {
      return false;
    }
    seen += 1;
    const possessed = POSSESSIVES.has(tokens[at - 1]?.norm ?? '') || tokens[at - 1]?.norm === 'the';
    if (OTHER_PEOPLE.has(token.norm) || (OTHER_CHILDREN.has(token.norm) && possessed)) {
      return true;
    }
  }
  return false;
}

/** "at risk of diabetes", "high risk of developing T2DM". */
function riskOf(tokens: readonly Token[], first: number): boolean {
  for (let gap = 0; gap <= 1; gap += 1) {
    const of = first - 1 - gap;
    if (tokens[of]?.norm === 'of' && tokens[of - 1]?.norm === 'risk') {
      return true;
    }
  }
  return false;
}

/**
 * What the words around a hit change. A condition named after another person is theirs ("carer
 * for her husband with dementia") and a condition typed as "?asthma" is a query: both are dropped.
 * "At risk of diabetes" is the at-risk answer, not diabetes. "Her child" does not make the patient
 * a child.
 */
export function applyContext(tokens: readonly Token[], hits: readonly Hit[]): Hit[] {
  const kept: Hit[] = [];
  for (const hit of hits) {
    if (hit.field === 'conditions' && hit.value !== CONDITION_NONE) {
      if (tokens[hit.first]?.query === true) {
        continue;
      }
      if (someoneElses(tokens, hit.first)) {
        continue;
      }
      if (riskOf(tokens, hit.first)) {
        kept.push({ ...hit, value: CONDITION_AT_RISK });
        continue;
      }
    }
    if (
      hit.field === 'adult' &&
      hit.value === 'no' &&
      namedBefore(tokens, hit.first, POSSESSIVES, 1)
    ) {
      continue;
    }
    kept.push(hit);
  }
  return kept;
}
