/**
 * Observations that are an emergency by themselves: the NEWS2 single-parameter red scores
 * (Royal College of Physicians, 2017), which call for an urgent clinical response on their own,
 * plus a temperature of 40 or more and a blood glucose below 3 or of 30 or more. A number is
 * read when it follows the name within three words of the same clause ("sats 85%", "sats down
 * to 84", "BP 85/50" reads the systolic).
 * Scale 2 SpO2 targets (88-92% in some COPD) are not applied: a referral message does not say
 * which scale applies, and this errs towards escalating.
 */
export interface VitalSignRule {
  /** Names as typed, in the phrase language (phrase-patterns.ts). */
  readonly names: readonly string[];
  /** Emergency at or below this value. */
  readonly atOrBelow?: number;
  /** Emergency at or above this value. */
  readonly atOrAbove?: number;
  /** Values outside this range are not this observation ("sats 2 days ago"). */
  readonly plausible: readonly [number, number];
}

export const VITAL_SIGN_WORDS = 3;

export const DEFAULT_VITAL_SIGNS: readonly VitalSignRule[] = [
  {
    names: [
      'sats',
      'spo2',
      '(o2|oxygen) (sats|saturation|saturations)',
      'saturations',
      'saturating',
    ],
    atOrBelow: 91,
    plausible: [50, 100],
  },
  {
    names: ['rr', 'resp rate', 'resps', 'respiratory rate'],
    atOrBelow: 8,
    atOrAbove: 25,
    plausible: [3, 80],
  },
  {
    names: ['hr', 'pulse', 'heart rate'],
    atOrBelow: 40,
    atOrAbove: 131,
    plausible: [20, 250],
  },
  {
    names: ['bp', 'blood pressure', 'sbp', 'systolic'],
    atOrBelow: 90,
    atOrAbove: 220,
    plausible: [50, 300],
  },
  {
    names: ['temp', 'temperature'],
    atOrBelow: 35,
    atOrAbove: 40,
    plausible: [30, 45],
  },
  {
    // Blood glucose in mmol/L: below 3.0 is a level 2 hypoglycaemia; 30 or more reads "HI" on
    // many meters. mg/dL values fall outside the plausible range and are not read.
    names: [
      'bm',
      'bms',
      'cbg',
      'blood sugar',
      'blood sugars',
      'blood glucose',
      'glucose',
      'sugar',
      'sugars',
    ],
    atOrBelow: 2.9,
    atOrAbove: 30,
    plausible: [0.5, 60],
  },
  {
    names: ['gcs'],
    atOrBelow: 14,
    plausible: [3, 15],
  },
];
