import type { DateTime } from 'luxon';
import { todayNumber, type FoundDate } from './date-scan';
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

/**
 * Patient names in (normalised) text. Names cannot be listed, so these rules look for the
 * shapes a name takes in a clinician's note: after a title or a marker, initials or a name just
 * before a date, an initial and a surname, a forename and a surname. The word lists in
 * name-words.ts keep capitalised clinical, scheduling and place words from reading as names.
 */

/** A capitalised word: "Smithers", "O'Brien", "Smith-Jones", "McDonald", "Zoë". */
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
const NAME_WORD = `\\p{Lu}(?:\\p{Ll}|['’]\\p{Lu})[\\p{L}\\p{M}'’-]*${WORD_END}`;
/** After a title the name may be in capitals or an initial: "MR JONES", "Mr J Jones". */
const CAPITAL_WORD = `\\p{Lu}[\\p{L}\\p{M}'’-]*${WORD_END}`;
const ANY_WORD = `\\p{L}[\\p{L}\\p{M}'’-]*${WORD_END}`;
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}'’])";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "patient", "Patient", "PATIENT"; "service user", "Service User", ... */
function caseForms(phrase: string): string[] {
  const title = phrase.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
  const first = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return [...new Set([phrase, first, title, phrase.toUpperCase()])];
}

function alternation(forms: readonly string[]): string {
  return forms
    .map((f) => escape(f).replace(/ /g, '[ \\t]+'))
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** The word as the lists hold it: lower case, without a possessive "'s" or trailing hyphen. */
function wordKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s?$/u, '')
    .replace(/-+$/, '');
}

function inList(list: ReadonlySet<string>, word: string): boolean {
  const key = wordKey(word);
  return list.has(key) || key.split(/['’-]/).some((part) => part !== '' && list.has(part));
}

/**
 * Endings of English nouns and adjectives that no common forename or surname has: "Development",
 * "Recruitment", "Personal", "Competency". Known forenames ("Clement") are spared.
 */
const COMMON_WORD_ENDINGS =
  /(?:tion|sion|ment|ness|ity|ities|ship|ology|ics|ism|ist|ful|less|ency|ancy|able|ible|ive|ure|ical|onal|ual|ous)s?$/;

function hasCommonWordEnding(word: string): boolean {
  const key = wordKey(word);
  return key.length >= 6 && COMMON_WORD_ENDINGS.test(key) && !KNOWN_FORENAMES.has(key);
}

export function isNotNameWord(word: string): boolean {
  return inList(NOT_NAME_WORDS, word) || hasCommonWordEnding(word);
}

/** "Visited Oakwood", "Emailing Riverside": a capitalised verb first, not a forename. */
function looksLikeVerb(word: string): boolean {
  const key = wordKey(word);
  return key.length >= 6 && /(?:ed|ing)$/.test(key) && !KNOWN_FORENAMES.has(key);
}

/** Two capitalised words that read as forename and surname. */
export function isNamePair(first: string, second: string): boolean {
  if (isNotNameWord(first) || isNotNameWord(second) || looksLikeVerb(first)) {
    return false;
  }
  if (KNOWN_FORENAMES.has(wordKey(first))) {
    return true;
  }
  return !inList(PLACE_AND_ROLE_WORDS, first) && !inList(PLACE_AND_ROLE_WORDS, second);
}

/** The last word before a position, for "Vitamin D", "Plan B". */
function wordBefore(text: string, index: number): string {
  return /(\p{L}+)[ \t]*$/u.exec(text.slice(Math.max(0, index - 30), index))?.[1] ?? '';
}

/** "J Smithers", "J. Smithers": an initial and a surname, not "I Think" or "Vitamin D Deficiency". */
export function isInitialAndSurname(
  text: string,
  index: number,
  initial: string,
  surname: string,
): boolean {
  return (
    initial !== 'I' &&
    !LETTER_LABEL_WORDS.has(wordBefore(text, index).toLowerCase()) &&
    !LETTER_PHRASES.has(`${initial} ${wordKey(surname)}`.toLowerCase()) &&
    !isNotNameWord(surname) &&
    !inList(PLACE_AND_ROLE_WORDS, surname)
  );
}

const TITLE_PATTERNS: readonly { pattern: RegExp; lowerCaseNameToo: boolean }[] = TITLES.flatMap(
  (rule) => {
    const capitals = rule.forms.filter((f) => f === f.toUpperCase());
    const others = rule.forms.filter((f) => f !== f.toUpperCase());
    const build = (forms: readonly string[], word: string): RegExp =>
      new RegExp(`${NOT_WORD_BEFORE}(?:${alternation(forms)})\\.?[ \\t]+(${word})`, 'gu');
    return [
      ...(capitals.length > 0
        ? [{ pattern: build(capitals, CAPITAL_WORD), lowerCaseNameToo: false }]
        : []),
      ...(others.length > 0
        ? [
            {
              pattern: build(others, rule.lowerCaseNameToo ? ANY_WORD : CAPITAL_WORD),
              lowerCaseNameToo: rule.lowerCaseNameToo,
            },
          ]
        : []),
    ];
  },
);

/** "Mr Edward Jones", "Mrs O'Brien", "Dr. Patel", "MR JONES", "mr jones". */
export function containsTitledName(text: string): boolean {
  return TITLE_PATTERNS.some(({ pattern, lowerCaseNameToo }) =>
    [...text.matchAll(pattern)].some((match) => {
      const word = match[1] ?? '';
      if (NOT_NAMES_AFTER_TITLE.has(wordKey(word))) {
        return false;
      }
      return !lowerCaseNameToo || /^\p{Lu}/u.test(word) || !isNotNameWord(word);
    }),
  );
}

const MARKED_NAME = new RegExp(
  `${NOT_WORD_BEFORE}(?:${alternation(PATIENT_MARKERS.flatMap(caseForms))})` +
    `(?:[ \\t]*[:-][ \\t]*|[ \\t]+)(?:(${NAME_WORD})|(\\p{Lu})\\.?[ \\t]+(${NAME_WORD}))`,
  'gu',
);

/** "patient Johnathan Smithers", "pt J Smithers", "client: Jo"; not "Patient Activation Measure". */
export function containsMarkedName(text: string): boolean {
  for (const match of text.matchAll(MARKED_NAME)) {
    const word = match[1];
    const surname = match[3];
    if (word !== undefined && !isNotNameWord(word)) {
      return true;
    }
    if (surname !== undefined && !isNotNameWord(surname)) {
      return true;
    }
  }
  return false;
}

const LABELLED_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}'’])(?<![\\p{L}\\p{N}][ \\t])` +
    `(?:${alternation(NAME_LABELS.flatMap(caseForms))})[ \\t]*[:=][ \\t]*([^\\n,;]{1,40})`,
  'gu',
);

