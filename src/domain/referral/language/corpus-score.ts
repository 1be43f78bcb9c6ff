import { z } from 'zod';
import {
  CONDITION_NONE,
  NEED_NONE,
  NOT_REGISTERED,
  QUESTION_ORDER,
  referralAnswersSchema,
  type QuestionId,
  type ReferralAnswers,
} from '../referral-answers';
import { assessReferral } from '../referral-rules';
import type { LanguageContext } from './language-context';
import { readAnswer } from './read-answer';
import { OPENING_QUESTIONS, readReferralText } from './read-referral-text';

/** The labelled corpus of test/fixtures/referral-language, as parsed entries. */
const openingExpectSchema = z.object({
  adult: z.boolean().optional(),
  practice: z.string().optional(),
  conditions: z.array(z.string()).optional(),
  needs: z.array(z.string()).optional(),
  confidence: z.number().optional(),
  pamLevel: z.number().nullable().optional(),
  consent: z.string().optional(),
  /** Read by the risk net, not here. */
  risk: z.string().nullable().optional(),
  riskNegated: z.boolean().optional(),
});

export const answerEntrySchema = z.object({
  id: z.string(),
  question: z.enum(QUESTION_ORDER as unknown as [QuestionId, ...QuestionId[]]),
  text: z.string(),
  expect: z.union([z.boolean(), z.number(), z.string(), z.null(), z.array(z.string())]),
  note: z.string().optional(),
});

export const openingEntrySchema = z.object({
  id: z.string(),
  text: z.string(),
  complete: z.boolean().optional(),
  expect: openingExpectSchema,
  note: z.string().optional(),
});

export const corpusEntrySchema = z.union([answerEntrySchema, openingEntrySchema]);
export type AnswerEntry = z.infer<typeof answerEntrySchema>;
export type OpeningEntry = z.infer<typeof openingEntrySchema>;
export type CorpusEntry = z.infer<typeof corpusEntrySchema>;

export interface Misread {
  id: string;
  field: string;
  expected: unknown;
  read: unknown;
}

export interface CorpusScore {
  /** Labelled fields, and how many were read exactly. */
  fields: number;
  correct: number;
  perField: Record<string, { fields: number; correct: number }>;
  /**
   * Reads that would wrongly end the conversation or skip a route: under age, not registered, no
   * conditions, no needs or declined when the label (or its absence) says otherwise, or no red
   * flag when there is one.
   */
  wrongNegatives: number;
  /** Of the entries marked complete, the share whose read answers reach an outcome (no red flag assumed). */
  completeToOutcome: number;
  /** The same share for the labels themselves: the most the reader could reach. */
  completeToOutcomeFromLabels: number;
  /** Answers read that the label does not hold (openings only). */
  spurious: number;
  misreads: Misread[];
  wrongNegativeCases: Misread[];
}

function same(expected: unknown, read: unknown): boolean {
  if (Array.isArray(expected) && Array.isArray(read)) {
    const a = new Set(expected);
    const b = new Set(read);
    return a.size === b.size && [...a].every((v) => b.has(v));
  }
  return expected === read;
}

function includes(value: unknown, item: string): boolean {
  return Array.isArray(value) && value.includes(item);
}

/** Whether the read value is a negative the label does not support. */
function wrongNegative(field: string, expected: unknown, read: unknown): boolean {
  switch (field) {
    case 'redFlag':
      return read === false && expected === true;
    case 'adult':
      return read === false && expected !== false;
    case 'practice':
      return read === NOT_REGISTERED && expected !== NOT_REGISTERED;
    case 'conditions':
      return includes(read, CONDITION_NONE) && !includes(expected, CONDITION_NONE);
    case 'needs':
      return includes(read, NEED_NONE) && !includes(expected, NEED_NONE);
    case 'consent':
      return read === 'no' && expected !== 'no';
    default:
      return false;
  }
}

function reachesOutcome(answers: ReferralAnswers, ctx: LanguageContext): boolean {
  return assessReferral({ redFlag: false, ...answers }, ctx.criteria).kind === 'outcome';
}

/**
 * Field accuracy of the readers over a labelled corpus: each opening through readReferralText,
 * each typed answer through readAnswer. Pure: give it the parsed entries. Score openings and
 * answers apart to keep their per-field figures apart.
 */
export function scoreCorpus(entries: readonly CorpusEntry[], ctx: LanguageContext): CorpusScore {
  const score: CorpusScore = {
    fields: 0,
    correct: 0,
    perField: {},
    wrongNegatives: 0,
    completeToOutcome: 0,
    completeToOutcomeFromLabels: 0,
    spurious: 0,
    misreads: [],
    wrongNegativeCases: [],
  };
  let complete = 0;
  let completeRead = 0;
  let completeLabelled = 0;
  const count = (id: string, field: string, expected: unknown, read: unknown): void => {
    const tally = score.perField[field] ?? { fields: 0, correct: 0 };
    score.perField[field] = tally;
    tally.fields += 1;
    score.fields += 1;
    if (same(expected, read)) {
      tally.correct += 1;
      score.correct += 1;
    } else {
      score.misreads.push({ id, field, expected, read });
    }
  };
  const negative = (id: string, field: string, expected: unknown, read: unknown): void => {
    if (wrongNegative(field, expected, read)) {
      score.wrongNegatives += 1;
      score.wrongNegativeCases.push({ id, field, expected, read });
    }
  };

  for (const entry of entries) {
    if ('question' in entry) {
      const result = readAnswer(entry.question, entry.text, ctx);
      const read = result.ok ? result.answers[entry.question] : undefined;
      count(entry.id, entry.question, entry.expect, read);
      negative(entry.id, entry.question, entry.expect, read);
      continue;
    }
    const { answers } = readReferralText(entry.text, ctx);
    const expect = entry.expect;
    for (const field of OPENING_QUESTIONS) {
      const expected = expect[field];
      const read = answers[field];
      if (expected !== undefined) {
        count(entry.id, field, expected, read);
      } else if (read !== undefined) {
        score.spurious += 1;
      }
      negative(entry.id, field, expected, read);
    }
    if (entry.complete === true) {
      complete += 1;
      completeRead += reachesOutcome(answers, ctx) ? 1 : 0;
      const labelled: Record<string, unknown> = {};
      for (const field of OPENING_QUESTIONS) {
        labelled[field] = expect[field];
      }
      const parsed = referralAnswersSchema.safeParse(labelled);
      completeLabelled += parsed.success && reachesOutcome(parsed.data, ctx) ? 1 : 0;
    }
  }
  score.completeToOutcome = complete === 0 ? 0 : completeRead / complete;
  score.completeToOutcomeFromLabels = complete === 0 ? 0 : completeLabelled / complete;
  return score;
}
