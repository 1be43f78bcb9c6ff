import { assessReferral, type Assessment } from '../../../src/domain/referral/referral-rules';
import type { ReferralAnswers } from '../../../src/domain/referral/referral-answers';
import { examplePcn } from '../../helpers/pcn';

const criteria = examplePcn().referral;

/** A typical coaching referral: every answer given. */
const coachFit: ReferralAnswers = {
  redFlag: false,
  adult: true,
  practice: 'Y00001',
  conditions: ['type-2-diabetes'],
  needs: ['behaviour'],
  confidence: 2,
  pamLevel: null,
  consent: 'yes',
};

function outcomeOf(answers: ReferralAnswers): Extract<Assessment, { kind: 'outcome' }>['outcome'] {
  const result = assessReferral(answers, criteria);
  if (result.kind !== 'outcome') {
    throw new Error(`expected an outcome, got question ${result.question}`);
  }
  return result.outcome;
}

describe('referral rules: which question comes next', () => {
  it.each<[string, ReferralAnswers, string]>([
    ['red flags are asked first', {}, 'redFlag'],
    ['then age', { redFlag: false }, 'adult'],
    ['then practice', { redFlag: false, adult: true }, 'practice'],
    ['then conditions', { redFlag: false, adult: true, practice: 'Y00001' }, 'conditions'],
    [
      'then needs',
      { redFlag: false, adult: true, practice: 'Y00001', conditions: ['none'] },
      'needs',
    ],
    [
      'confidence only when coaching is in play',
      { ...coachFit, confidence: undefined, pamLevel: undefined, consent: undefined },
      'confidence',
    ],
    [
      'then an optional PAM level',
      { ...coachFit, pamLevel: undefined, consent: undefined },
      'pamLevel',
    ],
  ])('%s', (_name, answers, expected) => {
    const result = assessReferral(answers, criteria);
    expect(result).toEqual({ kind: 'ask', question: expected });
  });

  it('then consent to be contacted by a coach, naming the route', () => {
    expect(assessReferral({ ...coachFit, consent: undefined }, criteria)).toEqual({
      kind: 'ask',
      question: 'consent',
      about: 'hwbc',
    });
  });

  it('asks agreement to be contacted for every route, but not confidence when only a link worker fits', () => {
    const answers: ReferralAnswers = {
      redFlag: false,
      adult: true,
      practice: 'Y00002',
      conditions: ['none'],
      needs: ['social'],
    };
    expect(assessReferral(answers, criteria)).toEqual({
      kind: 'ask',
      question: 'consent',
      about: 'splw',
    });
    expect(outcomeOf({ ...answers, consent: 'yes' })).toEqual({
      kind: 'refer',
      primary: 'splw',
      reasons: ['need-social', 'consent-given'],
    });
  });

  it('"I\'m not sure" still asks confidence and agreement before routing', () => {
    const unsure: ReferralAnswers = {
      redFlag: false,
      adult: true,
      practice: 'Y00001',
      conditions: ['type-2-diabetes'],
      needs: ['unsure'],
    };
    expect(assessReferral(unsure, criteria)).toEqual({ kind: 'ask', question: 'confidence' });
    expect(assessReferral({ ...unsure, confidence: 2, pamLevel: null }, criteria)).toEqual({
      kind: 'ask',
      question: 'consent',
      about: 'hwbc',
    });
  });

  it('answers given after a red flag never change the urgent outcome', () => {
    expect(outcomeOf({ ...coachFit, redFlag: true })).toEqual({
      kind: 'urgent',
      reasons: ['red-flag'],
    });
  });
});