/** "name: Jo Smithers", "Patient name: j smithers"; not "name: n/a". */
export function containsLabelledName(text: string): boolean {
  for (const match of text.matchAll(LABELLED_NAME)) {
    const value = (match[1] ?? '').trim();
    const firstWord = /\p{L}[\p{L}\p{M}'’-]*/u.exec(value)?.[0];
    if (
      firstWord !== undefined &&
      !NO_NAME_VALUES.has(value.toLowerCase()) &&
      !isNotNameWord(firstWord)
    ) {
      return true;
    }
  }
  return false;
}

const INITIAL_AND_SURNAME = new RegExp(
  `(?<![\\p{L}\\p{N}'’.&/-])(\\p{Lu})\\.?[ \\t]+(${NAME_WORD})`,
  'gu',
);

/** "J Smithers", "A. O'Brien". */
export function containsInitialAndSurname(text: string): boolean {
  for (const match of text.matchAll(INITIAL_AND_SURNAME)) {
    if (isInitialAndSurname(text, match.index, match[1] ?? '', match[2] ?? '')) {
      return true;
    }
  }
  return false;
}

const CAPITALISED_WORD = new RegExp(`${NOT_WORD_BEFORE}${NAME_WORD}`, 'gu');

/** "Johnathan Smithers", "Mary Ann Smith", "Jo Coach"; not "Riverside Surgery", "Type 2 Diabetes". */
export function containsForenameAndSurname(text: string): boolean {
  let previous: { word: string; end: number } | undefined;
  for (const match of text.matchAll(CAPITALISED_WORD)) {
    const word = match[0];
    if (
      previous !== undefined &&
      /^[ \t]{1,2}$/.test(text.slice(previous.end, match.index)) &&
      isNamePair(previous.word, word)
    ) {
      return true;
    }
    previous = { word, end: match.index + word.length };
  }
  return false;
}

/** Initials, an initial and surname, or a forename and surname, just before a position. */
const NAME_JUST_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:(\\p{Lu}(?:\\.?\\p{Lu}){1,2})\\.?|(\\p{Lu})\\.?[ \\t]+(${NAME_WORD})|(${NAME_WORD})[ \\t]+(${NAME_WORD}))[ \\t,;:()-]{1,3}$`,
  'u',
);

function nameJustBefore(text: string, index: number): boolean {
  const from = Math.max(0, index - 60);
  const match = NAME_JUST_BEFORE.exec(text.slice(from, index));
  if (match === null) {
    return false;
  }
  const [, initials, initial, surname, first, second] = match;
  if (initials !== undefined) {
    return !ABBREVIATIONS.has(initials.replace(/\./g, '').toLowerCase());
  }
  if (initial !== undefined && surname !== undefined) {
    return isInitialAndSurname(
      text,
      from + match.index + match[0].search(/\p{L}/u),
      initial,
      surname,
    );
  }
  return first !== undefined && second !== undefined && isNamePair(first, second);
}

/**
 * "JS 12 Mar 1950", "J Smithers 12/03/50": initials or a name right before a full date that is
 * not in the future. A future date after initials is a booking ("1:1 with JS 10/12/2026").
 */
export function containsNameBeforeDate(
  text: string,
  dates: readonly FoundDate[],
  now: DateTime,
): boolean {
  const today = todayNumber(now);
  return dates.some((d) => d.full && d.day <= today && nameJustBefore(text, d.start));
}

/** A person-name field holds only a name: letters, spaces, hyphens, apostrophes, dots. */
const PLAIN_NAME = /^(?:\p{L}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{L}[\p{L}\p{M}'’.-]*)*)?$/u;

export function isPlainName(text: string): boolean {
  return PLAIN_NAME.test(text.trim());
}
