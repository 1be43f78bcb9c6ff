/**
 * One written form for the identifier rules to read. People (and copy and paste) write the same
 * identifier many ways: full-width digits from an East Asian keyboard, Arabic-Indic or Devanagari
 * digits, non-breaking or thin spaces, en dashes, zero-width joiners slipped between digits.
 * After this, every decimal digit is 0-9, every space is ' ', every dash is '-', and invisible
 * format characters are gone (beside a digit, they become a space), so each rule needs only ASCII
 * patterns.
 */

const DECIMAL_DIGIT = /\p{Nd}/u;
const NON_ASCII_DIGITS = /(?![0-9])\p{Nd}/gu;
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Beside a digit, an invisible character still splits it from the next: "5.1\u200b9" is not 5.19. */
const FORMAT_CHARACTERS_BY_DIGITS = /(?<=\p{Nd})\p{Cf}+|\p{Cf}+(?=\p{Nd})/gu;
const SPACES = /\p{Zs}/gu;
const DASHES = /\p{Pd}/gu;

/**
 * Unicode assigns every decimal digit in a contiguous run from zero to nine (a stability policy),
 * and runs that touch (the mathematical digits) each hold ten, so a digit's value is its distance
 * from the start of its run, modulo ten.
 */
function digitValue(digit: string): string {
  const codePoint = digit.codePointAt(0) ?? 0;
  let start = codePoint;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) {
    start -= 1;
  }
  return String((codePoint - start) % 10);
}

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(FORMAT_CHARACTERS_BY_DIGITS, ' ')
    .replace(FORMAT_CHARACTERS, '')
    .replace(NON_ASCII_DIGITS, digitValue)
    .replace(SPACES, ' ')
    .replace(DASHES, '-');
}
