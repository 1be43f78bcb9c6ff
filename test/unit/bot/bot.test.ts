import { cardText, headlineOf, problemOf, questionIdOf } from '../../helpers/card-reading';
import { buildTestBot, channelMessage, TENANT_ID } from '../../helpers/test-bot';

describe('Teams bot: routing', () => {
  it('starts the referral from natural phrasing and from the welcome-card button', async () => {
    const bot = buildTestBot();
    expect(
      questionIdOf((await bot.send({ text: 'Is this patient suitable for a health coach?' }))[0]),
    ).toBe('redFlag');
    const viaButton = await bot.send({ value: { verb: 'referral.start' } });
    expect(questionIdOf(viaButton[0])).toBe('redFlag');
  });

  it('explains the coach role on request', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({ text: 'what does a health coach do?' });
    expect(cardText(reply)).toContain('What a Health and Wellbeing Coach does');
    expect(cardText(reply)).toMatch(/non-clinical/i);
  });

  it.each([
    ['role cards', 'Health and Wellbeing Coach role cards'],
    ['coach or link worker?', 'Coach, link worker or care coordinator?'],
    ['who should I refer to a coach?', 'Who to refer to a coach'],
    ['how do I refer', 'How to refer to a coach at'],
    ['meet the coaches', 'Jo Coach'],
    ['what do I say to a patient about coaching', 'What to say to a patient about coaching'],
  ])('"%s" shows the matching role card', async (text, expected) => {
    const bot = buildTestBot();
    const [reply] = await bot.send({ text });
    expect(cardText(reply)).toContain(expected);
  });

  it('tailors a role card to the audience chosen on the menu', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({
      value: { verb: 'role.show', card: 'who', audience: 'nurse' },
    });
    expect(cardText(reply)).toContain('For practice nurses');
    const [general] = await bot.send({ value: { verb: 'role.show', card: 'who' } });
    expect(cardText(general)).not.toContain('For practice nurses');
  });

  it('answers an unknown command with the help card, without repeating what was typed', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({ text: 'book me a holiday' });
    expect(cardText(reply)).toContain("Sorry, I didn't understand that");
    expect(cardText(reply)).not.toContain('holiday');
  });

  it('answers an unknown card verb kindly and logs its length and hash, never its text', async () => {
    const bot = buildTestBot();
    const verb = 'NHS 9434765919 Johnathan Smithers';
    const [reply] = await bot.send({ value: { verb, secret: 'x' } });
    expect(cardText(reply)).toContain("That button isn't one I recognise");
    const line = bot.logLines.find((l) => l.includes('card_action_refused'));
    expect(line).toContain(`"verbLength":${verb.length}`);
    expect(line).toMatch(/"verbHash":"[0-9a-f]{12}"/);
    expect(bot.logLines.join('\n')).not.toMatch(/9434765919|Smithers/);
  });

  it('warns about an NHS number typed outside the questions, and does not log the message', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({ text: 'please look up 943 476 5919' });
    expect(reply?.text).toMatch(/NHS number/);
    expect(bot.logLines.join('\n')).not.toContain('943');
  });

  it('welcomes people when the app is installed, and stores the conversation for later', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({ type: 'installationUpdate', action: 'add', text: undefined });
    expect(cardText(reply)).toContain('Health and Wellbeing Coach assistant');
    const stored = await bot.conversations.get(TENANT_ID, 'a:personal-chat');
    expect(stored).toMatchObject({
      kind: 'personal',
      active: true,
      serviceUrl: 'https://smba.example.test/uk/',
    });
  });

  it('marks the conversation gone when the app is uninstalled', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'help' });
    await bot.send({ type: 'installationUpdate', action: 'remove', text: undefined });
    expect((await bot.conversations.get(TENANT_ID, 'a:personal-chat'))?.active).toBe(false);
  });
});

describe('Teams bot: keeping conversation references', () => {
  it('writes a conversation when it is new, when what matters changes, and once a day', async () => {
    const bot = buildTestBot();
    const upsert = jest.spyOn(bot.conversations, 'upsert');
    await bot.send({ text: 'help' });
    await bot.send({ text: 'help' });
    await bot.send({ text: 'what does a health coach do?' });
    expect(upsert).toHaveBeenCalledTimes(1);
    // Teams moved the conversation to another service address.
    await bot.send({ text: 'help', serviceUrl: 'https://smba.example.test/emea/' });
    expect(upsert).toHaveBeenCalledTimes(2);
    expect((await bot.conversations.get(TENANT_ID, 'a:personal-chat'))?.serviceUrl).toBe(
      'https://smba.example.test/emea/',
    );
    bot.clock.advance(24 * 60 + 1);
    await bot.send({ text: 'help', serviceUrl: 'https://smba.example.test/emea/' });
    expect(upsert).toHaveBeenCalledTimes(3);
  });

  it('in a channel, a new person speaking is not a change; an install always writes', async () => {
    const bot = buildTestBot();
    const upsert = jest.spyOn(bot.conversations, 'upsert');
    await bot.send(channelMessage('help', '29:user-a'));
    await bot.send(channelMessage('help', '29:user-b'));
    expect(upsert).toHaveBeenCalledTimes(1);
    await bot.send({
      ...channelMessage('', '29:user-a'),
      type: 'installationUpdate',
      action: 'add',
    });
    expect(upsert).toHaveBeenCalledTimes(2);
  });

  it('after the app is removed, the next message writes the conversation as active again', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'help' });
    await bot.send({ type: 'installationUpdate', action: 'remove', text: undefined });
    expect((await bot.conversations.get(TENANT_ID, 'a:personal-chat'))?.active).toBe(false);
    // As before there was any remembering: a message is proof the conversation is there again.
    await bot.send({ text: 'help' });
    expect((await bot.conversations.get(TENANT_ID, 'a:personal-chat'))?.active).toBe(true);
  });
});

