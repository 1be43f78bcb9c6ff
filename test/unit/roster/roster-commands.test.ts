import { parseCardAction } from '../../../src/cards/card-actions';
import { recogniseCommand } from '../../../src/domain/commands';
import { readUserInput } from '../../../src/dialogs/user-input';
import type { TurnContext } from 'botbuilder';

/** What the command recogniser sees once the edge has removed every <at>…</at> mention. */
const typed = (text: string): string => {
  const input = readUserInput({ activity: { text } } as unknown as TurnContext);
  return input.kind === 'text' ? input.text : '';
};

describe('the team commands', () => {
  it.each([
    ['team', 'roster-team'],
    ['Manage team', 'roster-team'],
    ['show me the team', 'roster-team'],
    ['who is on the team?', 'roster-team'],
    ['add a coach', 'roster-add'],
    ['add a new lead', 'roster-add'],
    [typed('<at>HWBC Assistant</at> add <at>Sam Okoro</at> as a coach'), 'roster-add'],
    [typed('add <at>Sam</at> and <at>Jo</at> as coaches'), 'roster-add'],
    [typed('add <at>Sam</at> as a lead'), 'roster-add'],
  ])('"%s" is %s', (text, command) => {
    expect(recogniseCommand(text)).toBe(command);
  });

  it('leaves the other team commands as they were', () => {
    expect(recogniseCommand('team supervision status')).toBe('supervision-team');
    expect(recogniseCommand('team report')).toBe('activity-report');
    expect(recogniseCommand('add supervision')).toBe('supervision-new');
  });
});

describe('the team buttons', () => {
  it('name a person only by Entra object id: anything else is not a payload the bot accepts', () => {
    const id = '00000000-0000-0000-0000-0000000000c2';
    expect(parseCardAction({ verb: 'roster.edit', memberId: id })).toMatchObject({ ok: true });
    expect(parseCardAction({ verb: 'roster.edit', memberId: 'Jo Bloggs' })).toEqual({
      ok: false,
      verb: 'roster.edit',
    });
    expect(parseCardAction({ verb: 'roster.add', memberId: '' })).toMatchObject({ ok: true });
    expect(
      parseCardAction({ verb: 'roster.remove', memberId: 'member/../x', etag: '"1"' }),
    ).toEqual({ ok: false, verb: 'roster.remove' });
  });
});
