import { buildLanguageContext } from '../../../../src/domain/referral/language/language-context';
import { readAnswer } from '../../../../src/domain/referral/language/read-answer';
import type { QuestionId } from '../../../../src/domain/referral/referral-answers';
import { examplePcn } from '../../../helpers/pcn';

const ctx = buildLanguageContext(examplePcn());

function value(question: QuestionId, text: string): unknown {
  const result = readAnswer(question, text, ctx);
  return result.ok ? result.answers[question] : result.problem;
}

describe('option numbers, as the card lists the options', () => {
  it.each<[QuestionId, string, unknown]>([
    ['redFlag', '1', true],
    ['redFlag', '2', false],
    ['adult', '1', true],
    ['adult', '2', false],
    ['adult', '71', true],
    ['adult', '71 years', true],
    ['adult', '15', false],
    ['adult', 'seventy', true],
    ['adult', '121', 'unrecognised'],
    ['practice', '2', 'Y00002'],
    ['practice', '4', 'not-registered'],
    ['practice', '5', 'unrecognised'],
    ['conditions', '1, 2 and 6', ['type-2-diabetes', 'hypertension', 'low-mood']],
    ['conditions', '12', ['at-risk']],
    ['needs', '1 and 3', ['behaviour', 'coordination']],
    ['confidence', '1', 1],
    ['confidence', 'four', 4],
    ['confidence', '5', 'unrecognised'],
    ['pamLevel', '1', null],
    ['pamLevel', '2', 1],
    ['pamLevel', '5', 4],
    ['pamLevel', 'PAM 2', 2],
    ['pamLevel', 'level 2', 2],
    ['pamLevel', 'level two', 2],
    ['consent', '3', 'not-asked'],
    ['consent', 'option 1', 'yes'],
  ])('%s: "%s"', (question, text, expected) => {
    expect(value(question, text)).toEqual(expected);
  });
});

describe('card submits', () => {
  it.each<[QuestionId, string, unknown]>([
    ['practice', 'Y00003', 'Y00003'],
    ['practice', 'not-registered', 'not-registered'],
    ['conditions', 'type-2-diabetes,weight', ['type-2-diabetes', 'weight']],
    ['needs', 'behaviour,social', ['behaviour', 'social']],
    ['pamLevel', 'not-measured', null],
    ['pamLevel', 'level-4', 4],
    ['confidence', '3', 3],
    ['consent', 'not-asked', 'not-asked'],
  ])('%s: %s', (question, text, expected) => {
    expect(value(question, text)).toEqual(expected);
  });
});

describe('the options’ own words, in part or in another order', () => {
  it.each<[QuestionId, string, unknown]>([
    ['needs', 'changing health behaviours', ['behaviour']],
    ['needs', 'confidence to manage', ['behaviour']],
    ['needs', 'health behaviours, changing them', ['behaviour']],
    ['needs', 'the strain of caring', ['carer']],
    ['conditions', 'joint problems', ['musculoskeletal']],
    ['conditions', 'circulatory', ['cardiovascular']],
    ['conditions', 'none of these, not at risk', ['none']],
    ['redFlag', 'one applies', true],
    ['consent', "they don't want it", 'no'],
  ])('%s: "%s"', (question, text, expected) => {
    expect(value(question, text)).toEqual(expected);
  });
});

describe('several items in one message', () => {
  it('reads each item, and returns the ones it does not know without dropping the rest', () => {
    expect(readAnswer('conditions', 'diabetes, gout and low mood', ctx)).toEqual({
      ok: true,
      answers: { conditions: ['type-2-diabetes', 'low-mood'] },
      heard: ['diabetes', 'low mood'],
      unknown: ['gout'],
    });
    expect(readAnswer('needs', 'money, and something about her cat', ctx)).toMatchObject({
      ok: true,
      answers: { needs: ['social'] },
      unknown: ['something about her cat'],
    });
  });

  it('refuses "none" with other choices, and reads nothing from an unknown word alone', () => {
    expect(value('conditions', 'none, hypertension')).toBe('none-with-others');
    expect(value('needs', 'nothing in particular and lonely')).toBe('none-with-others');
    expect(value('conditions', 'gout')).toBe('unrecognised');
  });

  it('takes "no diabetes" as a denial, not as "none"', () => {
    expect(value('conditions', 'no diabetes')).toBe('unrecognised');
    expect(value('conditions', 'no')).toEqual(['none']);
  });
});

describe('words, misspellings and negations at the question', () => {
  it.each<[QuestionId, string, unknown]>([
    ['conditions', 'ibs + ms', ['other-ltc']],
    ['conditions', 'hypertention and overweight', ['hypertension', 'weight']],
    ['conditions', 'not at risk', ['none']],
    ['practice', 'Hill View', 'Y00002'],
    ['practice', 'hillveiw', 'Y00002'],
    ['practice', 'mkt st', 'Y00003'],
    ['practice', 'outside the pcn', 'not-registered'],
    ['confidence', 'not very', 2],
    ['confidence', 'very', 4],
    ['confidence', 'no, not confident', 1],
    ['confidence', 'very low', 1],
    ['consent', 'no he doesnt want anyone ringing', 'no'],
    ['consent', "hasn't been asked", 'not-asked'],
    ['consent', 'yse', 'yes'],
    ['adult', 'no shes 16', false],
    ['adult', 'yes, in his 40s', true],
    ['adult', 'yes 16', 'unrecognised'],
    ['adult', 'not under 18', true],
    ['adult', 'no under 18', false],
    ['adult', "isn't 18 yet", 'unrecognised'],
    ['adult', 'no longer a teenager', true],
    ['redFlag', 'no red flags', false],
    ['redFlag', 'not sure if safeguarding', true],
    ['redFlag', 'maybe', 'unrecognised'],
    ['redFlag', 'all fine', false],
    ['practice', 'not one of ours', 'not-registered'],
    ['needs', 'weight', ['behaviour']],
    ['conditions', 'weight', ['weight']],
    ['confidence', 'hardly at all', 1],
    ['confidence', 'so-so', 3],
  ])('%s: "%s"', (question, text, expected) => {
    expect(value(question, text)).toEqual(expected);
  });

  it('says which words gave the answer', () => {
    expect(readAnswer('consent', 'yeah she is keen', ctx)).toMatchObject({
      heard: ['yeah', 'keen'],
    });
  });
});
