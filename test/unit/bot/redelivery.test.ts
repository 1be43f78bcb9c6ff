import { cardText, questionIdOf } from '../../helpers/card-reading';
import { buildTestBot } from '../../helpers/test-bot';

describe('Teams bot: each activity is applied once', () => {
  it('answers a redelivered typed answer without applying it to the next question', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    const first = await bot.send({ text: 'no', id: 'teams-retry-1' });
    expect(questionIdOf(first[0])).toBe('adult');

    // Teams retries the same activity: it must not be read as "not an adult".
    const again = await bot.send({ text: 'no', id: 'teams-retry-1' });
    expect(again).toEqual([]);

    const next = await bot.send({ text: 'yes' });
    expect(questionIdOf(next[0])).toBe('practice');
    expect(await bot.records.listMonth('2026-11')).toEqual([]);
    expect(bot.logLines.some((l) => l.includes('activity_redelivered'))).toBe(true);
  });

  it('answers a redelivered card submit without applying it again', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    const press = {
      id: 'teams-retry-2',
      value: { verb: 'referral.answer', questionId: 'redFlag', value: 'no' },
    };
    expect(questionIdOf((await bot.send(press))[0])).toBe('adult');
    expect(await bot.send(press)).toEqual([]);
    expect(questionIdOf((await bot.send({ text: 'yes' }))[0])).toBe('practice');
  });

  it('applies a redelivery of a turn that failed, once storage is back', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'refer' });
    bot.storage.down = true;
    const failed = await bot.send({ text: 'no', id: 'teams-retry-3' });
    expect(failed[0]?.text).toMatch(/nothing from your last message was saved/);

    bot.storage.down = false;
    const retried = await bot.send({ text: 'no', id: 'teams-retry-3' });
    expect(questionIdOf(retried[0])).toBe('adult');
  });

  it('keeps the same id in two conversations apart: both are applied', async () => {
    const bot = buildTestBot();
    const other = {
      id: 'a:other-chat',
      conversationType: 'personal',
      tenantId: 'aaaaaaaa-0000-0000-0000-000000000001',
      isGroup: false,
      name: '',
    };
    expect(questionIdOf((await bot.send({ text: 'refer', id: 'same-id' }))[0])).toBe('redFlag');
    const elsewhere = await bot.send({ text: 'refer', id: 'same-id', conversation: other });
    expect(questionIdOf(elsewhere[0])).toBe('redFlag');
    expect(cardText(elsewhere[0])).not.toBe('');
  });
});
