import {
  applyAnswer,
  buildQuestion,
  clearFrom,
  describeAnswer,
} from '../../../src/domain/referral/referral-questions';
import {
  QUESTION_ORDER,
  type QuestionId,
  type ReferralAnswers,
} from '../../../src/domain/referral/referral-answers';
import { examplePcn } from '../../helpers/pcn';

const pcn = examplePcn();
const ctx = { criteria: pcn.referral, practices: pcn.practices };

function answer(
  id: QuestionId,
  input: string,
  answers: ReferralAnswers = {},
): ReferralAnswers | string {
  const result = applyAnswer(answers, id, input, ctx);
  return result.ok ? result.answers : result.problem;
}

describe('reading answers, typed or from a card', () => {
  it.each<[QuestionId, string, ReferralAnswers | string]>([
    ['redFlag', 'yes', { redFlag: true }],
    ['redFlag', 'No', { redFlag: false }],
    ['redFlag', 'none of these', { redFlag: false }],
    ['redFlag', '2', { redFlag: false }],
    ['redFlag', 'maybe', 'unrecognised'],
    ['adult', 'y', { adult: true }],
    ['adult', '18', { adult: true }],
    ['adult', '17', { adult: false }],
    ['adult', '45 years old', { adult: true }],
    ['adult', '230', 'unrecognised'],
    // The card numbers its options: 1 is "Yes, 18 or over", 2 "No, under 18"; other numbers are ages.
    ['adult', '1', { adult: true }],
    ['adult', '2', { adult: false }],
    ['adult', '71', { adult: true }],
    ['practice', 'Y00002', { practice: 'Y00002' }],
    ['practice', 'hillview medical centre', { practice: 'Y00002' }],
    ['practice', '3', { practice: 'Y00003' }],
    ['practice', 'not registered', { practice: 'not-registered' }],
    [
      'conditions',
      'type-2-diabetes,hypertension',
      { conditions: ['type-2-diabetes', 'hypertension'] },
    ],
    ['conditions', '1, 2 and 6', { conditions: ['type-2-diabetes', 'hypertension', 'low-mood'] }],
    ['conditions', 'Type 2 diabetes', { conditions: ['type-2-diabetes'] }],
    ['conditions', 'at risk', { conditions: ['at-risk'] }],
    ['conditions', 'none', { conditions: ['none'] }],
    ['conditions', 'none, hypertension', 'none-with-others'],
    ['conditions', 'gout', 'unrecognised'],
    ['needs', 'social', { needs: ['social'] }],
    ['needs', 'behaviour and loneliness', { needs: ['behaviour', 'social'] }],
    ['needs', "I'm not sure", { needs: ['unsure'] }],
    ['confidence', 'fairly confident', { confidence: 3 }],
    ['confidence', '1', { confidence: 1 }],
    ['pamLevel', 'not measured', { pamLevel: null }],
    // A typed number is the option in that place on the card: option 2 is "PAM level 1".
    ['pamLevel', '2', { pamLevel: 1 }],
    ['pamLevel', '1', { pamLevel: null }],
    ['pamLevel', 'PAM 2', { pamLevel: 2 }],
    ['pamLevel', 'level-3', { pamLevel: 3 }],
    ['pamLevel', 'level 4', { pamLevel: 4 }],
    ['pamLevel', '7', 'unrecognised'],
    ['consent', 'yes', { consent: 'yes' }],
    ['consent', 'not yet', { consent: 'not-asked' }],
    ['consent', 'declined', { consent: 'no' }],
  ])('%s: "%s"', (id, input, expected) => {
    expect(answer(id, input)).toEqual(expected);
  });

  it('refuses an NHS number (valid check digit) wherever it is typed, and keeps nothing', () => {
    expect(answer('adult', 'yes, 943 476 5919')).toBe('nhs-number');
    expect(answer('practice', '9434765919')).toBe('nhs-number');
  });

  it('treats a 10-digit number with a wrong check digit as an ordinary unrecognised answer', () => {
    expect(answer('practice', '9434765918')).toBe('unrecognised');
  });

  it('refuses what looks like a date of birth', () => {
    expect(answer('adult', '12/03/1950')).toBe('date');
  });

  it('keeps earlier answers when adding a new one', () => {
    expect(answer('adult', 'yes', { redFlag: false })).toEqual({ redFlag: false, adult: true });
  });
});

describe('questions', () => {
  it('numbers every question in order and says how many there can be', () => {
    QUESTION_ORDER.forEach((id, index) => {
      const question = buildQuestion(id, ctx);
      expect(question.number).toBe(index + 1);
      expect(question.total).toBe(QUESTION_ORDER.length);
      expect(question.options.length).toBeGreaterThan(1);
    });
  });

  it('offers each configured practice, and the minimum age from configuration', () => {
    expect(buildQuestion('practice', ctx).options.map((o) => o.label)).toEqual([
      'Riverside Surgery',
      'Hillview Medical Centre',
      'Market Street Health Centre',
      'Not registered with one of our practices',
    ]);
    const older = examplePcn((raw) => {
      (raw.referral as Record<string, unknown>).minimumAge = 25;
    });
    expect(
      buildQuestion('adult', { criteria: older.referral, practices: older.practices }).prompt,
    ).toContain('25');
  });

  it('lists all five red flags in the first question', () => {
    expect(buildQuestion('redFlag', ctx).details).toHaveLength(5);
  });

  it('clears the chosen answer and everything after it, for "back"', () => {
    const answers: ReferralAnswers = {
      redFlag: false,
      adult: true,
      practice: 'Y00001',
      conditions: ['none'],
    };
    expect(clearFrom(answers, 'practice')).toEqual({ redFlag: false, adult: true });
  });

  it('describes stored answers with their labels', () => {
    expect(describeAnswer('practice', { practice: 'Y00003' }, ctx)).toBe(
      'Market Street Health Centre',
    );
    expect(describeAnswer('pamLevel', { pamLevel: null }, ctx)).toBe('Not measured');
    expect(describeAnswer('pamLevel', { pamLevel: 3 }, ctx)).toBe('PAM level 3');
  });
});
