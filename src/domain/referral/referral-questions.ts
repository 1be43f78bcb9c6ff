import { normaliseText } from '../commands';
import { findPatientIdentifier, type IdentifierKind } from '../nhs-number';
import type { Practice, ReferralCriteria, Route } from '../pcn-config';
import {
  CONDITION_AT_RISK,
  CONDITION_NONE,
  NEED_NONE,
  NOT_REGISTERED,
  QUESTION_ORDER,
  referralAnswersSchema,
  type QuestionId,
  type ReferralAnswers,
} from './referral-answers';

export interface QuestionOption {
  value: string;
  label: string;
  /** Other words a referrer may type for this option. */
  synonyms?: readonly string[];
}

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

export interface QuestionContext {
  criteria: ReferralCriteria;
  practices: readonly Practice[];
}

export const RED_FLAGS: readonly string[] = [
  'Risk of harm to themselves or to others, including thoughts of suicide or self-harm',
  'A mental health crisis',
  'A safeguarding concern about them or someone they care for',
  'An acute illness, or a condition getting rapidly worse',
  'A need for specialist services that coaching cannot meet',
];

const YES = ['y', 'yes', 'yeah', 'yep', 'yes they are', 'they are', 'correct', 'true'];
const NO = ['n', 'no', 'nope', 'not', 'false', 'no they are not'];

function buildOptions(
  id: QuestionId,
  ctx: QuestionContext,
): { options: QuestionOption[]; multiSelect: boolean } {
  switch (id) {
    case 'redFlag':
      return {
        multiSelect: false,
        options: [
          {
            value: 'yes',
            label: 'Yes, at least one applies',
            synonyms: [...YES, 'one applies', 'some'],
          },
          {
            value: 'no',
            label: 'No, none of these',
            synonyms: [...NO, 'none', 'none apply', 'none of them', 'none of these'],
          },
        ],
      };
    case 'adult':
      return {
        multiSelect: false,
        options: [
          { value: 'yes', label: `Yes, ${ctx.criteria.minimumAge} or over`, synonyms: YES },
          {
            value: 'no',
            label: `No, under ${ctx.criteria.minimumAge}`,
            synonyms: [...NO, 'under'],
          },
        ],
      };
    case 'practice':
      return {
        multiSelect: false,
        options: [
          ...ctx.practices.map((p) => ({ value: p.odsCode, label: p.name })),
          {
            value: NOT_REGISTERED,
            label: 'Not registered with one of our practices',
            synonyms: ['not registered', 'none', 'no', 'other', 'elsewhere'],
          },
        ],
      };
    case 'conditions':
      return {
        multiSelect: true,
        options: [
          ...ctx.criteria.conditions.map((c) => ({ value: c.id, label: c.label })),
          {
            value: CONDITION_AT_RISK,
            label: 'None yet, but at risk of developing one',
            synonyms: ['at risk', 'risk'],
          },
          {
            value: CONDITION_NONE,
            label: 'None of these, and not at risk',
            synonyms: ['none', 'no', 'neither'],
          },
        ],
      };
    case 'needs':
      return {
        multiSelect: true,
        options: [
          {
            value: 'behaviour',
            label: 'Changing health behaviours, or confidence to manage their own health',
            synonyms: [
              'behaviour',
              'behavior',
              'behaviours',
              'lifestyle',
              'confidence',
              'self-manage',
              'self manage',
            ],
          },
          {
            value: 'social',
            label: 'Social, practical or money worries, or loneliness',
            synonyms: [
              'social',
              'practical',
              'money',
              'financial',
              'loneliness',
              'lonely',
              'housing',
              'debt',
            ],
          },
          {
            value: 'coordination',
            label: 'Coordinating several services, a care plan, or frailty',
            synonyms: [
              'coordination',
              'coordinating',
              'care plan',
              'care planning',
              'frailty',
              'frail',
            ],
          },
          {
            value: 'carer',
            label: 'Caring for someone, and the strain of it',
            synonyms: ['carer', 'caring', 'carer strain', 'caring for someone', 'looks after'],
          },
          {
            value: 'none',
            label: 'Nothing in particular: they are managing well',
            synonyms: ['nothing', 'nothing in particular', 'managing well', 'managing'],
          },
          {
            value: 'unsure',
            label: "I'm not sure",
            synonyms: ['not sure', 'unsure', "don't know", 'dont know'],
          },
        ],
      };
    case 'confidence':
      return {
        multiSelect: false,
        options: [
          { value: '1', label: 'Not at all confident', synonyms: ['not at all', 'not confident'] },
          { value: '2', label: 'A little confident', synonyms: ['a little', 'little', 'slightly'] },
          { value: '3', label: 'Fairly confident', synonyms: ['fairly', 'quite', 'somewhat'] },
          { value: '4', label: 'Very confident', synonyms: ['very', 'fully', 'completely'] },
        ],
      };
    case 'pamLevel':
      return {
        multiSelect: false,
        options: [
          {
            value: 'not-measured',
            label: 'Not measured',
            synonyms: ['no', 'none', 'not known', 'unknown', 'n/a', 'na', 'skip'],
          },
          { value: '1', label: 'PAM level 1', synonyms: ['level 1'] },
          { value: '2', label: 'PAM level 2', synonyms: ['level 2'] },
          { value: '3', label: 'PAM level 3', synonyms: ['level 3'] },
          { value: '4', label: 'PAM level 4', synonyms: ['level 4'] },
        ],
      };
    case 'consent':
      return {
        multiSelect: false,
        options: [
          {
            value: 'yes',
            label: 'Yes, they agree',
            synonyms: [...YES, 'agree', 'agrees', 'they agree'],
          },
          {
            value: 'no',
            label: "No, they don't want it",
            synonyms: [...NO, 'declined', 'decline', 'refused'],
          },
          {
            value: 'not-asked',
            label: 'Not asked yet',
            synonyms: ['not asked', 'not yet', "haven't asked", 'unknown'],
          },
        ],
      };
  }
}

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
  { ok: true; answers: ReferralAnswers } | { ok: false; problem: AnswerProblem };

