import { compiledVocabulary } from './compiled-vocabulary';
import { byUrgency, type RiskCategory } from './risk-categories';
import { readDoubt } from './risk-doubt';
import { findMentions } from './risk-mentions';
import { tokeniseForRisk } from './risk-text';
import { DEFAULT_RISK_VOCABULARY, type RiskVocabulary } from './risk-vocabulary';

export { urgentRouteFor, type RiskCategory, type UrgentRoute } from './risk-categories';

/**
 * What a message says about risk.
 *
 * - `risk`: at least one plain mention. `category` is the most urgent plainly mentioned
 *   category; `categories` lists every category mentioned, the plain ones first, then the
 *   negated or hedged ones, each group by urgency (risk-categories.ts).
 * - `uncertain`: only negated, hedged or past mentions ("no thoughts of self-harm", "?DV"), or
 *   wording that may be benign ("some bruising"): the bot asks one confirm question, never
 *   drops it. `categories` by urgency.
 * - `none`: nothing the vocabulary knows.
 */
export type RiskScan =
  | { kind: 'none' }
  | { kind: 'risk'; category: RiskCategory; categories: RiskCategory[] }
  | { kind: 'uncertain'; category: RiskCategory; categories: RiskCategory[] };

/**
 * Compiles a vocabulary now rather than on the first message (about a tenth of a second for the
 * shipped one); call it at start. Compiling twice is free: the result is kept per vocabulary.
 */
export function prepareRiskNet(vocabulary: RiskVocabulary = DEFAULT_RISK_VOCABULARY): void {
  compiledVocabulary(vocabulary);
}

/**
 * The risk net: runs on every typed message, at any point of any conversation. A plain
 * mention of a category anywhere in the text wins over a doubtful one elsewhere ("denies SI
 * but has cut herself this week" is a plain self-harm risk). Linear in the message's length;
 * the vocabulary is compiled once per vocabulary object.
 */
export function scanForRisk(
  text: string,
  vocabulary: RiskVocabulary = DEFAULT_RISK_VOCABULARY,
): RiskScan {
  const compiled = compiledVocabulary(vocabulary);
  const tokens = tokeniseForRisk(text, compiled.clauseBreakWords);
  const mentions = findMentions(compiled, tokens);
  if (mentions.length === 0) {
    return { kind: 'none' };
  }
  const doubt = readDoubt(compiled, tokens, mentions);
  const plain = new Set<RiskCategory>();
  const doubtful = new Set<RiskCategory>();
  for (const mention of mentions) {
    const { category, askFirst } = mention.payload;
    if (askFirst || doubt.isDoubted(mention)) {
      doubtful.add(category);
    } else {
      plain.add(category);
    }
  }
  const plainFirst = byUrgency(plain);
  const rest = byUrgency([...doubtful].filter((category) => !plain.has(category)));
  const [first] = plainFirst;
  if (first !== undefined) {
    return { kind: 'risk', category: first, categories: [...plainFirst, ...rest] };
  }
  const [mostUrgent] = rest;
  return mostUrgent === undefined
    ? { kind: 'none' }
    : { kind: 'uncertain', category: mostUrgent, categories: rest };
}
