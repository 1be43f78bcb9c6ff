import type { PcnConfig } from '../pcn-config';
import type { RiskCategory } from './risk-categories';
import { DEFAULT_RISK_VOCABULARY, type RiskVocabulary } from './risk-vocabulary';

const byPcn = new WeakMap<object, RiskVocabulary>();

/**
 * The risk vocabulary for a PCN: the shipped one with the PCN's `risk.extraPhrases` added to
 * each category. Additions only: a PCN can extend the defaults, never remove or switch off a
 * shipped phrase. The same object is returned for the same configuration, so the vocabulary is
 * compiled once (scanForRisk caches by vocabulary object).
 */
export function riskVocabularyFor(pcn: Pick<PcnConfig, 'risk'>): RiskVocabulary {
  const extra = pcn.risk?.extraPhrases;
  if (
    extra === undefined ||
    Object.values(extra).every((list) => list === undefined || list.length === 0)
  ) {
    return DEFAULT_RISK_VOCABULARY;
  }
  const known = byPcn.get(pcn);
  if (known !== undefined) {
    return known;
  }
  const add = (category: RiskCategory): readonly string[] => [
    ...DEFAULT_RISK_VOCABULARY.phrases[category],
    ...(extra[category] ?? []),
  ];
  const phrases: Record<RiskCategory, readonly string[]> = {
    acute: add('acute'),
    suicide: add('suicide'),
    'harm-to-others': add('harm-to-others'),
    'self-harm': add('self-harm'),
    'mental-health-crisis': add('mental-health-crisis'),
    safeguarding: add('safeguarding'),
  };
  const vocabulary: RiskVocabulary = { ...DEFAULT_RISK_VOCABULARY, phrases };
  byPcn.set(pcn, vocabulary);
  return vocabulary;
}
