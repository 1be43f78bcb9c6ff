/**
 * Phone numbers and email addresses, as patterns. Every pattern is linear: each repetition
 * consumes characters and is bounded, and each starts only where a token starts (a lookbehind),
 * so a long line without a match costs one pass.
 */

/** The rest of a number after its area or mobile code: "496 0000", "900123", "-496-0000". */
const SUBSCRIBER = '(?:[ -]?\\d{3,4}[ -]?\\d{3,4}|[ -]?\\d{5,8})';

/**
 * Phone numbers as they are grouped: an area or mobile code of three to five digits starting
 * with 0 and not 00 (020, 0113, 01632, 07700), in brackets or not, then the rest in one or two groups; or
 * an international number (+44 7700 900123, +44 (0)113 496 0000, 0044 ...). A match counts only
 * with a phone number's count of digits (see containsPhoneNumber), never inside a longer number.
 */
export const PHONE_PATTERNS: readonly RegExp[] = [
  new RegExp(`(?<![\\d+])(?:\\(0[1-9]\\d{1,3}\\)|0[1-9]\\d{1,3})${SUBSCRIBER}(?!\\d)`, 'g'),
  new RegExp(
    // Lazy, so a number written just after ("+44 7700 900123 100 sessions") is not swallowed.
    `(?<![\\d+])(?:\\+|\\b00)[ ]?[1-9]\\d{0,2}(?:[ ]?\\(0\\))?(?:[ -]?\\d){7,13}?(?!\\d)`,
    'g',
  ),
];

/** National numbers have 10 or 11 digits; international ones 8 to 15 after the + or 00. */
function hasPhoneDigitCount(written: string): boolean {
  const digits = written.replace(/\D/g, '').length;
  if (written.startsWith('+')) {
    return digits >= 8 && digits <= 15;
  }
  if (written.startsWith('00')) {
    return digits >= 10 && digits <= 17;
  }
  return digits >= 10 && digits <= 11;
}

export interface Span {
  start: number;
  end: number;
}

export function phoneSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of PHONE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (hasPhoneDigitCount(match[0])) {
        spans.push({ start: match.index, end: match.index + match[0].length });
      }
    }
  }
  return spans;
}

export function containsPhoneNumber(text: string): boolean {
  return phoneSpans(text).length > 0;
}

/** A mailbox, in any script: local part, @, a domain of at least two labels. */
export const EMAIL_PATTERN =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@([\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})+)/gu;

/**
 * Teams and Skype conversation ids look like addresses ("19:abc@thread.tacv2") but name a chat,
 * not a person, so they are not refused.
 */
export const CONVERSATION_ID_DOMAINS: readonly string[] = [
  'thread.tacv2',
  'thread.v2',
  'thread.skype',
  'unq.gbl.spaces',
];

export function containsEmailAddress(text: string): boolean {
  if (!text.includes('@')) {
    return false;
  }
  for (const match of text.matchAll(EMAIL_PATTERN)) {
    const domain = (match[1] ?? '').toLowerCase();
    if (!CONVERSATION_ID_DOMAINS.includes(domain)) {
      return true;
    }
  }
  return false;
}
