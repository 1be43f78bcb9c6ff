import {
  QUESTION_ORDER,
  referralAnswersSchema,
  type QuestionId,
  type ReferralAnswers,
} from '../referral-answers';
import { decideQuestion } from './decide-question';
import { heardWords } from './heard';
import type { LanguageContext } from './language-context';
import { readHits } from './read-hits';
import { tokenise } from './tokenise';

export type OpeningQuestion = Exclude<QuestionId, 'redFlag'>;

/** The questions an opening message answers: every one but the red flag (the risk net's). */
export const OPENING_QUESTIONS = QUESTION_ORDER.filter(
  (id): id is OpeningQuestion => id !== 'redFlag',
);

export interface ReadResult {
  /** Every answer the text gives; never a red flag (the risk net reads those first). */
  answers: ReferralAnswers;
  /** The words that gave each answer, for "You said: ...". */
  heard: Array<{ question: QuestionId; words: string[] }>;
}

/**
 * Reads every answer an opening message holds ("71M riverside, T2DM + HTN, wants to lose weight,
 * not very confident, happy to be contacted"), and only those: a question the text does not answer
 * stays unanswered, and contradictory answers to one question are left for the question to ask.
 */
export function readReferralText(text: string, ctx: LanguageContext): ReadResult {
  const tokens = tokenise(text);
  const hits = readHits(tokens, ctx);
  const answers: Record<string, unknown> = {};
  const heard: ReadResult['heard'] = [];
  for (const question of OPENING_QUESTIONS) {
    // "None" next to named items is dropped in an opening (only the items are kept), not asked about.
    const found = decideQuestion(question, hits, ctx);
    if (found === undefined) {
      continue;
    }
    answers[question] = found.value;
    heard.push({ question, words: heardWords(text, tokens, found.hits) });
  }
  return { answers: referralAnswersSchema.parse(answers), heard };
}
