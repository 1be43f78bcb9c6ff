import { CONDITION_AT_RISK } from '../referral-answers';
import type { Hit } from './hit';
import { readNumberAt } from './number-words';
import type { PhraseField } from './phrases';
import type { Token } from './tokenise';
import type { Vocabulary } from './vocabulary';

/** Words between a measure and its number: "BMI of 36", "PAM level 2", "HbA1c = 44". */
const LINKS: ReadonlySet<string> = new Set([
  'of',
  'is',
  'was',
  'at',
  'over',
  'above',
  'around',
  'about',
  'approx',
  'level',
  'score',
]);

function hit(field: PhraseField, value: string, first: number, last: number): Hit {
  const tokens = Array.from({ length: last - first + 1 }, (_v, i) => first + i);
  return { field, value, tokens, first, last, negated: false };
}

/** The number after a measure's name ("bmi", "pam"), or stuck to it ("pam3", "bmi36"). */
function measured(
  tokens: readonly Token[],
  at: number,
  names: ReadonlySet<string>,
): { value: number; last: number } | undefined {
  const token = tokens[at];
  if (token?.kind !== 'word') {
    return undefined;
  }
  const stuck = /^([a-z0-9]*[a-z])(\d+)$/.exec(token.norm);
  if (stuck?.[1] !== undefined && stuck[2] !== undefined && names.has(stuck[1])) {
    return { value: Number(stuck[2]), last: at };
  }
  if (!names.has(token.norm)) {
    return undefined;
  }
  let next = at + 1;
  for (let links = 0; links < 2 && LINKS.has(tokens[next]?.norm ?? ''); links += 1) {
    next += 1;
  }
  const n = readNumberAt(tokens, next);
  return n ? { value: n.value, last: next + n.length - 1 } : undefined;
}

const BMI = new Set(['bmi']);
const HBA1C = new Set(['hba1c', 'a1c']);
const PAM = new Set(['pam']);
const LEVEL = new Set(['level']);

/**
 * Conditions and PAM levels given as numbers: a BMI at or above the vocabulary's threshold is the
 * weight condition, an HbA1c just below the diabetes range is "at risk", "PAM 2" is level 2.
 * `bareLevel` also reads "level 2" without "PAM", for answers to the PAM question.
 */
export function readMeasures(
  tokens: readonly Token[],
  vocabulary: Vocabulary,
  bareLevel = false,
): Hit[] {
  const found: Hit[] = [];
  tokens.forEach((_token, at) => {
    const bmi = measured(tokens, at, BMI);
    if (bmi && bmi.value >= vocabulary.bmiForWeight && bmi.value < 100) {
      found.push(hit('conditions', 'weight', at, bmi.last));
    }
    const hba1c = measured(tokens, at, HBA1C);
    const { from, to } = vocabulary.hba1cAtRisk;
    if (hba1c && hba1c.value >= from && hba1c.value <= to) {
      found.push(hit('conditions', CONDITION_AT_RISK, at, hba1c.last));
    }
    const previous = tokens[at - 1]?.norm;
    const pam =
      measured(tokens, at, PAM) ??
      (bareLevel && previous !== 'pam' ? measured(tokens, at, LEVEL) : undefined);
    if (pam && pam.value >= 1 && pam.value <= 4) {
      found.push(hit('pamLevel', String(pam.value), at, pam.last));
    }
  });
  return found;
}
