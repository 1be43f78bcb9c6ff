import type { FieldPolicy } from '../domain/privacy/identifier-guard';

/**
 * How the identifier guard reads one field of a card submit, and what the field is called on the
 * card (for "the Supervisor field looks like it holds ..."). A field not listed is free text:
 * the safe default, so a new field is guarded before anyone remembers to list it.
 */
export interface FieldRule {
  policy?: FieldPolicy;
  label?: string;
}

export type FieldRules = Readonly<Record<string, FieldRule>>;

const choice: FieldRule = { policy: 'choice' };

/**
 * Fields every feature uses for ids and for values the card itself offers: only NHS numbers are
 * looked for in them (an id must not read as a date or an email address).
 */
export const COMMON_FIELD_RULES: FieldRules = {
  verb: choice,
  questionId: choice,
  value: choice,
  choices: choice,
  card: choice,
  audience: choice,
  jobId: choice,
  scheduleId: choice,
  logId: choice,
  draftId: choice,
  outcome: choice,
  paused: choice,
  /** Who a card in a channel was for (a hash the bot adds). */
  owner: choice,
};
