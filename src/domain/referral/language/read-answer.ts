import {
  CONDITION_NONE,
  NEED_NONE,
  referralAnswersSchema,
  type QuestionId,
  type ReferralAnswers,
} from '../referral-answers';
import { buildOptions, PAM_NOT_MEASURED, type QuestionOption } from '../referral-options';
import { decideQuestion } from './decide-question';
import type { Hit } from './hit';
import type { LanguageContext } from './language-context';
import { optionAnswerValue, phraseIndexFor } from './phrase-sources';
import { readHits } from './read-hits';
import { heardWords } from './heard';
import { readNumberAt, readWholeNumber } from './number-words';
import { hasContent, optionFromWords, segmentsOf, segmentText } from './segments';
import { tokenise, type Token } from './tokenise';

export type ReadAnswerResult =
  | { ok: true; answers: ReferralAnswers; heard: string[]; unknown: string[] }
  | { ok: false; problem: 'unrecognised' | 'none-with-others' };

const UNRECOGNISED = { ok: false, problem: 'unrecognised' } as const;

/** The hit fields that answer each question. */
const ANSWERED_BY: Readonly<Record<QuestionId, ReadonlySet<Hit['field']>>> = {
  redFlag: new Set(['redFlag', 'yesNo']),
  adult: new Set(['adult', 'yesNo']),
  practice: new Set(['practice']),
  conditions: new Set(['conditions']),
  needs: new Set(['needs']),
  confidence: new Set(['confidence']),
  pamLevel: new Set(['pamLevel']),
  consent: new Set(['consent', 'asked', 'yesNo']),
};

/** An option's value as the answer it stands for. */
function answerOf(question: QuestionId, values: readonly string[]): unknown {
  const [first = ''] = values;
  switch (question) {
    case 'redFlag':
    case 'adult':
      return first === 'yes';
    case 'conditions':
    case 'needs':
      return [...values];
    case 'confidence':
      return Number(first);
    case 'pamLevel':
      return first === PAM_NOT_MEASURED ? null : Number(optionAnswerValue(first));
    case 'practice':
    case 'consent':
      return first;
  }
}

function answered(
  question: QuestionId,
  value: unknown,
  heard: string[],
  unknown: string[],
): ReadAnswerResult {
  const parsed = referralAnswersSchema.safeParse({ [question]: value });
  return parsed.success ? { ok: true, answers: parsed.data, heard, unknown } : UNRECOGNISED;
}

function noneWithOthers(question: QuestionId, values: readonly string[]): boolean {
  const none = question === 'needs' ? NEED_NONE : CONDITION_NONE;
  return values.length > 1 && values.includes(none);
}

/** A card's submit: an option's value, or a multi-select's values joined by commas. */
function cardValues(
  options: readonly QuestionOption[],
  text: string,
  multiSelect: boolean,
): string[] | undefined {
  const parts = (multiSelect ? text.split(',') : [text]).map((p) => p.trim().toLowerCase());
  const values = parts.map((part) => options.find((o) => o.value.toLowerCase() === part)?.value);
  return values.length > 0 && values.every((v) => v !== undefined)
    ? [...new Set(values.filter((v) => v !== undefined))]
    : undefined;
}

/** A typed number: the option in that place on the card, or at the age question an age. */
function byNumber(
  question: QuestionId,
  n: number,
  options: readonly QuestionOption[],
  ctx: LanguageContext,
  text: string,
): ReadAnswerResult {
  const heard = [text.trim()];
  if (question === 'adult' && n > options.length) {
    return n <= 120 ? answered('adult', n >= ctx.criteria.minimumAge, heard, []) : UNRECOGNISED;
  }
  const option = options[n - 1];
  return option ? answered(question, answerOf(question, [option.value]), heard, []) : UNRECOGNISED;
}

function segmentHit(question: QuestionId, value: string, segment: readonly number[]): Hit {
  return {
    field: question,
    value,
    tokens: segment,
    first: segment[0] ?? 0,
    last: segment[segment.length - 1] ?? 0,
    negated: false,
  };
}

/** A whole item of a list that is an option's number: "1, 2 and 6". */
function numberedOption(
  tokens: readonly Token[],
  segment: readonly number[],
  options: readonly QuestionOption[],
): string | undefined {
  const words = segment.map((at) => tokens[at]).filter((t) => t !== undefined);
  const n = readNumberAt(words, 0);
  return n && n.length === words.length ? options[n.value - 1]?.value : undefined;
}

/**
 * Reads a typed answer to one question: an option's value, number, label or part of it, in any
 * order, misspelt, abbreviated or in other words, with several items for the multi-select
 * questions. Items it cannot read are returned in `unknown`, and the rest still count.
 */
export function readAnswer(
  question: QuestionId,
  text: string,
  ctx: LanguageContext,
): ReadAnswerResult {
  const { options, multiSelect } = buildOptions(question, ctx);
  const fromCard = cardValues(options, text, multiSelect);
  if (fromCard !== undefined) {
    return multiSelect && noneWithOthers(question, fromCard)
      ? { ok: false, problem: 'none-with-others' }
      : answered(question, answerOf(question, fromCard), [text.trim()], []);
  }
  const tokens = tokenise(text);
  const whole = readWholeNumber(tokens);
  if (whole !== undefined) {
    return byNumber(question, whole, options, ctx, text);
  }
  const hits = readHits(tokens, ctx, question);
  const counts = ANSWERED_BY[question];
  const known = phraseIndexFor(ctx, question).known;
  const extra: Hit[] = [];
  const unknown: string[] = [];
  for (const segment of segmentsOf(tokens)) {
    if (!hasContent(tokens, segment)) {
      continue;
    }
    if (hits.some((h) => counts.has(h.field) && h.tokens.some((at) => segment.includes(at)))) {
      continue;
    }
    const value = multiSelect
      ? (numberedOption(tokens, segment, options) ??
        optionFromWords(tokens, segment, options, known))
      : undefined;
    if (value !== undefined) {
      extra.push(segmentHit(question, optionAnswerValue(value), segment));
    } else {
      unknown.push(segmentText(text, tokens, segment));
    }
  }
  const found = decideQuestion(question, [...hits, ...extra], ctx);
  if (found === undefined) {
    return UNRECOGNISED;
  }
  if ('noneWithOthers' in found && found.noneWithOthers) {
    return { ok: false, problem: 'none-with-others' };
  }
  return answered(question, found.value, heardWords(text, tokens, found.hits), unknown);
}
