import { questionIdOf } from '../../helpers/card-reading';
import { buildTestBot } from '../../helpers/test-bot';

let mockDialogsLoaded = false;
let mockEmbeddedServerLoaded = false;
jest.mock('botbuilder-dialogs', () => {
  mockDialogsLoaded = true;
  return jest.requireActual<object>('botbuilder-dialogs');
});
jest.mock('@vercel/cosmosdb-server', () => {
  mockEmbeddedServerLoaded = true;
  return jest.requireActual<object>('@vercel/cosmosdb-server');
});

describe('what is loaded only when it is used', () => {
  it('loads botbuilder-dialogs for the first dialog, not for the bot or a turn without one', async () => {
    const bot = buildTestBot();
    await bot.send({ text: 'help' });
    await bot.send({ text: 'what does a health coach do?' });
    expect(mockDialogsLoaded).toBe(false);
    expect(questionIdOf((await bot.send({ text: 'refer' }))[0])).toBe('redFlag');
    expect(mockDialogsLoaded).toBe(true);
  });

  it('never loads the embedded Cosmos server unless the embedded store is started', () => {
    expect(mockEmbeddedServerLoaded).toBe(false);
  });
});