function matchOption(
  options: readonly QuestionOption[],
  input: string,
): QuestionOption | undefined {
  const text = normaliseText(input);
  if (text.length === 0) {
    return undefined;
  }
  const byValue = options.find((o) => o.value.toLowerCase() === text);
  if (byValue) {
    return byValue;
  }
  const byLabel = options.find((o) => normaliseText(o.label) === text);
  if (byLabel) {
    return byLabel;
  }
  if (/^\d+$/.test(text)) {
    return options[Number(text) - 1];
  }
  return options.find((o) => (o.synonyms ?? []).some((s) => normaliseText(s) === text));
}

function matchMany(options: readonly QuestionOption[], input: string): string[] | undefined {
  const whole = matchOption(options, input);
  if (whole) {
    return [whole.value];
  }
  const parts = input
    .split(/,|;|\band\b|&|\+|\n/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) {
    return undefined;
  }
  const values: string[] = [];
  for (const part of parts) {
    const match = matchOption(options, part);
    if (!match) {
      return undefined;
    }
    if (!values.includes(match.value)) {
      values.push(match.value);
    }
  }
  return values;
}

function ageAnswer(input: string, minimumAge: number): boolean | undefined {
  const match = /^\s*(\d{1,3})\s*(years?|yrs?|y\/?o)?( old)?\s*$/i.exec(input);
  if (!match?.[1]) {
    return undefined;
  }
  const years = Number(match[1]);
  return years <= 120 ? years >= minimumAge : undefined;
}

/**
 * Reads one answer, typed or from a card, into the answers. Card values are option values; typed
 * text may be a value, a label, a number from the list, or a common word for the option. Text that
 * holds an NHS number or a full date is refused, so identifiers never get further.
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
  if (id === 'adult') {
    const byAge = ageAnswer(input, ctx.criteria.minimumAge);
    if (byAge !== undefined) {
      return { ok: true, answers: { ...answers, adult: byAge } };
    }
  }
  const { options, multiSelect } = buildOptions(id, ctx);
  const values = multiSelect
    ? matchMany(options, input)
    : [matchOption(options, input)?.value].filter((v) => v !== undefined);
  const [first] = values ?? [];
  if (values === undefined || first === undefined) {
    return { ok: false, problem: 'unrecognised' };
  }
  if (
    multiSelect &&
    values.length > 1 &&
    values.includes(id === 'needs' ? NEED_NONE : CONDITION_NONE)
  ) {
    return { ok: false, problem: 'none-with-others' };
  }
  const next: Record<string, unknown> = { ...answers };
  switch (id) {
    case 'redFlag':
    case 'adult':
      next[id] = first === 'yes';
      break;
    case 'practice':
    case 'consent':
      next[id] = first;
      break;
    case 'conditions':
    case 'needs':
      next[id] = values;
      break;
    case 'confidence':
      next[id] = Number(first);
      break;
    case 'pamLevel':
      next[id] = first === 'not-measured' ? null : Number(first);
      break;
  }
  const parsed = referralAnswersSchema.safeParse(next);
  return parsed.success
    ? { ok: true, answers: parsed.data }
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
        ? ['not-measured']
        : Array.isArray(value)
          ? value
          : [String(value)];
  return raw.map((v) => options.find((o) => o.value === v)?.label ?? v).join('; ');
}
