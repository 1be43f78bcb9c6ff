import type { CompiledVocabulary, RiskSense } from './compiled-vocabulary';
import { exactWords, findPhrases, type PhraseMatch } from './phrase-index';
import type { RiskToken } from './risk-text';
import { VITAL_SIGN_WORDS, type VitalSignRule } from './vital-sign-rules';

const ACUTE: RiskSense = { category: 'acute', askFirst: false };

function isEmergency(rule: VitalSignRule, value: number): boolean {
  const [low, high] = rule.plausible;
  if (value < low || value > high) {
    return false;
  }
  return (
    (rule.atOrBelow !== undefined && value <= rule.atOrBelow) ||
    (rule.atOrAbove !== undefined && value >= rule.atOrAbove)
  );
}

/** Observations at an emergency value, as `acute` mentions spanning name to number. */
export function findVitalSigns(
  vocabulary: CompiledVocabulary,
  tokens: readonly RiskToken[],
): PhraseMatch<RiskSense>[] {
  const found: PhraseMatch<RiskSense>[] = [];
  for (const name of findPhrases(vocabulary.vitalSigns, tokens, exactWords(tokens))) {
    const clause = tokens[name.start]?.clause;
    for (let at = name.end; at < name.end + VITAL_SIGN_WORDS; at += 1) {
      const token = tokens[at];
      if (token === undefined || token.clause !== clause) {
        break;
      }
      if (token.value !== undefined) {
        if (isEmergency(name.payload, token.value)) {
          found.push({ start: name.start, end: at + 1, payload: ACUTE });
        }
        break;
      }
    }
  }
  return found;
}
