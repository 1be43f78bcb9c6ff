import { cardText, headlineOf, questionIdOf } from '../../helpers/card-reading';
import { buildTestBot } from '../../helpers/test-bot';

type Bot = ReturnType<typeof buildTestBot>;

/** Typed answers to the coaching outcome: diabetes and weight, behaviour, a little confident. */
async function toCoachingOutcome(bot: Bot, pam = 'not measured', confidence = '2') {
  for (const text of [
    'refer',
    'no',
    'yes',
    'riverside surgery',
    '1, 5',
    'behaviour',
    confidence,
    pam,
  ]) {
    await bot.send({ text });
  }
  return bot.send({ text: 'yes' });
}

describe('referral outcome: what was used, changing an answer, alternatives, the record', () => {
  it('reads a typed answer back on the next question', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    await bot.send({ text: 'no' });
    await bot.send({ text: 'yes' });
    await bot.send({ text: 'riverside surgery' });
    const [next] = await bot.send({ text: 'type 2 diabetes, weight' });
    expect(questionIdOf(next)).toBe('needs');
    expect(cardText(next)).toContain('You said: Type 2 diabetes; Weight affecting their health.');
  });

  it('lists the answers it used and a summary to paste into the record, with no identifiers', async () => {
    const bot = buildTestBot();
    const [outcome] = await toCoachingOutcome(bot);
    expect(headlineOf(outcome)).toBe('Suggested: refer to the Health and Wellbeing Coach');
    const text = cardText(outcome);
    expect(text).toContain('What you told me');
    expect(text).toContain('"title":"Registered practice","value":"Riverside Surgery"');
    expect(text).toContain('"value":"A little confident"');
    expect(text).toContain('For the clinical record (select and copy)');
    expect(text).toContain('Suggested: refer to the Health and Wellbeing Coach.');
    expect(text).toContain("Code: use your practice's template.");
  });

  it('shows a PAM level and a confidence answer that disagree, and says which was used', async () => {
    const bot = buildTestBot();
    const [outcome] = await toCoachingOutcome(bot, 'level 1', '4');
    const text = cardText(outcome);
    expect(text).toContain('"value":"Very confident"');
    expect(text).toContain('"value":"PAM level 1"');
    expect(text).toContain(
      'You said they feel very confident, but their measured PAM level is 1: the measured level is what is used here.',
    );
  });

  it('"Change an answer" reopens one answer, keeps the rest, and works the outcome out again', async () => {
    const bot = buildTestBot();
    await toCoachingOutcome(bot);
    const [reopened] = await bot.send({
      value: { verb: 'referral.change', questionId: 'needs' },
    });
    expect(questionIdOf(reopened)).toBe('needs');
    expect(cardText(reopened)).toContain(
      'Change your answer (you said: Changing health behaviours',
    );
    const [consent] = await bot.send({ text: 'loneliness' });
    expect(questionIdOf(consent)).toBe('consent');
    const [outcome] = await bot.send({ text: 'yes' });
    expect(headlineOf(outcome)).toBe('Suggested: refer to the Social Prescribing Link Worker');
    expect(cardText(outcome)).toContain('"value":"Riverside Surgery"');
  });

  it('typed "back" after the outcome reopens the last answer', async () => {
    const bot = buildTestBot();
    await toCoachingOutcome(bot);
    const [reopened] = await bot.send({ text: 'back' });
    expect(questionIdOf(reopened)).toBe('consent');
    const [outcome] = await bot.send({ text: 'no' });
    expect(headlineOf(outcome)).toBe('No referral to these roles suggested now');
  });

  it('"back" with no outcome to change says so', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({ text: 'back' });
    expect(reply?.text).toMatch(/nothing in progress to change/);
  });

  it('offers alternatives when there is no referral: under age, declined, not needed', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    await bot.send({ text: 'no' });
    const [underAge] = await bot.send({ text: 'no' });
    expect(cardText(underAge)).toContain('What could help instead');
    expect(cardText(underAge)).toContain('school nursing team');

    await toCoachingOutcome(bot);
    await bot.send({ text: 'back' });
    const [declined] = await bot.send({ text: 'no' });
    expect(cardText(declined)).toContain('NHS Stop Smoking Services');

    for (const text of ['refer', 'no', 'yes', 'riverside surgery', 'high blood pressure']) {
      await bot.send({ text });
    }
    const [managing] = await bot.send({ text: 'nothing in particular' });
    expect(headlineOf(managing)).toBe('No referral to these roles suggested now');
    expect(cardText(managing)).toContain('Self-management resources');
  });
});

describe('an urgent-concern button after the questions have finished', () => {
  it('still goes to the urgent route', async () => {
    const bot = buildTestBot();
    await toCoachingOutcome(bot);
    const [reply] = await bot.send({
      value: { verb: 'referral.answer', questionId: 'redFlag', value: 'yes' },
    });
    expect(headlineOf(reply)).toMatch(/Act now/);
  });
});
