import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RiskCategory } from '../../src/domain/risk/risk-net';

/** The labelled corpus in test/fixtures/referral-language (see its README). */

const DIR = join(__dirname, '..', 'fixtures', 'referral-language');

export interface RiskEntry {
  id: string;
  text: string;
  risk: RiskCategory | null;
  riskNegated: boolean;
  note?: string;
}

export interface OpeningEntry {
  id: string;
  text: string;
  complete?: boolean;
  expect: { risk?: RiskCategory; riskNegated?: boolean } & Record<string, unknown>;
}

export interface AnswerEntry {
  id: string;
  question: string;
  text: string;
  expect: unknown;
  note?: string;
}

function read<T>(file: string): T[] {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T[];
}

export const riskEntries = (): RiskEntry[] => read<RiskEntry>('risks.json');
export const openingEntries = (): OpeningEntry[] => read<OpeningEntry>('openings.json');
export const answerEntries = (): AnswerEntry[] => read<AnswerEntry>('answers.json');
