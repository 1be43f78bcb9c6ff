import { readAges } from '../../../../src/domain/referral/language/ages';
import { buildLanguageContext } from '../../../../src/domain/referral/language/language-context';
import {
  readNumberAt,
  readWholeNumber,
} from '../../../../src/domain/referral/language/number-words';
import { readReferralText } from '../../../../src/domain/referral/language/read-referral-text';
import { tokenise } from '../../../../src/domain/referral/language/tokenise';
import { isMisspelling } from '../../../../src/domain/referral/language/word-match';
import type { ReferralAnswers } from '../../../../src/domain/referral/referral-answers';
import { examplePcn } from '../../../helpers/pcn';

const ctx = buildLanguageContext(examplePcn());
const read = (text: string): ReferralAnswers => readReferralText(text, ctx).answers;
const none = new Set<string>();

describe('normalising text', () => {
  it('lower-cases, drops apostrophes, reads British spelling and GP shorthand', () => {
    expect(tokenise("Doesn't like the Behavior center, v keen, appts").map((t) => t.norm)).toEqual([
      'doesnt',
      'like',
      'the',
      'behaviour',
      'centre',
      ',',
      'very',
      'keen',
      ',',
      'appointments',
    ]);
  });

  it('treats "&", "+", "and" and "w/" as list joiners, and " - " and "but" as breaks', () => {
    const tokens = tokenise('COPD & AF + HTN w/ CKD - lonely but ok');
    expect(tokens.filter((t) => t.joiner).map((t) => t.raw)).toEqual(['&', '+', 'w/']);
    expect(tokens.filter((t) => t.kind === 'break').map((t) => t.norm)).toEqual(['-', 'but']);
  });

  it('reads "18+" as 18 plus, ">30" as over 30 and "y/o" as years old', () => {
    expect(tokenise('18+ BMI >30 71 y/o').map((t) => t.norm)).toEqual([
      '18',
      'plus',
      'bmi',
      'over',
      '30',
      '71',
      'yo',
    ]);
  });
});

describe('misspellings', () => {
  it.each([
    ['hypertention', 'hypertension'],
    ['diabtes', 'diabetes'],
    ['riversdie', 'riverside'],
    ['hillveiw', 'hillview'],
    ['lonley', 'lonely'],
    ['fibromyalgai', 'fibromyalgia'],
  ])('"%s" is "%s"', (typed, word) => {
    expect(isMisspelling(typed, word, none)).toBe(true);
  });

  it.each([
    ['of', 'af', 'short words and abbreviations are never guessed'],
    ['ms', 'ms', 'the same word is not a misspelling'],
    ['lovely', 'lonely', 'a different letter in a short word is another word'],
    ['spent', 'stent', 'a different letter in a short word is another word'],
    ['benefit', 'benefits', 'a plural is not a misspelling'],
    ['career', 'carer', 'listed as never guessed'],
    ['diabetes', 'hiabetes', 'the first letter must agree'],
  ])('"%s" is not "%s" (%s)', (typed, word) => {
    expect(isMisspelling(typed, word, none)).toBe(false);
  });

  it('reads misspelt conditions and practices in a sentence', () => {
    expect(read('hypertention and diabtes, riversdie')).toEqual({
      conditions: ['hypertension', 'type-2-diabetes'],
      practice: 'Y00001',
    });
  });
});

describe('abbreviations', () => {
  it('"AF" is atrial fibrillation, "of" never is', () => {
    expect(read('68M with AF')).toEqual({ adult: true, conditions: ['cardiovascular'] });
    expect(read('history of copd, 50F')).toEqual({ adult: true, conditions: ['respiratory'] });
  });

  it('"MS" in capitals is multiple sclerosis; "ms" or "Ms" in a sentence is not', () => {
    expect(read('45F with MS')).toEqual({ adult: true, conditions: ['other-ltc'] });
    expect(read('Ms Jones, lonely')).toEqual({ needs: ['social'] });
    expect(read('seen in 20 ms')).toEqual({});
  });

  it('"DM" in capitals is diabetes; "dm me" is not', () => {
    expect(read('HTN and DM')).toEqual({ conditions: ['hypertension', 'type-2-diabetes'] });
    expect(read('dm me later')).toEqual({});
  });

  it('reads a stage stuck to an abbreviation ("CKD3a")', () => {
    expect(read('CKD3a')).toEqual({ conditions: ['ckd'] });
  });
});

