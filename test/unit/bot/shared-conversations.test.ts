import type { Activity } from 'botbuilder';
import { cardText, questionIdOf } from '../../helpers/card-reading';
import { buildTestBot, channelMessage } from '../../helpers/test-bot';

/** The data a card's first button sends, as Teams would send it back. */
function firstButtonData(card: Partial<Activity> | undefined): Record<string, unknown> {
  const match = /"type":"Action.Submit","title":"[^"]*","data":(\{[^}]*\})/.exec(cardText(card));
  return JSON.parse(match?.[1] ?? '{}') as Record<string, unknown>;
}

describe('Teams bot: replies in channels', () => {
  it('@mentions the person it answers, on cards and in text', async () => {
    const bot = buildTestBot();
    const [card] = await bot.send({
      ...channelMessage('refer', '29:gp-one'),
      from: { id: '29:gp-one', name: 'Dr One' },
    });
    expect(cardText(card)).toContain('For <at>Dr One</at>');
    expect(cardText(card)).toContain('"mentioned":{"id":"29:gp-one","name":"Dr One"}');
    const [text] = await bot.send({
      ...channelMessage('back', '29:gp-two'),
      from: { id: '29:gp-two', name: 'Dr Two' },
    });
    expect(text?.text).toMatch(/^<at>Dr Two<\/at> /);
    expect(text?.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'mention', text: '<at>Dr Two</at>' }),
      ]),
    );
  });

  it("tells someone pressing another person's card that it was not theirs, and changes nothing", async () => {
    const bot = buildTestBot();
    const [card] = await bot.send(channelMessage('refer', '29:gp-one'));
    const press = firstButtonData(card);
    expect(press.verb).toBe('referral.answer');
    const [other] = await bot.send({
      ...channelMessage('', '29:gp-two', false),
      text: undefined,
      value: press,
    });
    expect(other?.text).toMatch(/That card was for someone else/);
    // The owner can still answer it.
    const [own] = await bot.send({
      ...channelMessage('', '29:gp-one', false),
      text: undefined,
      value: press,
    });
    expect(questionIdOf(own)).not.toBe('redFlag');
  });

  it('adds nothing in a 1:1 chat', async () => {
    const bot = buildTestBot();
    const [card] = await bot.send({ text: 'refer' });
    expect(cardText(card)).not.toContain('<at>');
    expect(cardText(card)).not.toContain('"owner"');
  });
});
