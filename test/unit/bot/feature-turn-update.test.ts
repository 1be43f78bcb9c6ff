import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { featureTurn } from '../../../src/bot/feature-turn.adapter';
import type { DialogRunner } from '../../../src/dialogs/dialog-runner';
import { toAttachment } from '../../../src/cards/render';

const card = { attachments: [toAttachment({ type: 'AdaptiveCard', version: '1.5', body: [] })] };

/** The feature turn for `activity`, with every update the adapter was asked for. */
function turnFor(activity: Partial<Activity>, refuse = false) {
  const adapter = new TestAdapter();
  const updates: Array<Partial<Activity>> = [];
  adapter.updateActivity = (_context, update) => {
    if (refuse) {
      return Promise.reject(new Error('Forbidden'));
    }
    updates.push(update);
    return Promise.resolve({ id: update.id ?? '' });
  };
  const context = new TurnContext(adapter, {
    type: 'message',
    id: 'a1',
    channelId: 'msteams',
    from: { id: '29:coach', name: 'Jo' },
    recipient: { id: '28:bot', name: 'Bot' },
    conversation: { id: 'a:chat', isGroup: false, name: '', conversationType: 'personal' },
    serviceUrl: 'https://smba.example.test/',
    ...activity,
  });
  return { turn: featureTurn(context, {} as DialogRunner), updates };
}

describe('replacing the card a button was pressed on', () => {
  it('updates the message the submit replied to', async () => {
    const { turn, updates } = turnFor({ replyToId: 'card-1', value: { verb: 'x' } });
    expect(await turn.updateCard?.(card)).toBe(true);
    expect(updates).toEqual([
      expect.objectContaining({ type: 'message', id: 'card-1', attachments: card.attachments }),
    ]);
  });

  it('does nothing for a typed message, and answers false when Teams refuses', async () => {
    const typed = turnFor({ text: 'my supervision', replyToId: 'card-1' });
    expect(await typed.turn.updateCard?.(card)).toBe(false);
    expect(typed.updates).toEqual([]);
    const refused = turnFor({ replyToId: 'card-1', value: { verb: 'x' } }, true);
    expect(await refused.turn.updateCard?.(card)).toBe(false);
  });
});