describe('Teams bot: channels and group chats', () => {
  it('ignores channel messages that do not mention it, but still records the channel', async () => {
    const bot = buildTestBot();
    expect(await bot.send(channelMessage('refer', '29:user-a', false))).toEqual([]);
    const stored = await bot.conversations.get(TENANT_ID, '19:general@thread.tacv2');
    expect(stored).toMatchObject({
      kind: 'channel',
      teamName: 'Riverside PCN',
      channelName: 'General',
    });
  });

  it('strips the mention before matching the command', async () => {
    const bot = buildTestBot();
    expect(questionIdOf((await bot.send(channelMessage('refer', '29:user-a')))[0])).toBe('redFlag');
  });

  it('keeps each user’s answers apart in the same channel', async () => {
    const bot = buildTestBot();
    await bot.send(channelMessage('refer', '29:gp-one'));
    await bot.send(channelMessage('refer', '29:gp-two'));
    expect(questionIdOf((await bot.send(channelMessage('no', '29:gp-one')))[0])).toBe('adult');
    // GP two is still on the first question: their "yes" is a red flag, not an age.
    expect(headlineOf((await bot.send(channelMessage('yes', '29:gp-two')))[0])).toMatch(/Act now/);
    expect(questionIdOf((await bot.send(channelMessage('yes', '29:gp-one')))[0])).toBe('practice');
  });

  it('says in the welcome card that people must @mention it in a team', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({
      ...channelMessage('', '29:user-a'),
      type: 'installationUpdate',
      action: 'add',
      text: undefined,
    });
    expect(cardText(reply)).toContain('mention me (@HWBC Assistant)');
  });
});

describe('Teams bot: idle expiry', () => {
  it('clears an abandoned dialog after the idle time and says so when the user returns', async () => {
    const bot = buildTestBot({ idleMinutes: 30 });
    await bot.send({ text: 'refer' });
    await bot.send({ text: 'no' });
    bot.clock.advance(31);
    const replies = await bot.send({ text: 'yes' });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(/cleared after 30 minutes/);
    // The next message is handled afresh, not as an answer to the old question.
    expect(questionIdOf((await bot.send({ text: 'refer' }))[0])).toBe('redFlag');
  });

  it('keeps a dialog that is answered within the idle time', async () => {
    const bot = buildTestBot({ idleMinutes: 30 });
    await bot.send({ text: 'refer' });
    bot.clock.advance(29);
    expect(questionIdOf((await bot.send({ text: 'no' }))[0])).toBe('adult');
  });

  it('answers a stale button after expiry by offering to start again', async () => {
    const bot = buildTestBot({ idleMinutes: 5 });
    await bot.send({ text: 'refer' });
    bot.clock.advance(6);
    const replies = await bot.send({
      value: { verb: 'referral.answer', questionId: 'redFlag', value: 'no' },
    });
    expect(replies.map((r) => r.text).join(' ')).toMatch(/cleared after 5 minutes/);
  });
});

describe('Teams bot: storage down', () => {
  it('tells the user nothing was saved, sends no half-finished reply, and carries on when storage is back', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    expect(questionIdOf((await bot.send({ text: 'no' }))[0])).toBe('adult');

    bot.storage.down = true;
    const failed = await bot.send({ text: 'yes' });
    expect(failed).toHaveLength(1);
    expect(failed[0]?.text).toMatch(/nothing from your last message was saved/);
    expect(JSON.stringify(failed)).not.toMatch(/ECONNREFUSED|at .*\.ts/);

    bot.storage.down = false;
    // Still on the age question: the failed answer did not half-apply.
    const retry = await bot.send({ text: 'yes' });
    expect(questionIdOf(retry[0])).toBe('practice');
    expect(problemOf(retry[0])).toBeUndefined();
  });

  it('logs the failure with a code and the activity id, not the message', async () => {
    const bot = buildTestBot();
    bot.storage.down = true;
    await bot.send({ text: 'refer 943 476 5918' });
    const line = bot.logLines.find((l) => l.includes('turn_failed'));
    expect(line).toContain('STORAGE_UNAVAILABLE');
    expect(line).not.toContain('943 476');
  });
});
