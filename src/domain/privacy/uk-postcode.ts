/**
 * Full UK postcodes ("LS1 4AP", "SW1A 1AA", "ls14ap"): an outward code whose letters are a real
 * postcode area, then an inward code (a digit and two letters, never C, I, K, M, O or V). Only the
 * area list keeps "T2DM", "X2 3RD" or "PHQ9" from reading as postcodes; "B12" has no inward code.
 * An outward code alone ("LS1") names thousands of homes, so it is not refused.
 */

/** The 126 postcode areas: the UK and Crown dependencies, and the non-geographic BF and BX. */
export const POSTCODE_AREAS: ReadonlySet<string> = new Set(
  (
    'AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN ' +
    'DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L ' +
    'LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA ' +
    'SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS ' +
    'WV YO ZE'
  ).split(' '),
);

export const POSTCODE_PATTERN =
  /(?<![\p{L}\p{N}])([A-Za-z]{1,2})\d[A-Za-z\d]?[ \t]{0,2}(\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\p{L}\p{N}])/gu;

/** "B12 3rd dose", "M25 5th": a lower-case ordinal after an outward code is not a postcode. */
const ORDINAL = /^(?:1st|2nd|3rd|[04-9]th)$/;

export function containsPostcode(text: string): boolean {
  for (const match of text.matchAll(POSTCODE_PATTERN)) {
    const area = (match[1] ?? '').toUpperCase();
    if (POSTCODE_AREAS.has(area) && !ORDINAL.test(match[2] ?? '')) {
      return true;
    }
  }
  return false;
}
