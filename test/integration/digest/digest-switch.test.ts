import { SENT_PRIVATELY } from '../../../src/bot/router';
import { as, COACH, LEAD } from '../../helpers/people';
import { buildTestBot, channelMessage, TENANT_ID } from '../../helpers/test-bot';

describe('switching the weekly digest off and on', () => {
  it('"stop weekly digest" and the card button keep the choice in storage, once', async () => {
    const bot = buildTestBot();
    const [stopped] = await bot.send(as(COACH, { text: 'stop weekly digest' }));
    expect(stopped?.text).toBe(
      "Done: I won't send you the weekly digest. Type 'start weekly digest' if you want it again.",
    );
    expect(
      (await bot.digests.getPreference(TENANT_ID, COACH.aadObjectId.toLowerCase()))?.enabled,
    ).toBe(false);
    // The digest card's button, pressed after the typed command (or twice): already off.
    const [again] = await bot.send(as(COACH, { value: { verb: 'digest.stop' } }));
    expect(again?.text).toMatch(/^Your weekly digest is already off/);

    const [started] = await bot.send(as(COACH, { text: 'start weekly digest' }));
    expect(started?.text).toBe(
      "Done: you'll get the weekly digest every Monday at 08:30, in this chat.",
    );
    expect(
      (await bot.digests.getPreference(TENANT_ID, COACH.aadObjectId.toLowerCase()))?.enabled,
    ).toBe(true);
  });

  it('asked in a channel, answers in the 1:1 chat', async () => {
    const bot = buildTestBot();
    const [reply] = await bot.send({
      ...channelMessage('stop weekly digest', LEAD.id),
      from: LEAD,
    });
    expect(reply?.text).toContain(SENT_PRIVATELY);
    expect(bot.personalChat.sent).toHaveLength(1);
    expect(JSON.stringify(bot.personalChat.sent[0]?.messages)).toContain(
      "Done: I won't send you the weekly digest.",
    );
  });
});
