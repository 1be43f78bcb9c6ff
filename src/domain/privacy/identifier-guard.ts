import type { DateTime } from 'luxon';
import { hasBirthMarker } from './date-of-birth';
import { findDates, type FoundDate } from './date-scan';
import {
  IDENTIFIER_RULES,
  type FieldPolicy,
  type IdentifierKind,
  type IdentifierRule,
  type RuleInput,
} from './identifier-rules';
import { normaliseText } from './normalise-text';

/**
 * The identifier guard: the one rule, applied once at the bot's inbound edge to every free-text
 * value of every message and card submit, that keeps patient identifiers out of storage and logs.
 * A finding names only the kind of identifier, never the text that matched.
 *
 * Every value is first normalised (NFKC; every Unicode decimal digit to 0-9; every space to ' ',
 * every dash to '-'; invisible format characters removed), then the rules in identifier-rules.ts
 * are tried in order. Refused:
 *
 * - NHS numbers: ten digits with a valid modulus 11 check digit in any written form (solid,
 *   3-3-4, 5-5, single spaced digits, with spaces, dots, slashes, hyphens or underscores, in
 *   full-width or any other script's digits); and ten digits next to "NHS" whatever the check
 *   digit ("NHS no 9434765918"). In every kind of field, choice values included.
 * - Email addresses and phone numbers (UK national 07700 900123, 0113 496 0000, (0113) 4960000;
 *   international +44 7700 900123, 0044 ...).
 * - Full UK postcodes (LS1 4AP, sw1a1aa), checked against the real postcode areas.
 * - Dates of birth: a date (read by chrono-node, British day-first) or digit next to "DOB",
 *   "d.o.b", "born", "date of birth", "birthday"; and any full calendar date (day, month and year
 *   all written) more than ten years before `now`. A two-digit year is this century unless that
 *   is over five years ahead ("12/03/50" is 1950).
 * - Patient names, in free-text fields: after a title (Mr, Mrs, Ms, Miss, Mx, Dr, Master) or a
 *   marker (patient, pt, client, "name:"); initials or a name just before a full date that is not
 *   in the future ("JS 12 Mar 1950"); an initial and surname ("J Smithers"); two capitalised
 *   words that read as forename and surname ("Johnathan Smithers").
 * - In a person-name field (a supervisor's name) names are allowed, but nothing other than
 *   letters, spaces, hyphens, apostrophes and dots (kind `not-a-name`), and no identifier above.
 * - In a choice field (a value from the card's own choice set: ids, option values) only NHS
 *   numbers are looked for: such values are never names or dates, and an id like
 *   "19:abc@thread.tacv2" must not read as an email address.
 *
 * Allowed, by design: ages ("71yo", "54F"); recent and future dates ("2026-11-30", "next Friday",
 * "every 4 weeks from 2026-12-10 at 2pm"); partial dates ("March 1950", "12/03"); times; NHS 111;
 * ODS practice codes ("B82005", an organisation, not a person); clinical abbreviations (T2DM,
 * COVID19, B12, HbA1c); an outward code alone ("LS1"); initials alone ("JS"); capitalised
 * clinical, scheduling and place words (name-words.ts): "Type 2 Diabetes", "Riverside Surgery",
 * "Group Supervision", "Health Coach", "Patient Activation Measure"; Teams conversation ids.
 *
 * Trade-offs: the guard errs towards refusing, as a refused message costs a retype and a stored
 * identifier cannot be taken back.
 * - Refused though harmless: every phone number or email, the practice's own included; a
 *   clinician's name after a title ("discussed with Dr Patel") or staff names in free text
 *   ("Thanks Sarah Jones", "Jo Coach"); two-word capitalised place names not in the lists ("Kirkstall
 *   Abbey"); any full date over ten years ago, such as a diagnosis date ("diagnosed 3 May
 *   2012"); a list of numbers that happens to hold ten digits with a valid check digit
 *   (about 1 in 11 such lists: weights "98 97 96 95 94"); initials just before a past date
 *   ("seen JS 12/03/2026").
 * - Not caught: names in lower case or capitals without a title ("johnathan smithers",
 *   "JOHN SMITH"); a single name ("Johnathan"); "Smithers, Johnathan"; a surname that is an
 *   ordinary word ("Edward Young"), or a place or role word after an unknown forename ("Aarav
 *   Hall"), unless after a title; an initial after a word that
 *   labels letters ("Room J Smithers", read as "Room J"); obfuscated emails ("jo at nhs dot
 *   net"); local phone numbers without an area code; years of birth alone unless next to "born";
 *   an NHS number split by commas, or inside a longer unbroken run of digits.
 *
 * Speed: every pattern is linear (bounded repetitions, token-start lookbehinds); chrono-node runs
 * only when the text holds a digit or a birth marker. A short message takes well under a
 * millisecond.
 */

