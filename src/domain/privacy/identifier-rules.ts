import type { DateTime } from 'luxon';
import {
  BIRTH_MARKER,
  DATE_OF_BIRTH_AFTER_YEARS,
  containsOldFullDate,
  dateNextToBirthMarker,
} from './date-of-birth';
import type { FoundDate } from './date-scan';
import {
  containsForenameAndSurname,
  containsInitialAndSurname,
  containsLabelledName,
  containsMarkedName,
  containsNameBeforeDate,
  containsTitledName,
  isPlainName,
} from './name-scan';
import {
  ABBREVIATIONS,
  KNOWN_FORENAMES,
  LETTER_LABEL_WORDS,
  LETTER_PHRASES,
  NAME_LABELS,
  NO_NAME_VALUES,
  NOT_NAME_WORDS,
  NOT_NAMES_AFTER_TITLE,
  PATIENT_MARKERS,
  PLACE_AND_ROLE_WORDS,
  TITLES,
} from './name-words';
import { containsLabelledNhsNumber, containsValidNhsNumber } from './nhs-number-scan';
import {
  CONVERSATION_ID_DOMAINS,
  EMAIL_PATTERN,
  PHONE_PATTERNS,
  containsEmailAddress,
  containsPhoneNumber,
} from './phone-and-email';
import { POSTCODE_AREAS, POSTCODE_PATTERN, containsPostcode } from './uk-postcode';

/**
 * The identifier rules as one table, in the order they are tried: what each refuses, in which
 * kind of field, by which pattern or detector, with which exceptions. identifier-guard.ts runs
 * them; its module comment explains the choices.
 */

export type IdentifierKind =
  | 'nhs-number'
  | 'date-of-birth'
  | 'patient-name'
  | 'postcode'
  | 'phone'
  | 'email'
  /** Only in a person-name field: anything that is not a plain name (digits, symbols). */
  | 'not-a-name'
  /**
   * Only in a choice field (ids and values the card itself offers): prose or an email address,
   * which no choice the bot makes holds, so typed text there is refused before any handler can
   * show it back.
   */
  | 'not-a-choice';

/**
 * - `free-text`: anything typed; every rule applies.
 * - `person-name`: a staff member's name (a supervisor): names allowed, nothing else.
 * - `choice`: a value from the card's own choice set (ids, option values): only NHS numbers are
 *   looked for, as a value can be tampered with but is never a name or a date.
 */
export type FieldPolicy = 'free-text' | 'person-name' | 'choice';

export interface RuleInput {
  /** The value, normalised (normalise-text.ts). */
  readonly text: string;
  readonly now: DateTime;
  /** The dates written in the text, read once, on first use. */
  readonly dates: () => readonly FoundDate[];
}

export interface IdentifierRule {
  readonly id: string;
  readonly kind: IdentifierKind;
  readonly description: string;
  readonly appliesTo: readonly FieldPolicy[];
  /** The regular expressions, where the rule is mostly patterns. */
  readonly patterns?: readonly RegExp[];
  /** What the rule lets through, as the data it uses. */
  readonly exceptions?: Readonly<Record<string, ReadonlySet<string> | readonly string[]>>;
  readonly detect: (input: RuleInput) => boolean;
}

const EVERY_FIELD: readonly FieldPolicy[] = ['free-text', 'person-name', 'choice'];
const TYPED_FIELDS: readonly FieldPolicy[] = ['free-text', 'person-name'];
const FREE_TEXT: readonly FieldPolicy[] = ['free-text'];

const NAME_EXCEPTIONS = {
  notNameWords: NOT_NAME_WORDS,
  placeAndRoleWords: PLACE_AND_ROLE_WORDS,
  knownForenames: KNOWN_FORENAMES,
};

