import type { PhraseField } from './phrases';

/** One thing found in a message: a vocabulary phrase, an age, a BMI, a PAM level. */
export interface Hit {
  field: PhraseField;
  value: string;
  /** The tokens that spelt it, and the first and last of them. */
  tokens: readonly number[];
  first: number;
  last: number;
  /** A negation in front of it denies it ("no diabetes", "wasn't keen"). */
  negated: boolean;
  /** For an age: the ages it allows ("71M" is 71 to 71, "over 18" 18 and up). */
  age?: { atLeast?: number; below?: number };
}
