import { phoneSpans, type Span } from './phone-and-email';

/**
 * Finds every 10-digit number in (normalised) text however it is written: solid, 3-3-4, 5-5,
 * one digit at a time, with spaces, dots, slashes, hyphens or underscores between the groups.
 *
 * How: digit groups that stand alone (not glued to a letter, as in an id like "3c45") join
 * into a chain across gaps of one to three separator characters; every run of whole groups in a
 * chain that holds exactly ten digits is a candidate. Before that, spans that are something else
 * with a known shape are blanked out so their digits never join a chain: phone numbers, dates
 * ("2026-12-10 14:00" is not ten digits of anything), clock times written with a dot, and
 * hexadecimal ids.
 */

/** Between two groups of one number: "943 476 5919", "943.476.5919", "943 - 476 - 5919". */
const GROUP_GAP = /^[\s./_-]{1,3}$/;

/** Letters just before digits that label them, not glue them: "NHS9434765919", "no.943". */
const LABEL_BEFORE_DIGITS = /(?:^|\P{L})(?:nhs|no|num|number)$/iu;

/** A date of one separator, 12/03/1950, 12-3-50, 1950.03.12, not part of a longer chain. */
const DATE_SHAPES: readonly RegExp[] = [
  /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/g,
  /(?<!\d)(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?!\d)/g,
];

/** A hexadecimal id with letters and digits ("0000000000a1", the end of a GUID): not a number. */
const HEX_ID = /(?<![0-9A-Za-z])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{11,}(?![0-9A-Za-z])/g;

/** One digit ten times ("000 000 0000") passes the check but is a placeholder, never issued. */
const PLACEHOLDER = /^(\d)\1{9}$/;

/** A clock time with a dot, 09.30, not part of a longer chain. */
const DOT_TIME = /(?<![\d.])(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d]|\.\d)/g;

export interface TenDigitCandidate {
  digits: string;
  start: number;
  end: number;
}

interface DigitGroup {
  digits: string;
  start: number;
  end: number;
  /** Glued to a letter or '+' on either side: checked alone, never joined. */
  attached: boolean;
}

/** Modulus 11 over the first nine digits (weights 10 down to 2) gives the tenth. */
export function hasValidNhsCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    sum += Number(digits[i]) * (10 - i);
  }
  const check = 11 - (sum % 11);
  if (check === 10) {
    return false;
  }
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function dateSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of DATE_SHAPES) {
    for (const match of text.matchAll(pattern)) {
      const separator = match[2] ?? '';
      const start = match.index;
      const end = start + match[0].length;
      const before = text.slice(Math.max(0, start - 2), start);
      const after = text.slice(end, end + 2);
      const continues =
        (before.length === 2 && before[1] === separator && /\d/.test(before[0] ?? '')) ||
        (after[0] === separator && /\d/.test(after[1] ?? ''));
      if (!continues) {
        spans.push({ start, end });
      }
    }
  }
  return spans;
}

function spansOf(pattern: RegExp, text: string): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function digitCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).replace(/\D/g, '').length;
}

/** The text with other-shaped numbers replaced by letters, so their digits stay out of chains. */
function blankOtherNumbers(text: string): string {
  // UTF-16 code units, so indices match the regex indices; the spans themselves are ASCII.
  const units = text.split('');
  const spans = [
    // A "phone number" of ten digits (0 and nine more) may be an NHS number: it stays.
    ...phoneSpans(text).filter((span) => digitCount(text, span) !== 10),
    ...dateSpans(text),
    ...spansOf(DOT_TIME, text),
    ...spansOf(HEX_ID, text),
  ];
  for (const span of spans) {
    units.fill('x', span.start, span.end);
  }
  return units.join('');
}

function isGlue(char: string | undefined): boolean {
  return char !== undefined && (char === '+' || /\p{L}/u.test(char));
}

function digitGroups(text: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  for (const match of text.matchAll(/\d+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const labelled = LABEL_BEFORE_DIGITS.test(text.slice(Math.max(0, start - 8), start));
    const attached = (!labelled && isGlue(text[start - 1])) || isGlue(text[end]);
    groups.push({ digits: match[0], start, end, attached });
  }
  return groups;
}

/** Every way the text holds exactly ten digits as whole groups of one written number. */
export function tenDigitCandidates(text: string): TenDigitCandidate[] {
  const blanked = blankOtherNumbers(text);
  const groups = digitGroups(blanked);
  const candidates: TenDigitCandidate[] = [];
  let chain: DigitGroup[] = [];
  const flush = (): void => {
    for (let i = 0; i < chain.length; i += 1) {
      let digits = '';
      for (let j = i; j < chain.length && digits.length < 10; j += 1) {
        const group = chain[j];
        if (group === undefined) {
          break;
        }
        digits += group.digits;
        const first = chain[i];
        if (digits.length === 10 && first !== undefined) {
          candidates.push({ digits, start: first.start, end: group.end });
        }
      }
    }
    chain = [];
  };
  for (const group of groups) {
    if (group.attached) {
      flush();
      if (group.digits.length === 10) {
        candidates.push({ digits: group.digits, start: group.start, end: group.end });
      }
      continue;
    }
    const previous = chain[chain.length - 1];
    if (previous !== undefined && !GROUP_GAP.test(blanked.slice(previous.end, group.start))) {
      flush();
    }
    chain.push(group);
  }
  flush();
  return candidates;
}

/** "NHS", "NHS no", "NHS number" close before or after a number. */
const NHS_LABEL = /\bnhs\b/i;

function numbersIn(text: string): TenDigitCandidate[] {
  return tenDigitCandidates(text).filter((c) => !PLACEHOLDER.test(c.digits));
}

export function containsValidNhsNumber(text: string): boolean {
  return numbersIn(text).some((c) => hasValidNhsCheckDigit(c.digits));
}

/** Ten digits labelled as an NHS number, whatever their check digit: "NHS no 9434765918". */
export function containsLabelledNhsNumber(text: string): boolean {
  return numbersIn(text).some(
    (c) =>
      NHS_LABEL.test(text.slice(Math.max(0, c.start - 25), c.start)) ||
      NHS_LABEL.test(text.slice(c.end, c.end + 15)),
  );
}
