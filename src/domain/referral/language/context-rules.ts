import { CONDITION_AT_RISK, CONDITION_NONE } from '../referral-answers';
import type { Hit } from './hit';
import {
  CONTACT_WORDS,
  NEGATORS,
  OTHER_CHILDREN,
  OTHER_PEOPLE,
  OTHER_PERSON_WINDOW,
  OTHER_TREATMENTS,
  POSSESSIVES,
  TREATMENT_WINDOW,
} from './lexicon';
import type { Token } from './tokenise';
import { nearestMatch } from './token-window';

/** Looks back from a token, within one stretch between breaks, for a word in the set. */
function namedBefore(
  tokens: readonly Token[],
  first: number,
  words: ReadonlySet<string>,
  window: number,
): boolean {
  return (
    nearestMatch(tokens, first, 'before', window, (token) => words.has(token.norm)) !== undefined
  );
}

/** "her husband with dementia", "his wife who has MS", "their child with asthma". */
function someoneElses(tokens: readonly Token[], first: number): boolean {
  const other = nearestMatch(tokens, first, 'before', OTHER_PERSON_WINDOW, (token, at) => {
    const possessed = POSSESSIVES.has(tokens[at - 1]?.norm ?? '') || tokens[at - 1]?.norm === 'the';
    return OTHER_PEOPLE.has(token.norm) || (OTHER_CHILDREN.has(token.norm) && possessed);
  });
  return other !== undefined;
}

/**
 * "declined statins", "not keen on meds", "refuses to engage with pulm rehab": an answer about
 * another treatment, not about being contacted by a coach. Kept when it names contact itself.
 */
function aboutAnotherTreatment(tokens: readonly Token[], hit: Hit): boolean {
  if (hit.tokens.some((at) => CONTACT_WORDS.has(tokens[at]?.norm ?? ''))) {
    return false;
  }
  const treatment = nearestMatch(tokens, hit.last, 'after', TREATMENT_WINDOW, (token) =>
    OTHER_TREATMENTS.has(token.norm),
  );
  return treatment !== undefined;
}

/**
 * An age right after a negation: "not under 18" is 18 or over; any other denied age ("not 18
 * yet", "not over 65") says too little and is dropped.
 */
function deniedAge(tokens: readonly Token[], hit: Hit): Hit | undefined {
  const before = tokens[hit.first - 1];
  // "No under 18" is the answer "No, under 18", not a denial.
  const denial = before?.kind === 'word' && before.norm !== 'no' && NEGATORS.has(before.norm);
  if (hit.age === undefined || !denial) {
    return hit;
  }
  const { atLeast, below } = hit.age;
  return atLeast === undefined && below !== undefined
    ? { ...hit, age: { atLeast: below } }
    : undefined;
}

/** "his wife is his carer": someone else is the carer. */
function carerIsSomeoneElse(tokens: readonly Token[], hit: Hit): boolean {
  return hit.value === 'carer' && namedBefore(tokens, hit.first, OTHER_PEOPLE, 3);
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
 * a child. Declining statins is not declining a coach, and "his wife is his carer" is not the
 * patient caring.
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
    if (hit.age !== undefined) {
      const age = deniedAge(tokens, hit);
      if (age !== undefined) {
        kept.push(age);
      }
      continue;
    }
    if ((hit.field === 'consent' || hit.field === 'asked') && aboutAnotherTreatment(tokens, hit)) {
      continue;
    }
    if (hit.field === 'needs' && carerIsSomeoneElse(tokens, hit)) {
      continue;
    }
    kept.push(hit);
  }
  return kept;
}
