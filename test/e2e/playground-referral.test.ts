import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availablePort, launchPlayground, type Child } from '../../scripts/launch';
import { cardText, headlineOf, questionIdOf } from '../helpers/card-reading';
import { PlaygroundDriver, type PlaygroundMessage } from '../helpers/playground-driver';
import { startBot, type RunningBot } from '../helpers/processes';

let bot: RunningBot;
let playground: Child & { url: string };
let driver: PlaygroundDriver;

beforeAll(async () => {
  bot = await startBot();
  playground = await launchPlayground(
    `${bot.url}/api/messages`,
    await availablePort(),
    join(tmpdir(), `playground-e2e-${process.pid}.log`),
  );
  driver = await PlaygroundDriver.connect(playground.url);
});

afterAll(async () => {
  driver?.close();
  await playground?.stop();
  await bot?.stop();
});

const asActivity = (message: PlaygroundMessage) => ({ attachments: message.attachments ?? [] });

describe('end to end through the Microsoft 365 Agents Playground (mock Teams)', () => {
  it('a GP completes the referral in personal chat with typed answers and card buttons', async () => {
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

  it('in a team channel it answers when @mentioned, in that channel', async () => {
    const channel = driver.config.teams[0]?.channels[0];
    expect(channel).toBeDefined();
    await driver.say(channel?.id ?? '', 'what does a health coach do?', { mentionBot: true });
    const reply = await driver.nextBotMessage();
    expect(reply.conversationId.startsWith(channel?.id ?? '?')).toBe(true);
    expect(cardText(asActivity(reply))).toContain('What a Health and Wellbeing Coach does');
  });
});
