import type { Activity } from 'botbuilder';
import { cardText, headlineOf, questionIdOf } from '../../helpers/card-reading';
import { buildTestBot } from '../../helpers/test-bot';

/** The values an input of the form card starts with, keyed by question. */
function formValues(card: Partial<Activity> | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of cardText(card).matchAll(
    /"type":"Input.ChoiceSet","id":"([a-zA-Z]+)"[^}]*?"value":"([^"]*)"/g,
  )) {
    values[m[1] ?? ''] = m[2] ?? '';
  }
  return values;
}

describe('the referral understands GPs as they talk', () => {
  it('reads every answer an opening sentence holds, and gets to an outcome in two messages', async () => {
    const bot = buildTestBot();
    const [understood] = await bot.send({
      text: 'should I refer a 71 year old man with type 2 diabetes who wants to lose weight? riverside surgery, not very confident, happy to be contacted',
    });
    expect(cardText(understood)).toContain("Here's what I understood");
    const values = formValues(understood);
    expect(values).toMatchObject({
      adult: 'yes',
      practice: 'Y00001',
      conditions: expect.stringContaining('type-2-diabetes') as string,
      needs: 'behaviour',
      confidence: '2',
      consent: 'yes',
      redFlag: '',
    });
    const [outcome] = await bot.send({
      value: { verb: 'referral.form', ...values, redFlag: 'no' },
    });
    expect(headlineOf(outcome)).toBe('Suggested: refer to the Health and Wellbeing Coach');
  });

  it.each([
    '54F HTN, wants to lose weight, worth a health coach?',
    'is this one for the coach: 66M COPD, lonely since his wife died',
  ])('understands "%s" as the start of a referral', async (text) => {
    const bot = buildTestBot();
    const [reply] = await bot.send({ text });
    expect(cardText(reply)).toContain("Here's what I understood");
  });

  it('reads a description typed after starting by the button', async () => {
    const bot = buildTestBot();
    const [first] = await bot.send({ value: { verb: 'referral.start' } });
    expect(questionIdOf(first)).toBe('redFlag');
    const [understood] = await bot.send({ text: '71M T2DM wants to lose weight' });
    expect(cardText(understood)).toContain("Here's what I understood");
    expect(formValues(understood).conditions).toContain('type-2-diabetes');
  });

  it('takes "1" at the age question as its first option, not an age of 1', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    await bot.send({ text: 'no' });
    const [next] = await bot.send({ text: '1' });
    expect(questionIdOf(next)).toBe('practice');
  });

  it.each<[string, string, string]>([
    ['conditions', 'diabtes, copd and HTN', 'Type 2 diabetes'],
    ['conditions', 'T2DM', 'Type 2 diabetes'],
    ['conditions', 'heart failure', 'Heart or circulatory disease'],
    ['conditions', 'low mood', 'Stress, anxiety or low mood'],
  ])('reads typed %s "%s" without rejecting it', async (_question, text, label) => {
    const bot = buildTestBot();
    for (const answer of ['refer', 'no', 'over 18', 'riverside']) {
      await bot.send({ text: answer });
    }
    const [next] = await bot.send({ text });
    expect(questionIdOf(next)).toBe('needs');
    expect(cardText(next)).toContain(`You said: ${label}`);
  });
});

describe('a risk typed in words always reaches the urgent route', () => {
  it.each<[string, string[], RegExp]>([
    [
      'in the opening sentence',
      ['he has been thinking of ending his life'],
      /risk of harm or a mental health crisis/,
    ],
    [
      'at the urgent-concerns question',
      ['refer', "he's having suicidal thoughts"],
      /risk of harm or a mental health crisis/,
    ],
    [
      'as a "yes" at the urgent-concerns question',
      ['refer', 'yes, safeguarding concern'],
      /a safeguarding concern/,
    ],
    [
      'at a later question',
      ['refer', 'no', 'yes', "actually he just told me he's been thinking of ending his life"],
      /risk of harm or a mental health crisis/,
    ],
    [
      'outside the questions',
      ['my patient is suicidal what do I do'],
      /risk of harm or a mental health crisis/,
    ],
    [
      'as acute illness',
      ['refer', 'no', 'crushing chest pain since this morning'],
      /acute or rapidly worsening illness/,
    ],
  ])('%s', async (_where, messages, headline) => {
    const bot = buildTestBot();
    let last: Partial<Activity>[] = [];
    for (const text of messages) {
      last = await bot.send({ text });
    }
    expect(headlineOf(last[0])).toMatch(headline);
    expect(cardText(last[0])).toContain('999');
  });

  it('asks one question, urgent route first, for a negated mention, and reads the message as usual', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    const replies = await bot.send({ text: 'no thoughts of self-harm, none of these apply' });
    expect(cardText(replies[0])).toContain('Before we go on: you mentioned self-harm');
    expect(cardText(replies[0])).toMatch(
      /"title":"Yes, or not sure: show what to do now".*"title":"No risk now: carry on"/,
    );
    expect(questionIdOf(replies[1])).toBe('adult');
    const [urgent] = await bot.send({ value: { verb: 'referral.urgent', route: 'mental-health' } });
    expect(headlineOf(urgent)).toMatch(/risk of harm or a mental health crisis/);
  });
});