export type { FieldPolicy, IdentifierKind } from './identifier-rules';

export interface IdentifierFinding {
  kind: IdentifierKind;
}

export interface FieldFinding {
  /** The top-level field of the payload whose value (or a value nested in it) was refused. */
  field: string;
  kind: IdentifierKind;
}

const RULES_BY_POLICY: Readonly<Record<FieldPolicy, readonly IdentifierRule[]>> = {
  'free-text': IDENTIFIER_RULES.filter((r) => r.appliesTo.includes('free-text')),
  'person-name': IDENTIFIER_RULES.filter((r) => r.appliesTo.includes('person-name')),
  choice: IDENTIFIER_RULES.filter((r) => r.appliesTo.includes('choice')),
};

function ruleInput(text: string, now: DateTime): RuleInput {
  let dates: readonly FoundDate[] | undefined;
  return {
    text,
    now,
    dates: () => {
      dates ??= /\d/.test(text) || hasBirthMarker(text) ? findDates(text, now) : [];
      return dates;
    },
  };
}

/** The first kind of patient identifier the text holds under this field's policy, if any. */
export function findIdentifier(
  text: string,
  policy: FieldPolicy,
  now: DateTime,
): IdentifierFinding | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  const input = ruleInput(normaliseText(text), now);
  const rule = RULES_BY_POLICY[policy].find((r) => r.detect(input));
  return rule === undefined ? undefined : { kind: rule.kind };
}

/** Plain English for the person who wrote it: "That looks like an NHS number." */
export function describeFinding(kind: IdentifierKind): string {
  switch (kind) {
    case 'nhs-number':
      return 'an NHS number';
    case 'date-of-birth':
      return 'a date of birth';
    case 'patient-name':
      return "a person's name";
    case 'postcode':
      return 'a postcode';
    case 'phone':
      return 'a phone number';
    case 'email':
      return 'an email address';
    case 'not-a-name':
      return 'something other than a name (a name field takes only letters, spaces, hyphens and apostrophes)';
    case 'not-a-choice':
      return "something other than one of the card's choices";
  }
}

/** Every string in a value, however deeply nested in objects and arrays; nothing else. */
function stringsIn(value: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      found.push(next);
    } else if (typeof next === 'object' && next !== null && !seen.has(next)) {
      seen.add(next);
      const children: unknown[] = Array.isArray(next) ? next : Object.values(next);
      for (let i = children.length - 1; i >= 0; i -= 1) {
        pending.push(children[i]);
      }
    }
  }
  return found;
}

/**
 * The first field of a payload (a card submit's value) that holds a patient identifier. Each
 * top-level field is read under its policy, or `defaultPolicy`; strings nested in it are read
 * under the same policy; numbers, booleans and keys are not read.
 */
export function findIdentifierInFields(
  fields: Readonly<Record<string, unknown>>,
  policies: Readonly<Record<string, FieldPolicy>>,
  defaultPolicy: FieldPolicy,
  now: DateTime,
): FieldFinding | undefined {
  for (const [field, value] of Object.entries(fields)) {
    const policy = Object.hasOwn(policies, field)
      ? (policies[field] ?? defaultPolicy)
      : defaultPolicy;
    for (const text of stringsIn(value)) {
      const finding = findIdentifier(text, policy, now);
      if (finding !== undefined) {
        return { field, kind: finding.kind };
      }
    }
  }
  return undefined;
}
