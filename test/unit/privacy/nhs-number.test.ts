import {
  containsNhsNumber,
  findPatientIdentifier,
  isValidNhsNumber,
} from '../../../src/domain/nhs-number';

/** src/domain/nhs-number.ts answers as it did before the identifier guard, through its scanner. */
describe('NHS number check (modulus 11)', () => {
  it.each([
    ['9434765919', true],
    ['943 476 5919', true],
    ['943-476-5919', true],
    ['4010232137', true],
    ['9434765918', false], // wrong check digit
    ['1234567890', false], // check digit would be 10: never issued
    ['943476591', false], // nine digits
    ['94347659190', false], // eleven digits
    ['abcdefghij', false],
  ])('%s is valid: %s', (candidate, expected) => {
    expect(isValidNhsNumber(candidate)).toBe(expected);
  });

  it('finds a valid NHS number inside a sentence in every written form, and ignores other numbers and GUIDs', () => {
    expect(containsNhsNumber('patient is 943 476 5919, aged 50')).toBe(true);
    expect(containsNhsNumber('943.476.5919')).toBe(true);
    expect(containsNhsNumber('9 4 3 4 7 6 5 9 1 9')).toBe(true);
    expect(containsNhsNumber('call 01632 960001 for the duty doctor')).toBe(false);
    expect(containsNhsNumber('aaaaaaaa-0000-0000-0000-000000000001')).toBe(false);
  });

  it('names the kind of identifier found, of its two kinds', () => {
    expect(findPatientIdentifier('dob 01/02/1960')).toBe('date');
    expect(findPatientIdentifier('4010232137')).toBe('nhs-number');
    expect(findPatientIdentifier('943 476 5919')).toBe('nhs-number');
    expect(findPatientIdentifier('type 2 diabetes')).toBeUndefined();
  });
});