describe('referral rules: outcomes', () => {
  it.each<[string, ReferralAnswers, unknown]>([
    [
      'coach, low confidence',
      coachFit,
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: ['need-behaviour-change', 'ltc-present', 'low-activation', 'consent-given'],
      },
    ],
    [
      'coach for someone at risk of an LTC',
      { ...coachFit, conditions: ['at-risk'], confidence: 3 },
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: ['need-behaviour-change', 'ltc-at-risk', 'some-confidence', 'consent-given'],
      },
    ],
    [
      'coach first, link worker second, each with its reasons',
      { ...coachFit, needs: ['behaviour', 'social'] },
      {
        kind: 'refer',
        primary: 'hwbc',
        secondary: 'splw',
        reasons: [
          'need-behaviour-change',
          'ltc-present',
          'low-activation',
          'need-social',
          'consent-given',
        ],
      },
    ],
    [
      'reasons only for the routes offered: a third route is neither offered nor explained',
      { ...coachFit, needs: ['coordination', 'behaviour', 'social'] },
      {
        kind: 'refer',
        primary: 'care-coordinator',
        secondary: 'hwbc',
        reasons: [
          'need-coordination',
          'need-behaviour-change',
          'ltc-present',
          'low-activation',
          'consent-given',
        ],
      },
    ],
    [
      'caring for someone goes to the link worker',
      { ...coachFit, conditions: ['none'], needs: ['carer'] },
      { kind: 'refer', primary: 'splw', reasons: ['need-carer', 'consent-given'] },
    ],
    [
      'nothing in particular: no referral, without more questions',
      {
        redFlag: false,
        adult: true,
        practice: 'Y00001',
        conditions: ['hypertension'],
        needs: ['none'],
      },
      { kind: 'no-referral', reasons: ['need-none'] },
    ],
    [
      'care coordinator leads when coordination is needed too, its reason first',
      { ...coachFit, needs: ['coordination', 'behaviour'] },
      {
        kind: 'refer',
        primary: 'care-coordinator',
        secondary: 'hwbc',
        reasons: [
          'need-coordination',
          'need-behaviour-change',
          'ltc-present',
          'low-activation',
          'consent-given',
        ],
      },
    ],
    [
      'care coordinator alone',
      {
        redFlag: false,
        adult: true,
        practice: 'Y00003',
        conditions: ['cardiovascular'],
        needs: ['coordination'],
        consent: 'not-asked',
      },
      {
        kind: 'refer',
        primary: 'care-coordinator',
        reasons: ['need-coordination', 'consent-not-asked'],
      },
    ],
    [
      'unsure, with no long-term condition, goes to the single point of access',
      {
        redFlag: false,
        adult: true,
        practice: 'Y00001',
        conditions: ['none'],
        needs: ['unsure'],
        consent: 'yes',
      },
      { kind: 'refer', primary: 'splw', reasons: ['need-unsure', 'consent-given'] },
    ],
    [
      'unsure, with a long-term condition and low confidence: coaching may fit',
      { ...coachFit, needs: ['unsure'] },
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: ['need-unsure-coaching', 'ltc-present', 'low-activation', 'consent-given'],
      },
    ],
    ['urgent on a red flag', { redFlag: true }, { kind: 'urgent', reasons: ['red-flag'] }],
    [
      'under the minimum age',
      { redFlag: false, adult: false },
      { kind: 'no-referral', reasons: ['under-minimum-age'] },
    ],
    [
      'not registered with a PCN practice',
      { redFlag: false, adult: true, practice: 'not-registered' },
      { kind: 'no-referral', reasons: ['not-registered'] },
    ],
    [
      'behaviour change without an LTC or risk of one',
      {
        redFlag: false,
        adult: true,
        practice: 'Y00001',
        conditions: ['none'],
        needs: ['behaviour'],
      },
      { kind: 'no-referral', reasons: ['need-behaviour-change', 'no-ltc'] },
    ],
    [
      'already very confident: coaching may add little',
      { ...coachFit, confidence: 4, consent: undefined },
      { kind: 'no-referral', reasons: ['need-behaviour-change', 'ltc-present', 'high-activation'] },
    ],
    [
      'a measured PAM level outranks the confidence answer, and the reasons say so',
      { ...coachFit, confidence: 4, pamLevel: 1 },
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: [
          'need-behaviour-change',
          'ltc-present',
          'pam-used-over-confidence',
          'low-activation',
          'consent-given',
        ],
      },
    ],
    [
      'a PAM level that agrees with the confidence answer needs no word',
      { ...coachFit, confidence: 2, pamLevel: 1 },
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: ['need-behaviour-change', 'ltc-present', 'low-activation', 'consent-given'],
      },
    ],
    [
      'PAM level 4 means high activation',
      { ...coachFit, confidence: 1, pamLevel: 4, consent: undefined },
      {
        kind: 'no-referral',
        reasons: [
          'need-behaviour-change',
          'ltc-present',
          'pam-used-over-confidence',
          'high-activation',
        ],
      },
    ],
    [
      'declined coaching with nothing else',
      { ...coachFit, consent: 'no' },
      {
        kind: 'no-referral',
        reasons: ['need-behaviour-change', 'ltc-present', 'low-activation', 'coaching-declined'],
        declined: 'hwbc',
      },
    ],
    [
      'declined contact: no referral, naming the route they declined',
      {
        redFlag: false,
        adult: true,
        practice: 'Y00002',
        conditions: ['none'],
        needs: ['social'],
        consent: 'no',
      },
      { kind: 'no-referral', reasons: ['need-social', 'contact-declined'], declined: 'splw' },
    ],
    [
      'consent not asked yet still suggests the coach, with a reminder',
      { ...coachFit, consent: 'not-asked' },
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: ['need-behaviour-change', 'ltc-present', 'low-activation', 'consent-not-asked'],
      },
    ],
    [
      'unsure alongside a clear need uses the clear need',
      { ...coachFit, needs: ['behaviour', 'unsure'] },
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: ['need-behaviour-change', 'ltc-present', 'low-activation', 'consent-given'],
      },
    ],
  ])('%s', (_name, answers, expected) => {
    expect(outcomeOf(answers)).toEqual(expected);
  });

  it('follows the route priority the PCN configured', () => {
    const custom = examplePcn((raw) => {
      (raw.referral as Record<string, unknown>).routePriority = [
        'splw',
        'hwbc',
        'care-coordinator',
      ];
    }).referral;
    const result = assessReferral({ ...coachFit, needs: ['behaviour', 'social'] }, custom);
    expect(result).toMatchObject({
      kind: 'outcome',
      outcome: { primary: 'splw', secondary: 'hwbc' },
    });
  });

  it('sends "unsure" to the route the PCN names as its single point of access', () => {
    const custom = examplePcn((raw) => {
      (raw.referral as Record<string, unknown>).unsureRoute = 'care-coordinator';
    }).referral;
    const result = assessReferral(
      {
        redFlag: false,
        adult: true,
        practice: 'Y00001',
        conditions: ['none'],
        needs: ['unsure'],
        consent: 'yes',
      },
      custom,
    );
    expect(result).toMatchObject({ kind: 'outcome', outcome: { primary: 'care-coordinator' } });
  });

  it('raises the confidence cut-off when the PCN allows coaching for very confident people', () => {
    const custom = examplePcn((raw) => {
      (raw.referral as Record<string, unknown>).maxConfidenceForCoaching = 4;
    }).referral;
    const result = assessReferral({ ...coachFit, confidence: 4 }, custom);
    expect(result).toMatchObject({ kind: 'outcome', outcome: { kind: 'refer', primary: 'hwbc' } });
  });
});
