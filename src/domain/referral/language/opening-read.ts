import type { PcnConfig } from '../../pcn-config';
import type { ReferralAnswers } from '../referral-answers';
import { buildQuestion, describeAnswer } from '../referral-questions';
import { buildLanguageContext } from './language-context';
import { readReferralText } from './read-referral-text';

/** What an opening message gave: the answers, and a line per answer to read back. */
export interface OpeningRead {
  answers: ReferralAnswers;
  heard: string[];
}

/**
 * A reader of opening messages for this PCN: each answer it finds, read back as
 * "Long-term conditions: Type 2 diabetes (from "T2DM")".
 */
export function openingReader(
  pcn: Pick<PcnConfig, 'referral' | 'practices'>,
): (text: string) => OpeningRead {
  const ctx = buildLanguageContext(pcn);
  const questions = {
    criteria: pcn.referral,
    practices: pcn.practices,
    vocabulary: ctx.vocabulary,
  };
  return (text) => {
    const read = readReferralText(text, ctx);
    return {
      answers: read.answers,
      heard: read.heard.flatMap(({ question, words }) => {
        const value = describeAnswer(question, read.answers, questions);
        return value === undefined
          ? []
          : [`${buildQuestion(question, questions).title}: ${value} (from "${words.join(' ')}")`];
      }),
    };
  };
}
