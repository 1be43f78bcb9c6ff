/**
 * NHS numbers are 10 digits; the 10th is a modulus 11 check digit over the first nine
 * (weights 10 down to 2). The bot never wants one, so it uses these checks to refuse them.
 */
export function isValidNhsNumber(candidate: string): boolean {
  const digits = candidate.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    sum += Number(digits[i]) * (10 - i);
  }
  const remainder = sum % 11;
  const check = 11 - remainder;
  if (check === 10) {
    return false;
  }
  const expected = check === 11 ? 0 : check;
  return expected === Number(digits[9]);
}

/** True when any 10-digit run in the text (spaced 3-3-4, hyphenated or solid) is a valid NHS number. */
export function containsNhsNumber(text: string): boolean {
  const runs = text.match(/\d{3}[\s-]?\d{3}[\s-]?\d{4}/g) ?? [];
  return runs.some(isValidNhsNumber);
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
