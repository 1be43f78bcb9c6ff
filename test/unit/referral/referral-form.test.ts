import { cardText, headlineOf, questionIdOf } from '../../helpers/card-reading';
import { buildTestBot } from '../../helpers/test-bot';

const complete = {
  verb: 'referral.form',
  redFlag: 'no',
  adult: 'yes',
  practice: 'Y00002',
  conditions: 'type-2-diabetes,weight',
  needs: 'behaviour',
  confidence: '2',
  pamLevel: 'not-measured',
  consent: 'yes',
};

describe('the quick check: every question on one card', () => {
  it('shows every question, urgent concerns first, from the words or the help card button', async () => {
    const bot = buildTestBot();
    const [typed] = await bot.send({ text: 'quick check' });
    const text = cardText(typed);
    expect(text).toContain('Quick check: should I refer?');
    const ids = [...text.matchAll(/"type":"Input.ChoiceSet","id":"([a-zA-Z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'redFlag',
      'adult',
      'practice',
      'conditions',
      'needs',
      'confidence',
      'pamLevel',
      'consent',
    ]);
    const [pressed] = await bot.send({ value: { verb: 'referral.quick' } });
    expect(cardText(pressed)).toContain('Quick check: should I refer?');
  });

  it('gives the outcome from one submit', async () => {
    const bot = buildTestBot();
    const [outcome] = await bot.send({ value: complete });
    expect(headlineOf(outcome)).toBe('Suggested: refer to the Health and Wellbeing Coach');
    expect(cardText(outcome)).toContain('"value":"Hillview Medical Centre"');
  });

  it('lets a "yes" to urgent concerns win over every other answer', async () => {
    const bot = buildTestBot();
    const [outcome] = await bot.send({ value: { ...complete, redFlag: 'yes' } });
    expect(headlineOf(outcome)).toMatch(/Act now/);
  });

  it('asks afterwards, one at a time, what the form left out', async () => {
    const bot = buildTestBot();
    const [next] = await bot.send({ value: { ...complete, confidence: '', consent: '' } });
    expect(questionIdOf(next)).toBe('confidence');
    await bot.send({ text: 'a little confident' });
    const [outcome] = await bot.send({ text: 'yes' });
    expect(headlineOf(outcome)).toBe('Suggested: refer to the Health and Wellbeing Coach');
  });
});
