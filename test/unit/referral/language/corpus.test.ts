import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  corpusEntrySchema,
  scoreCorpus,
  type CorpusEntry,
  type CorpusScore,
} from '../../../../src/domain/referral/language/corpus-score';
import { buildLanguageContext } from '../../../../src/domain/referral/language/language-context';
import { examplePcn } from '../../../helpers/pcn';

const CORPUS = join(__dirname, '..', '..', '..', 'fixtures', 'referral-language');
const ctx = buildLanguageContext(examplePcn());

function load(name: string): CorpusEntry[] {
  const raw: unknown = JSON.parse(readFileSync(join(CORPUS, `${name}.json`), 'utf8'));
  return z.array(corpusEntrySchema).parse(raw);
}

const percent = (correct: number, fields: number): string =>
  fields === 0 ? '-' : `${((100 * correct) / fields).toFixed(1)}%`;

function report(name: string, score: CorpusScore): string {
  const lines = [
    `Referral language corpus, ${name}: ${score.correct}/${score.fields} fields read exactly (${percent(score.correct, score.fields)}); wrong negatives ${score.wrongNegatives}; answers read that the labels do not hold ${score.spurious}`,
    ...Object.entries(score.perField).map(
      ([field, { fields, correct }]) =>
        `  ${field.padEnd(11)} ${String(correct).padStart(4)}/${String(fields).padEnd(4)} ${percent(correct, fields)}`,
    ),
    ...score.misreads.map(
      (m) =>
        `  misread ${m.id} ${m.field}: ${JSON.stringify(m.expected)} read as ${JSON.stringify(m.read)}`,
    ),
  ];
  if (name === 'openings') {
    lines.push(
      `  complete entries reaching an outcome: ${(100 * score.completeToOutcome).toFixed(1)}% (from the labels themselves: ${(100 * score.completeToOutcomeFromLabels).toFixed(1)}%)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe.each(['openings', 'answers'])('the labelled %s', (name) => {
  const entries = load(name);
  const score = scoreCorpus(entries, ctx);

  afterAll(() => {
    process.stdout.write(report(name, score));
  });

  it('reads at least 95% of the labelled fields exactly', () => {
    expect(score.fields).toBeGreaterThan(0);
    expect(score.correct / score.fields).toBeGreaterThanOrEqual(0.95);
  });

  // Under age, not registered, no conditions, no needs, declined (or no red flag at its question)
  // when the text does not say so would end the conversation wrongly: none is allowed.
  it.each(entries.map((entry) => [entry.id, entry] as const))(
    '%s: no wrong negative',
    (_id, entry) => {
      expect(scoreCorpus([entry], ctx).wrongNegativeCases).toEqual([]);
    },
  );
});

describe('complete openings', () => {
  it('reach an outcome as often as their labels do (no red flag assumed)', () => {
    const score = scoreCorpus(load('openings'), ctx);
    expect(score.completeToOutcome).toBeGreaterThanOrEqual(
      score.completeToOutcomeFromLabels - 0.05,
    );
  });
});
