import type { Practice, ReferralCriteria } from '../pcn-config';
import type { Vocabulary } from './language/vocabulary';
import {
  CONDITION_AT_RISK,
  CONDITION_NONE,
  NOT_REGISTERED,
  type QuestionId,
} from './referral-answers';

export interface QuestionOption {
  /** What the card's button sends. */
  value: string;
  label: string;
}

export interface QuestionContext {
  criteria: ReferralCriteria;
  practices: readonly Practice[];
  /** The words typed answers are read with; the default vocabulary and the PCN's own when unset. */
  vocabulary?: Vocabulary;
}

/** PAM options send `level-1` ... `level-4`, so a typed "1" can stay the first option, "Not measured". */
export const PAM_NOT_MEASURED = 'not-measured';
export function pamOptionValue(level: number): string {
  return `level-${level}`;
}

/**
 * A card's value as today's options name it. PAM buttons on cards sent before the options had
 * their own values sent "1" to "4" for the level; a typed "1" is the first option instead.
 */
export function currentCardValue(id: QuestionId, value: string): string {
  return id === 'pamLevel' && /^[1-4]$/.test(value) ? pamOptionValue(Number(value)) : value;
}

interface Options {
  options: QuestionOption[];
  multiSelect: boolean;
}

/** A question answered with one of `options`. */
const oneOf = (options: QuestionOption[]): Options => ({ multiSelect: false, options });
/** A question answered with any of `options`. */
const anyOf = (options: QuestionOption[]): Options => ({ multiSelect: true, options });

/**
 * The options of a question, in the order the card lists them: a typed number is the option in
 * that position. The words a referrer may type for each are in language/vocabulary.ts.
 */
export function buildOptions(id: QuestionId, ctx: QuestionContext): Options {
  switch (id) {
    case 'redFlag':
      return oneOf([
        { value: 'yes', label: 'Yes, at least one applies' },
        { value: 'no', label: 'No, none of these' },
      ]);
    case 'adult':
      return oneOf([
        { value: 'yes', label: `Yes, ${ctx.criteria.minimumAge} or over` },
        { value: 'no', label: `No, under ${ctx.criteria.minimumAge}` },
      ]);
    case 'practice':
      return oneOf([
        ...ctx.practices.map((p) => ({ value: p.odsCode, label: p.name })),
        { value: NOT_REGISTERED, label: 'Not registered with one of our practices' },
      ]);
    case 'conditions':
      return anyOf([
        ...ctx.criteria.conditions.map((c) => ({ value: c.id, label: c.label })),
        { value: CONDITION_AT_RISK, label: 'None yet, but at risk of developing one' },
        { value: CONDITION_NONE, label: 'None of these, and not at risk' },
      ]);
    case 'needs':
      return anyOf([
        {
          value: 'behaviour',
          label: 'Changing health behaviours, or confidence to manage their own health',
        },
        { value: 'social', label: 'Social, practical or money worries, or loneliness' },
        {
          value: 'coordination',
          label: 'Coordinating several services, a care plan, or frailty',
        },
        { value: 'carer', label: 'Caring for someone, and the strain of it' },
        { value: 'none', label: 'Nothing in particular: they are managing well' },
        { value: 'unsure', label: "I'm not sure" },
      ]);
    case 'confidence':
      return oneOf([
        { value: '1', label: 'Not at all confident' },
        { value: '2', label: 'A little confident' },
        { value: '3', label: 'Fairly confident' },
        { value: '4', label: 'Very confident' },
      ]);
    case 'pamLevel':
      return oneOf([
        { value: PAM_NOT_MEASURED, label: 'Not measured' },
        ...[1, 2, 3, 4].map((level) => ({
          value: pamOptionValue(level),
          label: `PAM level ${level}`,
        })),
      ]);
    case 'consent':
      return oneOf([
        { value: 'yes', label: 'Yes, they agree' },
        { value: 'no', label: "No, they don't want it" },
        { value: 'not-asked', label: 'Not asked yet' },
      ]);
  }
}