export const IDENTIFIER_RULES: readonly IdentifierRule[] = [
  {
    id: 'nhs-number-valid',
    kind: 'nhs-number',
    description:
      'Ten digits whose modulus 11 check digit is valid, however written: solid, 3-3-4, 5-5, ' +
      'one digit at a time, with spaces, dots, slashes, hyphens or underscores, in any script ' +
      'of decimal digits.',
    appliesTo: EVERY_FIELD,
    exceptions: {
      notJoined: [
        'phone numbers',
        'dates of one separator (12/03/1950, 2026-12-10)',
        'clock times with a dot (09.30)',
        'digits glued to letters, as in ids',
      ],
    },
    detect: ({ text }) => containsValidNhsNumber(text),
  },
  {
    id: 'nhs-number-labelled',
    kind: 'nhs-number',
    description:
      'Ten digits next to "NHS" ("NHS no 9434765918"), even when the check digit is wrong.',
    appliesTo: EVERY_FIELD,
    detect: ({ text }) => containsLabelledNhsNumber(text),
  },
  {
    id: 'email',
    kind: 'email',
    description: 'An email address.',
    appliesTo: TYPED_FIELDS,
    patterns: [EMAIL_PATTERN],
    exceptions: { conversationIdDomains: CONVERSATION_ID_DOMAINS },
    detect: ({ text }) => containsEmailAddress(text),
  },
  {
    id: 'phone',
    kind: 'phone',
    description:
      'A UK phone number (07700 900123, 0113 496 0000, (0113) 4960000) or an international ' +
      'one (+44 7700 900123, 0044 ...).',
    appliesTo: TYPED_FIELDS,
    patterns: PHONE_PATTERNS,
    detect: ({ text }) => containsPhoneNumber(text),
  },
  {
    id: 'postcode',
    kind: 'postcode',
    description: 'A full UK postcode in any case, with or without the space (LS1 4AP, sw1a1aa).',
    appliesTo: TYPED_FIELDS,
    patterns: [POSTCODE_PATTERN],
    exceptions: {
      areas: POSTCODE_AREAS,
      lowerCaseOrdinals: ['1st', '2nd', '3rd', '4th', '...', '9th', '0th'],
    },
    detect: ({ text }) => containsPostcode(text),
  },
  {
    id: 'titled-name',
    kind: 'patient-name',
    description:
      "A name after a title: Mr Edward Jones, Mrs O'Brien, Dr. Patel, MR JONES, mr jones.",
    appliesTo: FREE_TEXT,
    exceptions: {
      titles: TITLES.flatMap((t) => t.forms),
      notNamesAfterTitle: NOT_NAMES_AFTER_TITLE,
    },
    detect: ({ text }) => containsTitledName(text),
  },
  {
    id: 'marked-name',
    kind: 'patient-name',
    description:
      'A capitalised name after "patient", "pt", "client": patient Johnathan Smithers, pt J Smithers.',
    appliesTo: FREE_TEXT,
    exceptions: { markers: PATIENT_MARKERS, notNameWords: NOT_NAME_WORDS },
    detect: ({ text }) => containsMarkedName(text),
  },
  {
    id: 'labelled-name',
    kind: 'patient-name',
    description: 'Any words after a name label: "name: jo smithers", "Surname = Smithers".',
    appliesTo: FREE_TEXT,
    exceptions: { labels: NAME_LABELS, noNameValues: NO_NAME_VALUES },
    detect: ({ text }) => containsLabelledName(text),
  },
  {
    id: 'name-before-date',
    kind: 'patient-name',
    description:
      'Initials or a name just before a full date that is not in the future: JS 12 Mar 1950, ' +
      'J Smithers 12/03/50.',
    appliesTo: FREE_TEXT,
    exceptions: { abbreviations: ABBREVIATIONS },
    detect: ({ text, now, dates }) => containsNameBeforeDate(text, dates(), now),
  },
  {
    id: 'initial-and-surname',
    kind: 'patient-name',
    description: "An initial and a capitalised surname: J Smithers, A. O'Brien.",
    appliesTo: FREE_TEXT,
    exceptions: {
      letterLabelWords: LETTER_LABEL_WORDS,
      letterPhrases: LETTER_PHRASES,
      ...NAME_EXCEPTIONS,
    },
    detect: ({ text }) => containsInitialAndSurname(text),
  },
  {
    id: 'forename-and-surname',
    kind: 'patient-name',
    description:
      'Two or three capitalised words that read as forename and surname: Johnathan Smithers.',
    appliesTo: FREE_TEXT,
    exceptions: NAME_EXCEPTIONS,
    detect: ({ text }) => containsForenameAndSurname(text),
  },
  {
    id: 'date-next-to-birth-marker',
    kind: 'date-of-birth',
    description:
      'Any date, or a digit, next to "DOB", "d.o.b", "born", "date of birth", "birthday".',
    appliesTo: TYPED_FIELDS,
    patterns: [BIRTH_MARKER],
    detect: ({ text, dates }) => dateNextToBirthMarker(text, dates()),
  },
  {
    id: 'old-full-date',
    kind: 'date-of-birth',
    description: `A full calendar date (day, month and year) more than ${DATE_OF_BIRTH_AFTER_YEARS} years ago: 12 March 1950, 12/03/1950, 12/03/50.`,
    appliesTo: TYPED_FIELDS,
    detect: ({ now, dates }) => containsOldFullDate(dates(), now),
  },
  {
    id: 'not-a-plain-name',
    kind: 'not-a-name',
    description:
      'In a person-name field, anything but letters, spaces, hyphens, apostrophes and dots.',
    appliesTo: ['person-name'],
    detect: ({ text }) => !isPlainName(text),
  },
  {
    id: 'not-a-choice-value',
    kind: 'not-a-choice',
    description:
      'In a choice field, words written as prose (two words of letters side by side, as in a name) or an email address: no value the cards offer looks like that.',
    appliesTo: ['choice'],
    detect: ({ text }) => /\p{L}{2,}\s+\p{L}{2,}/u.test(text) || containsEmailAddress(text),
  },
];
