import { containsValidNhsNumber, hasValidNhsCheckDigit } from './privacy/nhs-number-scan';
import { normaliseText } from './privacy/normalise-text';

/**
 * NHS numbers are 10 digits; the 10th is a modulus 11 check digit over the first nine
 * (weights 10 down to 2). The bot never wants one, so it uses these checks to refuse them.
 */
export function isValidNhsNumber(candidate: string): boolean {
  return hasValidNhsCheckDigit(candidate.replace(/[\s-]/g, ''));
}

/**
 * True when the text holds a valid NHS number in any written form (see privacy/nhs-number-scan:
 * spaced, dotted, slashed, one digit at a time, any script's digits).
 */
export function containsNhsNumber(text: string): boolean {
  return containsValidNhsNumber(normaliseText(text));
}

/** A full date such as 12/03/1950, 12-3-50 or 1950-03-12: in this product, likely a date of birth. */
export function containsFullDate(text: string): boolean {
  return /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(text) || /\b\d{4}-\d{2}-\d{2}\b/.test(text);
}

export type IdentifierKind = 'nhs-number' | 'date';

/** What kind of patient identifier the text seems to hold, if any. */
export function findPatientIdentifier(text: string): IdentifierKind | undefined {
  if (containsNhsNumber(text)) {
    return 'nhs-number';
  }
  if (containsFullDate(text)) {
    return 'date';
  }
  return undefined;
}
