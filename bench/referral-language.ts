import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pcnConfigSchema } from '../src/domain/pcn-config';
import { buildLanguageContext } from '../src/domain/referral/language/language-context';
import {
  corpusEntrySchema,
  openingEntrySchema,
  scoreCorpus,
  type OpeningEntry,
} from '../src/domain/referral/language/corpus-score';
import { readReferralText } from '../src/domain/referral/language/read-referral-text';
import {
  referralAnswersSchema,
  type ReferralAnswers,
} from '../src/domain/referral/referral-answers';
import { assessReferral } from '../src/domain/referral/referral-rules';
import { scanForRisk } from '../src/domain/risk/risk-net';
import { ROOT } from '../scripts/launch';

/**
 * How well the referral reads GPs as they write, on the labelled corpus in
 * test/fixtures/referral-language: accuracy, not speed. Reported by `npm run bench`.
 */
export interface ReferralLanguageResults {
  /** Labelled fields read exactly, openings and single answers together. */
  fieldAccuracy: number;
  /** Reads that would wrongly end in "not eligible" or "no referral". */
  wrongNegatives: number;
  /** Complete descriptions whose read answers lead to the same route as their labels. */
  routeAccuracy: number;
  /** Complete descriptions that reach an outcome in two messages: the sentence, then one submit. */
  twoMessageOutcomes: number;
  /** Risk mentions (plain or negated) that reach the urgent route or its confirm question. */
  riskEscalated: number;
  entries: { openings: number; answers: number; risks: number };
}

const read = (file: string): unknown[] =>
  JSON.parse(
    readFileSync(join(ROOT, 'test', 'fixtures', 'referral-language', file), 'utf8'),
  ) as unknown[];

/** What the one-card form submits when the GP only answers the urgent-concerns question. */
function submitted(answers: ReferralAnswers): ReferralAnswers {
  return referralAnswersSchema.parse({ pamLevel: null, ...answers, redFlag: false });
}

function route(answers: ReferralAnswers, criteria: Parameters<typeof assessReferral>[1]): string {
  const assessed = assessReferral(answers, criteria);
  if (assessed.kind === 'ask') {
    return `ask:${assessed.question}`;
  }
  return assessed.outcome.kind === 'refer' ? assessed.outcome.primary : assessed.outcome.kind;
}

export function measureReferralLanguage(): ReferralLanguageResults {
  const pcn = pcnConfigSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'config', 'pcn.example.json'), 'utf8')),
  );
  const ctx = buildLanguageContext(pcn);
  const openings = read('openings.json').map((e) => openingEntrySchema.parse(e));
  const answers = read('answers.json').map((e) => corpusEntrySchema.parse(e));
  const risks = read('risks.json') as Array<{ text: string; risk: string | null }>;
  const score = scoreCorpus([...openings, ...answers], ctx);

  const complete = openings.filter((o: OpeningEntry) => o.complete && !o.expect.risk);
  let sameRoute = 0;
  let twoMessages = 0;
  for (const entry of complete) {
    // The labels without the risk net's own (referralAnswersSchema drops keys it does not know).
    const fromLabels = route(submitted(referralAnswersSchema.parse(entry.expect)), pcn.referral);
    const fromReading = route(submitted(readReferralText(entry.text, ctx).answers), pcn.referral);
    sameRoute += fromReading === fromLabels ? 1 : 0;
    twoMessages += fromReading.startsWith('ask:') ? 0 : 1;
  }
  const withRisk = [
    ...risks.filter((r) => r.risk !== null).map((r) => r.text),
    ...openings.filter((o) => o.expect.risk).map((o) => o.text),
  ];
  const escalated = withRisk.filter((text) => scanForRisk(text).kind !== 'none').length;
  const share = (n: number, of: number): number =>
    of === 0 ? 0 : Math.round((n / of) * 1000) / 1000;
  return {
    fieldAccuracy: share(score.correct, score.fields),
    wrongNegatives: score.wrongNegatives,
    routeAccuracy: share(sameRoute, complete.length),
    twoMessageOutcomes: share(twoMessages, complete.length),
    riskEscalated: share(escalated, withRisk.length),
    entries: { openings: openings.length, answers: answers.length, risks: risks.length },
  };
}
