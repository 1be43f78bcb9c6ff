import { HelpService } from '../../../src/dialogs/help/help.service';
import { RoleDirectory } from '../../../src/domain/roles';
import { examplePcn } from '../../helpers/pcn';
import { COACH_COMMANDS, HELP_COMMANDS, LEAD_COMMANDS } from '../../../src/cards/help/help.card';
import { buttonsOf, factsOf, textOf } from '../../helpers/card-content';
import { asCoach, asLead, asReferrer, recordedTurn } from '../../helpers/recorded-turn';

const pcn = examplePcn();
const help = new HelpService({
  botName: 'HWBC Assistant',
  pcnName: 'Riverside PCN (example)',
  roles: new RoleDirectory(pcn),
});

describe('the help card', () => {
  it('lists what the bot understands, with no notice and no @mention hint in a 1:1 chat', async () => {
    const turn = recordedTurn(asReferrer());
    await help.help(turn, '');
    const [card] = turn.cards();
    expect(textOf(card)).toContain('What I can do');
    expect(factsOf(card)).toEqual(Object.fromEntries(HELP_COMMANDS.map((c) => [c.say, c.does])));
    expect(textOf(card)).not.toContain('start your message with @');
    expect(textOf(card)).toContain("Please don't share patient identifiers here.");
    expect(buttonsOf(card).map((b) => b.data)).toEqual([
      { verb: 'referral.start' },
      { verb: 'referral.quick' },
      { verb: 'role.show' },
    ]);
    expect(turn.texts()).toEqual([]);
  });

  it('shows the notice it is given, and in a shared chat how to mention the bot', async () => {
    const turn = recordedTurn(asCoach({ conversationKind: 'groupChat' }));
    await help.help(turn, "Sorry, I didn't understand that. Here's what I can do:");
    const text = textOf(turn.cards()[0]);
    expect(text).toContain("Sorry, I didn't understand that. Here's what I can do:");
    expect(text).toContain('In channels and group chats, start your message with @HWBC Assistant.');
  });
});

describe('the help card knows who is asking', () => {
  it("adds a coach's commands and buttons for a coach", async () => {
    const turn = recordedTurn(asCoach());
    await help.help(turn, '');
    const [card] = turn.cards();
    expect(factsOf(card)).toEqual(
      Object.fromEntries([...HELP_COMMANDS, ...COACH_COMMANDS].map((c) => [c.say, c.does])),
    );
    expect(buttonsOf(card).map((b) => b.title)).toEqual(
      expect.arrayContaining(['Log a session', 'Add supervision']),
    );
    expect(buttonsOf(card).map((b) => b.title)).not.toContain('Post role cards');
  });

  it("adds a lead's commands and buttons for a lead", async () => {
    const turn = recordedTurn(asLead());
    await help.help(turn, '');
    const [card] = turn.cards();
    expect(Object.keys(factsOf(card))).toEqual(
      expect.arrayContaining(LEAD_COMMANDS.map((c) => c.say)),
    );
    expect(buttonsOf(card).map((b) => b.title)).toEqual(
      expect.arrayContaining(['Post role cards', 'Team supervision status']),
    );
  });
});

describe('the welcome card', () => {
  it('names the PCN, and in a 1:1 chat needs no mention', async () => {
    const turn = recordedTurn(asReferrer());
    await help.welcome(turn);
    const [card] = turn.cards();
    expect(textOf(card)).toContain('Health and Wellbeing Coach assistant');
    expect(textOf(card)).toContain('Riverside PCN (example)');
    expect(textOf(card)).not.toContain('mention me');
    expect(buttonsOf(card).map((b) => b.title)).toEqual([
      'Should I refer someone?',
      'Quick check',
      'What does a coach do?',
      'Help',
    ]);
  });

  it.each([
    ['channel', 'team'],
    ['groupChat', 'group chat'],
  ] as const)('in a %s, says to mention the bot in this %s', async (kind, label) => {
    const turn = recordedTurn(asReferrer({ conversationKind: kind }));
    await help.welcome(turn);
    expect(textOf(turn.cards()[0])).toContain(
      `In this ${label}, mention me (@HWBC Assistant) so I know you're talking to me.`,
    );
  });
});
