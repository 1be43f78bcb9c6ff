import { findPatientIdentifier, type IdentifierKind } from '../nhs-number';
import type { Route } from '../pcn-config';
import { languageContextOf } from './language/language-context';
import { readAnswer } from './language/read-answer';
import {
  QUESTION_ORDER,
  referralAnswersSchema,
  type QuestionId,
  type ReferralAnswers,
} from './referral-answers';
import {
  buildOptions,
  PAM_NOT_MEASURED,
  pamOptionValue,
  type QuestionContext,
  type QuestionOption,
} from './referral-options';

export type { QuestionContext, QuestionOption } from './referral-options';

export interface Question {
  id: QuestionId;
  /** 1-based position in the full list, for "Question 3 of 8". */
  number: number;
  total: number;
  title: string;
  prompt: string;
  /** Bullet points shown under the prompt. */
  details: string[];
  options: QuestionOption[];
  multiSelect: boolean;
}

export const RED_FLAGS: readonly string[] = [
  'Risk of harm to themselves or to others, including thoughts of suicide or self-harm',
  'A mental health crisis',
  'A safeguarding concern about them or someone they care for',
  'An acute illness, or a condition getting rapidly worse',
  'A need for specialist services that coaching cannot meet',
];

const TEXT: Record<
  QuestionId,
  {
    title: string;
    prompt: (ctx: QuestionContext, about?: Route) => string;
    details?: (ctx: QuestionContext) => string[];
  }
> = {
  redFlag: {
    title: 'Urgent concerns first',
    prompt: () => 'Does any of these apply to the person now?',
    details: () => [...RED_FLAGS],
  },
  adult: {
    title: 'Age',
    prompt: (ctx) => `Is the person aged ${ctx.criteria.minimumAge} or over?`,
  },
  practice: {
    title: 'Registered practice',
    prompt: () => 'Which of our practices is the person registered with?',
  },
  conditions: {
    title: 'Long-term conditions',
    prompt: () =>
      'Does the person live with a long-term condition, or are they at risk of one? Choose all that apply.',
  },
  needs: {
    title: 'What matters most to them now',
    prompt: () => 'What does the person most want help with now? Choose all that apply.',
  },
  confidence: {
    title: 'Confidence managing their health',
    prompt: () => 'How confident does the person feel about managing their health day to day?',
    details: () => [
      'Their own view is what counts here. This is a plain-language question, not a score.',
    ],
  },
  pamLevel: {
    title: 'PAM® level, if measured',
    prompt: () =>
      'Has a Patient Activation Measure® level been recorded for them recently? Only give a level measured under your licence.',
    details: () => [
      'PAM® is a registered mark of Insignia Health, a Phreesia company. This bot never scores PAM.',
    ],
  },
  consent: {
    title: 'Agreement to be contacted',
    prompt: (_ctx, about) =>
      `Does the person agree to be contacted by ${about ? CONTACTED_BY[about] : 'the service suggested'}?`,
  },
};

/** Who would get in touch, for the agreement question. */
const CONTACTED_BY: Record<Route, string> = {
  hwbc: 'a Health and Wellbeing Coach',
  splw: 'a social prescribing link worker',
  'care-coordinator': 'a care coordinator',
};

/** The question, worded for the route the person would be contacted by when it is known. */
export function buildQuestion(id: QuestionId, ctx: QuestionContext, about?: Route): Question {
  const text = TEXT[id];
  const { options, multiSelect } = buildOptions(id, ctx);
  return {
    id,
    number: QUESTION_ORDER.indexOf(id) + 1,
    total: QUESTION_ORDER.length,
    title: text.title,
    prompt: text.prompt(ctx, about),
    details: text.details ? text.details(ctx) : [],
    options,
    multiSelect,
  };
}

export type AnswerProblem = 'unrecognised' | 'none-with-others' | IdentifierKind;

export type AnswerResult =
  | {
      ok: true;
      answers: ReferralAnswers;
      /** The words that gave the answer, for "You said: ...". */
      heard?: string[];
      /** Items of a list answer that were not recognised and were left out. */
      unknown?: string[];
    }
  | { ok: false; problem: AnswerProblem };

/**
 * Reads one answer, typed or from a card, into the answers (language/read-answer.ts does the
 * reading). Card values are option values; typed text may be a value, a number from the list, a
 * label or part of one, or the referrer's own words. Text that holds an NHS number or a full date
 * is refused, so identifiers never get further.
 */
export function applyAnswer(
  answers: ReferralAnswers,
  id: QuestionId,
  input: string,
  ctx: QuestionContext,
): AnswerResult {
  const identifier = findPatientIdentifier(input);
  if (identifier) {
    return { ok: false, problem: identifier };
  }
  const read = readAnswer(id, input, languageContextOf(ctx));
  if (!read.ok) {
    return read;
  }
  const parsed = referralAnswersSchema.safeParse({ ...answers, ...read.answers });
  return parsed.success
    ? { ok: true, answers: parsed.data, heard: read.heard, unknown: read.unknown }
    : { ok: false, problem: 'unrecognised' };
}

/** The answers with the given question, and every question after it, cleared. */
export function clearFrom(answers: ReferralAnswers, id: QuestionId): ReferralAnswers {
  const from = QUESTION_ORDER.indexOf(id);
  const kept: Record<string, unknown> = {};
  for (const key of QUESTION_ORDER.slice(0, from)) {
    if (answers[key] !== undefined) {
      kept[key] = answers[key];
    }
  }
  return referralAnswersSchema.parse(kept);
}

/** The label shown for a stored answer, for "You said: ..." lines. */
export function describeAnswer(
  id: QuestionId,
  answers: ReferralAnswers,
  ctx: QuestionContext,
): string | undefined {
  const value = answers[id];
  if (value === undefined) {
    return undefined;
  }
  const { options } = buildOptions(id, ctx);
  const raw: string[] =
    typeof value === 'boolean'
      ? [value ? 'yes' : 'no']
      : value === null
        ? [PAM_NOT_MEASURED]
        : Array.isArray(value)
          ? value
          : id === 'pamLevel' && typeof value === 'number'
            ? [pamOptionValue(value)]
            : [String(value)];
  return raw.map((v) => options.find((o) => o.value === v)?.label ?? v).join('; ');
}
