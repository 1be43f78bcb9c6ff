/**
 * Referral references such as `HC-7K3Q`: a digit, a letter, a digit, a letter. The letters are
 * consonants only (no vowels, no Y) and never two together, so no word or set of initials can
 * appear; digits and letters that are easily confused (0/O, 1/I/L) are left out, and four
 * characters of this shape can never read as a date.
 */
export const REFERENCE_DIGITS = '23456789';
export const REFERENCE_LETTERS = 'BCDFGHJKMNPQRSTVWXZ';
export const REFERENCE_PATTERN = /^HC-[2-9][BCDFGHJKMNPQRSTVWXZ][2-9][BCDFGHJKMNPQRSTVWXZ]$/;

/** How many references there are: 8 × 19 × 8 × 19. */
export const REFERENCE_SPACE = REFERENCE_DIGITS.length ** 2 * REFERENCE_LETTERS.length ** 2;

/** A random source: a whole number from 0 to below `max`. */
export type RandomInt = (max: number) => number;

const pick = (alphabet: string, random: RandomInt): string =>
  alphabet.charAt(random(alphabet.length));

/** A new reference from the random source. Uniqueness is the store's job (a create that fails). */
export function newReference(random: RandomInt): string {
  return `HC-${pick(REFERENCE_DIGITS, random)}${pick(REFERENCE_LETTERS, random)}${pick(REFERENCE_DIGITS, random)}${pick(REFERENCE_LETTERS, random)}`;
}

/** A reference as someone typed it ("hc 7k3q", "7K3Q"), or undefined when it is not one. */
export function readReference(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const candidate = compact.startsWith('HC') ? `HC-${compact.slice(2)}` : `HC-${compact}`;
  return REFERENCE_PATTERN.test(candidate) ? candidate : undefined;
}
