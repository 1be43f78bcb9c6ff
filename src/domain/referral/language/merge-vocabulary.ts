import type { PcnVocabulary } from './pcn-vocabulary';
import type { Vocabulary, WordLists } from './vocabulary';

function mergeLists<K extends string>(
  base: WordLists<K>,
  extra: Partial<Record<K, readonly string[]>> | undefined,
): WordLists<K> {
  if (extra === undefined) {
    return base;
  }
  const merged: Partial<Record<K, readonly string[]>> = { ...base };
  for (const key of Object.keys(extra) as K[]) {
    const words = extra[key] ?? [];
    merged[key] = [...(base[key] ?? []), ...words];
  }
  return merged;
}

/** The default vocabulary with the PCN's own words added. The PCN extends; it never removes. */
export function mergeVocabulary(defaults: Vocabulary, pcn: PcnVocabulary | undefined): Vocabulary {
  if (pcn === undefined) {
    return defaults;
  }
  return {
    ...defaults,
    conditions: mergeLists(defaults.conditions, pcn.conditions),
    needs: mergeLists(defaults.needs, pcn.needs),
    confidence: mergeLists(defaults.confidence, pcn.confidence),
    consent: mergeLists(defaults.consent, pcn.consent),
    practice: mergeLists(defaults.practice, pcn.practices),
    adult: mergeLists(defaults.adult, pcn.adult),
    ignore: [...defaults.ignore, ...(pcn.ignore ?? [])],
  };
}
