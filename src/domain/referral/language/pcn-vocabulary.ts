import { z } from 'zod';
import { CONSENT, NEEDS } from '../referral-answers';

const phrases = z.array(z.string().trim().min(1).max(120)).max(500);

/**
 * Words a PCN adds to the default vocabulary in its configuration file (`referral.vocabulary`):
 * local names, abbreviations and phrases. Keys are checked against the file's own condition ids
 * and practice ODS codes in pcn-config.ts.
 */
export const pcnVocabularySchema = z.strictObject({
  /** Condition id from `referral.conditions`, or `at-risk` or `none`, to words. */
  conditions: z.record(z.string(), phrases).optional(),
  needs: z.partialRecord(z.enum(NEEDS), phrases).optional(),
  confidence: z.partialRecord(z.enum(['1', '2', '3', '4']), phrases).optional(),
  consent: z.partialRecord(z.enum(CONSENT), phrases).optional(),
  /** An ODS code from `practices`, or `not-registered`, to words (local names, old names). */
  practices: z.record(z.string(), phrases).optional(),
  adult: z.partialRecord(z.enum(['yes', 'no']), phrases).optional(),
  /** Phrases that mean nothing for a referral, so their words are not read as answers. */
  ignore: phrases.optional(),
});

export type PcnVocabulary = z.infer<typeof pcnVocabularySchema>;
