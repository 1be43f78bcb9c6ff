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
    ['then consent to be contacted by a coach', { ...coachFit, consent: undefined }, 'consent'],
  ])('%s', (_name, answers, expected) => {
    const result = assessReferral(answers, criteria);
    expect(result).toEqual({ kind: 'ask', question: expected });
  });

  it('does not ask about confidence or consent when only a link worker fits', () => {
    const result = assessReferral(
      { redFlag: false, adult: true, practice: 'Y00002', conditions: ['none'], needs: ['social'] },
      criteria,
    );
    expect(result).toEqual({
      kind: 'outcome',
      outcome: { kind: 'refer', primary: 'splw', reasons: ['need-social'] },
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
      'coach first, link worker second',
      { ...coachFit, needs: ['behaviour', 'social'] },
      {
        kind: 'refer',
        primary: 'hwbc',
        secondary: 'splw',
        reasons: [
          'need-behaviour-change',
          'ltc-present',
          'low-activation',
          'consent-given',
          'need-social',
        ],
      },
    ],
    [
      'care coordinator leads when coordination is needed too',
      { ...coachFit, needs: ['coordination', 'behaviour'] },
      {
        kind: 'refer',
        primary: 'care-coordinator',
        secondary: 'hwbc',
        reasons: [
          'need-behaviour-change',
          'ltc-present',
          'low-activation',
          'consent-given',
          'need-coordination',
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
      },
      { kind: 'refer', primary: 'care-coordinator', reasons: ['need-coordination'] },
    ],
    [
      'unsure goes to the single point of access',
      { redFlag: false, adult: true, practice: 'Y00001', conditions: ['none'], needs: ['unsure'] },
      { kind: 'refer', primary: 'splw', reasons: ['need-unsure'] },
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
      'a measured PAM level outranks the confidence question',
      { ...coachFit, confidence: 4, pamLevel: 1 },
      {
        kind: 'refer',
        primary: 'hwbc',
        reasons: ['need-behaviour-change', 'ltc-present', 'low-activation', 'consent-given'],
      },
    ],
    [
      'PAM level 4 means high activation',
      { ...coachFit, confidence: 1, pamLevel: 4, consent: undefined },
      { kind: 'no-referral', reasons: ['need-behaviour-change', 'ltc-present', 'high-activation'] },
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
      'declined coaching but a link worker still fits',
      { ...coachFit, needs: ['behaviour', 'social'], consent: 'no' },
      {
        kind: 'refer',
        primary: 'splw',
        declined: 'hwbc',
        reasons: [
          'need-behaviour-change',
          'ltc-present',
          'low-activation',
          'coaching-declined',
          'need-social',
        ],
      },
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
      { redFlag: false, adult: true, practice: 'Y00001', conditions: ['none'], needs: ['unsure'] },
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
