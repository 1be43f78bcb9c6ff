import { cardText, headlineOf, questionIdOf } from '../helpers/card-reading';
import { asActivity } from '../helpers/playground-driver';
import { usePlayground } from '../helpers/use-playground';

const playground = usePlayground('referral');

describe('end to end through the Microsoft 365 Agents Playground (mock Teams)', () => {
  it('a GP completes the referral in personal chat with typed answers and card buttons', async () => {
    const { driver } = playground;
    const chat = driver.config.personalChat.id;
    await driver.say(chat, 'should I refer this patient?');
    const first = await driver.nextBotMessage();
    expect(questionIdOf(asActivity(first))).toBe('redFlag');

    await driver.submit(first, { verb: 'referral.answer', questionId: 'redFlag', value: 'no' });
    expect(questionIdOf(asActivity(await driver.nextBotMessage()))).toBe('adult');
    await driver.say(chat, 'yes');
    const practice = await driver.nextBotMessage();
    expect(questionIdOf(asActivity(practice))).toBe('practice');
    await driver.submit(practice, {
      verb: 'referral.answer',
      questionId: 'practice',
      value: 'Y00001',
    });
    const conditions = await driver.nextBotMessage();
    await driver.submit(conditions, {
      verb: 'referral.answer',
      questionId: 'conditions',
      choices: 'type-2-diabetes,weight',
    });
    expect(questionIdOf(asActivity(await driver.nextBotMessage()))).toBe('needs');
    await driver.say(chat, '1');
    expect(questionIdOf(asActivity(await driver.nextBotMessage()))).toBe('confidence');
    await driver.say(chat, 'a little confident');
    expect(questionIdOf(asActivity(await driver.nextBotMessage()))).toBe('pamLevel');
    await driver.say(chat, 'not measured');
    expect(questionIdOf(asActivity(await driver.nextBotMessage()))).toBe('consent');
    await driver.say(chat, 'yes');
    const outcome = asActivity(await driver.nextBotMessage());
    expect(headlineOf(outcome)).toBe('Suggested: refer to the Health and Wellbeing Coach');
    expect(cardText(outcome)).toContain("Use your practice's referral template for this role");
  });

  it('a lead posts the role card to a team channel with "post the role card here", and it arrives as a new post', async () => {
    const { driver } = playground;
    const team = driver.config.teams[0];
    const clinicians = team?.channels.find((c) => c.name === 'Clinicians');
    expect(clinicians).toBeDefined();
    await driver.say(clinicians?.id ?? '', 'post the role card here', { mentionBot: true });
    const messages = await driver.nextBotMessages(2);
    const ack = messages.find((m) => m.text !== undefined && /Posting the role card/.test(m.text));
    const post = messages.find((m) => m !== ack);
    if (!ack || !post) {
      throw new Error('expected an acknowledgement and a post');
    }
    // The acknowledgement is a reply in the thread that mentioned the bot; the card is a new post in the channel.
    expect(ack.conversationId).toMatch(/;messageid=/);
    expect(post.conversationId).toBe(clinicians?.id);
    expect(cardText(asActivity(post))).toContain('What a Health and Wellbeing Coach does');
  });

  it('a lead chooses channels from the team roster in 1:1 chat, previews, and posts', async () => {
    const { driver } = playground;
    const chat = driver.config.personalChat.id;
    const team = driver.config.teams[0];
    await driver.addBotToTeam(team?.id ?? '');
    await driver.say(chat, 'post role cards');
    const compose = await driver.nextBotMessage();
    // Both channels of the team the app was added to, read from the roster API.
    expect(cardText(asActivity(compose))).toContain('Riverside PCN › General');
    expect(cardText(asActivity(compose))).toContain('Riverside PCN › Clinicians');
    const general = team?.channels.find((c) => c.name === 'General')?.id ?? '';
    await driver.submit(compose, {
      verb: 'broadcast.preview',
      cards: 'compare',
      audience: 'pharmacist',
      channels: general,
      when: 'now',
      repeat: '1',
    });
    const previewCard = await driver.nextBotMessage();
    expect(cardText(asActivity(previewCard))).toContain('Coach, link worker or care coordinator?');
    const summary = await driver.nextBotMessage();
    const draftId = /"draftId":"([^"]+)"/.exec(cardText(asActivity(summary)))?.[1] ?? '';
    await driver.submit(summary, { verb: 'broadcast.confirm', draftId });
    const [first, second] = await driver.nextBotMessages(2);
    const status = [first, second].find((m) => m !== undefined && m.conversationId === chat);
    const post = [first, second].find((m) => m !== undefined && m.conversationId !== chat);
    if (!status || !post) {
      throw new Error('expected a status card in the chat and a post in the channel');
    }
    expect(cardText(asActivity(status))).toMatch(/Posting role cards|All posted/);
    expect(post.conversationId).toBe(general);
    expect(cardText(asActivity(post))).toContain('Coach, link worker or care coordinator?');
  });

  it('in a team channel it answers when @mentioned, in that channel', async () => {
    const { driver } = playground;
    const channel = driver.config.teams[0]?.channels[0];
    expect(channel).toBeDefined();
    await driver.say(channel?.id ?? '', 'what does a health coach do?', { mentionBot: true });
    const reply = await driver.nextBotMessage();
    expect(reply.conversationId.startsWith(channel?.id ?? '?')).toBe(true);
    expect(cardText(asActivity(reply))).toContain('What a Health and Wellbeing Coach does');
  });
});
