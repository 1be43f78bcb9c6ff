import { buildLanguageContext } from '../../../../src/domain/referral/language/language-context';
import { readReferralText } from '../../../../src/domain/referral/language/read-referral-text';
import type { ReferralAnswers } from '../../../../src/domain/referral/referral-answers';
import { examplePcn } from '../../../helpers/pcn';

const ctx = buildLanguageContext(examplePcn());
const read = (text: string): ReferralAnswers => readReferralText(text, ctx).answers;

describe('reading an opening message', () => {
  it('reads every answer a full description holds', () => {
    expect(
      readReferralText(
        '71M riverside, T2DM + HTN, wants to lose weight, not very confident, PAM 2, happy to be contacted',
        ctx,
      ),
    ).toEqual({
      answers: {
        adult: true,
        practice: 'Y00001',
        conditions: ['type-2-diabetes', 'hypertension'],
        needs: ['behaviour'],
        confidence: 2,
        pamLevel: 2,
        consent: 'yes',
      },
      heard: [
        { question: 'adult', words: ['71M'] },
        { question: 'practice', words: ['riverside'] },
        { question: 'conditions', words: ['T2DM', 'HTN'] },
        { question: 'needs', words: ['lose weight'] },
        { question: 'confidence', words: ['not very confident'] },
        { question: 'pamLevel', words: ['PAM 2'] },
        { question: 'consent', words: ['happy to be contacted'] },
      ],
    });
  });

  it('answers nothing the text does not give, and never the red-flag question', () => {
    expect(read('should I refer this pt?')).toEqual({});
    expect(read('HC or SPLW?? coach, SP or care co-ord?')).toEqual({});
    expect(read('T2DM, chest pain since this morning, thinking of ending his life')).toEqual({
      conditions: ['type-2-diabetes'],
    });
  });

  it('leaves a question unanswered when the text answers it two ways', () => {
    expect(read('happy for a call, declines referral')).toEqual({});
    expect(read('very confident, not confident at all')).toEqual({});
  });

  // Phrasings written for these tests, not taken from the corpus.
  it.each<[string, ReferralAnswers]>([
    [
      '62 yo female with asthma and anxiety, lives on her own, feels isolated, wd like a call',
      {
        adult: true,
        conditions: ['respiratory', 'low-mood'],
        needs: ['social'],
        consent: 'yes',
      },
    ],
    [
      '58, T2DM poorly controlled, keen to lose weight, ok for HC to phone him',
      { adult: true, conditions: ['type-2-diabetes'], needs: ['behaviour'], consent: 'yes' },
    ],
    [
      'pre-diabetic, BMI 29, wants to get fitter, not asked re referral',
      { conditions: ['at-risk'], needs: ['behaviour'], consent: 'not-asked' },
    ],
    [
      'Hx of MI and CVA, wants to improve her diet',
      { conditions: ['cardiovascular'], needs: ['behaviour'] },
    ],
    [
      'Depressed and lonely after bereavement, 83M, doesnt want to be referred',
      { adult: true, conditions: ['low-mood'], needs: ['social'], consent: 'no' },
    ],
    [
      'hypertensive 45 yr old, consents to HC referral',
      { adult: true, conditions: ['hypertension'], consent: 'yes' },
    ],
    ['aged 16, T1DM, poor control', { adult: false, conditions: ['type-1-diabetes'] }],
    ['COPD; no carer; lives alone', { conditions: ['respiratory'], needs: ['social'] }],
    ['not yet consented, COPD', { conditions: ['respiratory'], consent: 'not-asked' }],
    [
      'keen on coaching, hypertension, riversdie surgery',
      { conditions: ['hypertension'], consent: 'yes', practice: 'Y00001' },
    ],
    [
      'COPD and heart failure, multiple teams, frequent admissions',
      { conditions: ['respiratory', 'cardiovascular'], needs: ['coordination'] },
    ],
    [
      'works full time, carer for her mum, exhausted, registered at Market Street',
      { needs: ['carer'], practice: 'Y00003' },
    ],
    [
      'COPD, declined statins, happy to be contacted',
      { conditions: ['respiratory'], consent: 'yes' },
    ],
    [
      'T2DM, her mobility has declined, agrees to a call',
      { conditions: ['type-2-diabetes'], consent: 'yes' },
    ],
    [
      'no PMH, just wants to stop drinking, 30M',
      { adult: true, conditions: ['none'], needs: ['behaviour'] },
    ],
    [
      'over 65, frail, several services',
      { adult: true, conditions: ['frailty'], needs: ['coordination'] },
    ],
    ['PAM not done, HTN', { conditions: ['hypertension'], pamLevel: null }],
    ['in her early seventies, AF', { adult: true, conditions: ['cardiovascular'] }],
    ['she is lovely but lonely', { needs: ['social'] }],
    ['might benefit from a coach, T2DM', { conditions: ['type-2-diabetes'] }],
    ['?asthma, lonely', { needs: ['social'] }],
    ['not keen on a referral yet but lonely', { consent: 'no', needs: ['social'] }],
    ['she lives with her husband who has COPD; she has OA', { conditions: ['musculoskeletal'] }],
  ])('"%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each<[string, ReferralAnswers]>([
    [
      'COPD, refuses to engage with pulm rehab, would consider coaching',
      { conditions: ['respiratory'] },
    ],
    ['NDH, declined statins', { conditions: ['at-risk'] }],
    ['not keen on a call about her meds', { consent: 'no' }],
    ['agrees to start insulin, T1DM', { conditions: ['type-1-diabetes'] }],
    [
      'Parkinsons, falls, wife is carer, care plan needed',
      { conditions: ['other-ltc', 'frailty'], needs: ['coordination'] },
    ],
    ['has carers twice a day, frail', { conditions: ['frailty'] }],
    [
      '58 y.o. male, T2DM, happy to speak to coach',
      { adult: true, conditions: ['type-2-diabetes'], consent: 'yes' },
    ],
    [
      'no significant medical history, wants to get fit',
      { conditions: ['none'], needs: ['behaviour'] },
    ],
    ['wants to cut back on booze, HTN', { conditions: ['hypertension'], needs: ['behaviour'] }],
  ])('more phrasings, about other treatments and other carers too: "%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('keeps "none" only when nothing else is named', () => {
    expect(read('no LTCs, BMI 34')).toEqual({ conditions: ['weight'] });
    expect(read('managing well, lonely')).toEqual({ needs: ['social'] });
  });

  it('counts a condition the PCN does not list as its "another long-term condition"', () => {
    const small = buildLanguageContext(
      examplePcn((raw) => {
        const referral = raw.referral as { conditions: Array<{ id: string }> };
        referral.conditions = referral.conditions.filter((c) => c.id !== 'ckd');
      }),
    );
    expect(readReferralText('CKD and HTN', small).answers).toEqual({
      conditions: ['other-ltc', 'hypertension'],
    });
  });
});