describe('negation windows', () => {
  it.each<[string, ReferralAnswers]>([
    ['no diabetes', {}],
    ['no diabetes or hypertension, BMI 33', { conditions: ['weight'] }],
    ['not depressed, just wants to lose weight', { needs: ['behaviour'] }],
    ['no LTCs', { conditions: ['none'] }],
    ['no LTCs and not at risk', { conditions: ['none'] }],
    // "At risk" alone may be about anyone in a sentence; at the conditions question it is an answer.
    ['not at risk', {}],
    ['not confident at all', { confidence: 1 }],
    ["isn't confident at all", { confidence: 1 }],
    ['not very confident', { confidence: 2 }],
    ['not v confident', { confidence: 2 }],
    ['v confident', { confidence: 4 }],
    ['no he doesnt want anyone ringing him', { consent: 'no' }],
    ["wasn't keen when I mentioned the coach", { consent: 'no' }],
    ['not keen on meds, happy for a call', { consent: 'yes' }],
    ["hasn't been asked", { consent: 'not-asked' }],
    ['not managing well', {}],
    // The window ends at a comma: "no family nearby" denies nothing after it.
    ['no family nearby, lonely', { needs: ['social'] }],
    // And after a few words.
    ['no time for herself and lonely', { needs: ['social'] }],
  ])('"%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('other people', () => {
  it.each<[string, ReferralAnswers]>([
    ['carer for her husband with dementia', { needs: ['carer'] }],
    [
      'looks after his wife who has MS, his own T2DM is slipping',
      { needs: ['carer'], conditions: ['type-2-diabetes'] },
    ],
    ['child with asthma', { adult: false, conditions: ['respiratory'] }],
    ['her child has asthma; she has OA', { conditions: ['musculoskeletal'] }],
    ['her 15 year old son has asthma, 44F', { adult: true }],
    ['family history of diabetes', {}],
  ])('"%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('numbers and ages', () => {
  it('reads numbers in digits and in words', () => {
    const at = (text: string): number | undefined => readNumberAt(tokenise(text), 0)?.value;
    expect(at('71')).toBe(71);
    expect(at('seventy-one')).toBe(71);
    expect(at('eighty two')).toBe(82);
    expect(at('a hundred and two')).toBe(102);
    expect(at('forty')).toBe(40);
    expect(readWholeNumber(tokenise('option 2'))).toBe(2);
    expect(readWholeNumber(tokenise('this one'))).toBeUndefined();
  });

  it.each<[string, { atLeast?: number; below?: number } | undefined]>([
    ['71yo', { atLeast: 71, below: 72 }],
    ['71 y/o', { atLeast: 71, below: 72 }],
    ['71M', { atLeast: 71, below: 72 }],
    ['54F', { atLeast: 54, below: 55 }],
    ['aged 71', { atLeast: 71, below: 72 }],
    ['a 63 year old woman', { atLeast: 63, below: 64 }],
    ['seventy-one year old', { atLeast: 71, below: 72 }],
    ['in his 70s', { atLeast: 70, below: 80 }],
    ['in her early fifties', { atLeast: 50, below: 60 }],
    ['over 18', { atLeast: 18 }],
    ['18+', { atLeast: 18 }],
    ['under 18s', { below: 18 }],
    ['15 year old', { atLeast: 15, below: 16 }],
    ['lonely widower, 79, COPD', { atLeast: 79, below: 80 }],
    ['stopped 12m ago', undefined],
    ['under 4 specialties', undefined],
    ['BMI over 30', undefined],
    ['CKD 3 and HTN', undefined],
  ])('"%s"', (text, age) => {
    expect(readAges(tokenise(text))[0]?.age).toEqual(age);
  });

  it('turns an age into adult or not against the PCN minimum', () => {
    expect(read('15 year old')).toEqual({ adult: false });
    expect(read('17F')).toEqual({ adult: false });
    expect(read('18M')).toEqual({ adult: true });
    const older = buildLanguageContext(
      examplePcn((raw) => {
        (raw.referral as Record<string, unknown>).minimumAge = 25;
      }),
    );
    expect(readReferralText('21M', older).answers).toEqual({ adult: false });
    expect(readReferralText('over 18', older).answers).toEqual({});
  });

  it('reads a BMI at or over 30 as the weight condition, and an HbA1c of 42 to 47 as at risk', () => {
    expect(read('BMI 36')).toEqual({ conditions: ['weight'] });
    expect(read('BMI 27')).toEqual({});
    expect(read('HbA1c 44')).toEqual({ conditions: ['at-risk'] });
    expect(read('HbA1c 78')).toEqual({});
  });

  it('reads PAM levels, and "level 2" alone only at the PAM question', () => {
    expect(read('PAM 2')).toEqual({ pamLevel: 2 });
    expect(read('pam3')).toEqual({ pamLevel: 3 });
    expect(read('PAM level two')).toEqual({ pamLevel: 2 });
    expect(read('level 2')).toEqual({});
  });
});
