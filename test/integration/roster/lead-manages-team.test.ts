import type { Activity } from 'botbuilder';
import { pcnCodeOf } from '../../../src/domain/pcn-config';
import { cardOf } from '../../helpers/card-reading';
import { buttonsOf, containerWith, textOf } from '../../helpers/card-content';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { as, COACH, GP, LEAD, SECOND_COACH, type Person } from '../../helpers/people';
import { examplePcn } from '../../helpers/pcn';
import { buildTestBot, channelMessage, TENANT_ID } from '../../helpers/test-bot';

const store = useEmbeddedDatabase('roster-flow');

/** Someone not yet on the team, as a Teams @mention names them. */
const NEWCOMER: Person = {
  id: '29:pat',
  name: 'Pat Newcoach',
  aadObjectId: '00000000-0000-0000-0000-0000000000d1',
};

let pcns = 0;
/** A bot on the shared embedded database, each test with its own PCN (so its own partition). */
function teamBot(members?: Array<{ aadObjectId: string; name: string }>) {
  pcns += 1;
  const code = `U9${String(pcns).padStart(4, '0')}`;
  const pcn = examplePcn((raw) => {
    raw.pcnCode = code;
  });
  return buildTestBot({ database: store.database, pcn, ...(members ? { members } : {}) });
}

/** "@HWBC Assistant add @Pat as a coach" in the team channel, from `from`. */
function addByMention(from: Person, who: Person, role: 'coach' | 'lead', idOnly = false) {
  const message = channelMessage(`add <at>${who.name}</at> as a ${role}`, from.id);
  const mentioned = idOnly
    ? { id: who.aadObjectId, name: who.name }
    : { id: who.id, name: who.name, aadObjectId: who.aadObjectId };
  return as(from, {
    ...message,
    entities: [
      ...(message.entities ?? []),
      { type: 'mention', mentioned, text: `<at>${who.name}</at>` },
    ],
  });
}

const textsOf = (replies: Partial<Activity>[]): string =>
  replies.map((r) => r.text ?? textOf(cardOf(r))).join('\n');

/** The Save button's payload on a member card, with the lead's changes. */
function saveFrom(card: Partial<Activity> | undefined, changes: Record<string, string>) {
  const save = buttonsOf(cardOf(card)).find((b) => b.title === 'Save');
  if (!save) {
    throw new Error(`no Save button on ${textOf(cardOf(card))}`);
  }
  return { value: { ...save.data, ...changes } };
}

describe('a lead keeps the team in Teams', () => {
  it('adds a coach by @mention: their role takes effect at once, untrained they are not offered, and it is audited', async () => {
    const bot = teamBot();
    expect(textsOf(await bot.send(as(NEWCOMER, { text: 'my supervision' })))).toContain(
      'for the PCN’s Health and Wellbeing Coaches',
    );

    const added = textsOf(await bot.send(addByMention(LEAD, NEWCOMER, 'coach')));
    expect(added).toContain('Added Pat Newcoach as a coach.');
    expect(added).toContain('not offered for referrals until you record');

    // No restart: the coach-only command now answers them.
    expect(textsOf(await bot.send(as(NEWCOMER, { text: 'my supervision' })))).not.toContain(
      'for the PCN’s Health and Wellbeing Coaches',
    );
    const [team] = await bot.send(as(LEAD, { text: 'team' }));
    const row = containerWith(cardOf(team), 'Pat Newcoach');
    expect(textOf(row)).toContain(
      'Not offered for new referrals: Pat Newcoach has not started the PCI-accredited coaching course.',
    );
    const [coaches] = await bot.send(as(GP, { text: 'meet your coaches' }));
    expect(textOf(cardOf(coaches))).toContain('Pat Newcoach');
    const [supervision] = await bot.send(as(LEAD, { text: 'team supervision status' }));
    expect(textOf(cardOf(supervision))).toContain('Pat Newcoach');

    const audit = await bot.audit.list(TENANT_ID);
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: LEAD.aadObjectId,
        action: 'roster.added',
        subject: NEWCOMER.aadObjectId,
        details: { pcnCode: pcnCodeOf(bot.pcn), name: 'Pat Newcoach', role: 'coach' },
      }),
    );
  });

  it('takes the Entra object id from a mention whose id is the object id, and says when someone is already there', async () => {
    const bot = teamBot();
    expect(textsOf(await bot.send(addByMention(LEAD, NEWCOMER, 'lead', true)))).toContain(
      'Added Pat Newcoach as a lead.',
    );
    // Who may post is told from the roster as it now stands, not the file.
    expect(textsOf(await bot.send(as(GP, { text: 'post role cards' })))).toContain(
      'that is: Pat Newcoach, Sam Lead (personalised care lead).',
    );
    expect(textsOf(await bot.send(as(NEWCOMER, { text: 'team' })))).not.toContain('Only PCN leads');
    expect(textsOf(await bot.send(addByMention(LEAD, COACH, 'coach')))).toContain(
      'Jo Coach is already a coach.',
    );
  });

  it('explains how to add someone when no one is @mentioned in a 1:1 chat', async () => {
    const bot = teamBot();
    expect(textsOf(await bot.send(as(LEAD, { text: 'add a coach' })))).toContain(
      '@mention them in your message',
    );
  });

  it("adds someone chosen from the channel's members, by the name Teams gives", async () => {
    const bot = teamBot([
      { aadObjectId: NEWCOMER.aadObjectId, name: NEWCOMER.name },
      { aadObjectId: LEAD.aadObjectId, name: LEAD.name },
    ]);
    const [chooser] = await bot.send(as(LEAD, channelMessage('add a lead', LEAD.id)));
    expect(textOf(cardOf(chooser))).toContain('Pat Newcoach');
    const add = buttonsOf(cardOf(chooser)).find((b) => b.title === 'Add');
    expect(add?.data).toMatchObject({ verb: 'roster.add' });
    const chosen = { ...add?.data, memberId: NEWCOMER.aadObjectId, role: 'lead' };
    expect(
      textsOf(await bot.send(as(LEAD, { ...channelMessage('', LEAD.id, false), value: chosen }))),
    ).toContain('Added Pat Newcoach as a lead.');
    expect(textsOf(await bot.send(as(NEWCOMER, { text: 'team' })))).not.toContain('Only PCN leads');
    // Someone who is not a member of the conversation (a forged or stale card) is not added.
    const stranger = { ...chosen, memberId: '00000000-0000-0000-0000-0000000000e1' };
    expect(
      textsOf(await bot.send(as(LEAD, { ...channelMessage('', LEAD.id, false), value: stranger }))),
    ).toContain("I could not find that person among this conversation's members.");
    expect(await bot.roster.get(pcnCodeOf(bot.pcn), stranger.memberId)).toBeUndefined();
  });

  it('refuses anyone who is not a lead, and changes nothing', async () => {
    const bot = teamBot();
    await bot.send(as(LEAD, { text: 'team' }));
    const before = await bot.roster.list(pcnCodeOf(bot.pcn));
    expect(before).toHaveLength(3);
    for (const person of [COACH, GP]) {
      expect(textsOf(await bot.send(as(person, { text: 'manage team' })))).toBe(
        'Only PCN leads can see and change the team.',
      );
      expect(textsOf(await bot.send(addByMention(person, NEWCOMER, 'lead')))).toContain(
        'Only PCN leads can see and change the team.',
      );
    }
    const refused = await bot.send(
      as(COACH, {
        value: { verb: 'roster.remove', memberId: SECOND_COACH.aadObjectId, etag: '"1"' },
      }),
    );
    expect(textsOf(refused)).toBe('Only PCN leads can see and change the team.');
    expect(await bot.roster.list(pcnCodeOf(bot.pcn))).toEqual(before);
    expect(await bot.audit.list(TENANT_ID)).not.toContainEqual(
      expect.objectContaining({ actor: COACH.aadObjectId }),
    );
  });

  it('records completed training: the coach is then offered; a future date is refused', async () => {
    const bot = teamBot();
    const [card] = await bot.send(
      as(LEAD, { value: { verb: 'roster.edit', memberId: SECOND_COACH.aadObjectId } }),
    );
    const [future] = await bot.send(
      as(LEAD, saveFrom(card, { training: 'completed', completedOn: '2026-12-01' })),
    );
    expect(textOf(cardOf(future))).toContain('The course completion date cannot be in the future.');
    const done = await bot.send(
      as(LEAD, saveFrom(card, { training: 'completed', completedOn: '2026-10-02' })),
    );
    expect(textsOf(done)).toBe("Saved Sam Okoro's details. They are offered for new referrals.");
    const stored = await bot.roster.get(pcnCodeOf(bot.pcn), SECOND_COACH.aadObjectId);
    expect(stored?.value.coach?.training).toEqual({
      state: 'completed',
      completedOn: '2026-10-02',
    });

    const leave = await bot.send(
      as(
        LEAD,
        saveFrom(
          (
            await bot.send(
              as(LEAD, { value: { verb: 'roster.edit', memberId: SECOND_COACH.aadObjectId } }),
            )
          )[0],
          { takingReferrals: 'on-leave' },
        ),
      ),
    );
    expect(textsOf(leave)).toBe(
      "Saved Sam Okoro's details. They are not offered for new referrals: Sam Okoro is on leave.",
    );
    expect(await bot.audit.list(TENANT_ID)).toContainEqual(
      expect.objectContaining({
        action: 'roster.changed',
        subject: SECOND_COACH.aadObjectId,
        details: { pcnCode: pcnCodeOf(bot.pcn), name: 'Sam Okoro', fields: ['takingReferrals'] },
      }),
    );
  });

  it("answers two leads' edits of one card clearly: the second is not saved and sees the first", async () => {
    const bot = teamBot();
    const open = { value: { verb: 'roster.edit', memberId: SECOND_COACH.aadObjectId } };
    const [mine] = await bot.send(as(LEAD, open));
    const [theirs] = await bot.send(as(LEAD, open));
    expect(
      textsOf(await bot.send(as(LEAD, saveFrom(mine, { takingReferrals: 'caseload-full' })))),
    ).toContain('Saved');
    // The same press again (not a redelivery: a new activity) changes nothing and says so.
    expect(
      textsOf(await bot.send(as(LEAD, saveFrom(mine, { takingReferrals: 'caseload-full' })))),
    ).toBe("Sam Okoro's details are saved. Nothing needed changing.");
    const [conflict] = await bot.send(as(LEAD, saveFrom(theirs, { about: 'Evenings only.' })));
    expect(textOf(cardOf(conflict))).toContain(
      "Someone else changed Sam Okoro's details since your card was sent, so your changes were not saved.",
    );
    const stored = await bot.roster.get(pcnCodeOf(bot.pcn), SECOND_COACH.aadObjectId);
    expect(stored?.value.coach?.takingReferrals).toBe('caseload-full');
    expect(stored?.value.coach?.about).not.toBe('Evenings only.');
  });

  it('removes a person after confirming, once; never the last lead; and a restart does not seed them back', async () => {
    const bot = teamBot();
    const [confirm] = await bot.send(
      as(LEAD, { value: { verb: 'roster.remove-ask', memberId: SECOND_COACH.aadObjectId } }),
    );
    const remove = buttonsOf(cardOf(confirm)).find((b) => b.title === 'Remove Sam Okoro');
    expect(remove).toBeDefined();
    expect(textsOf(await bot.send(as(LEAD, { value: remove?.data })))).toBe(
      'Removed Sam Okoro from the team.',
    );
    expect(textsOf(await bot.send(as(LEAD, { value: remove?.data })))).toBe(
      'They have already been removed from the team.',
    );
    expect(textsOf(await bot.send(as(SECOND_COACH, { text: 'my supervision' })))).toContain(
      'for the PCN’s Health and Wellbeing Coaches',
    );

    const [lastLead] = await bot.send(
      as(LEAD, { value: { verb: 'roster.remove-ask', memberId: LEAD.aadObjectId } }),
    );
    const removeLead = buttonsOf(cardOf(lastLead)).find((b) => b.title.startsWith('Remove'));
    expect(textsOf(await bot.send(as(LEAD, { value: removeLead?.data })))).toContain(
      'is the only lead, so cannot be removed',
    );

    // Another start of the bot on the same store: seeded already, so the file is not read again.
    const restarted = buildTestBot({ database: store.database, pcn: bot.pcn });
    const [team] = await restarted.send(as(LEAD, { text: 'team' }));
    expect(textOf(cardOf(team))).not.toContain('Sam Okoro');
    expect(textOf(cardOf(team))).toContain('Jo Coach');
    expect(
      (await restarted.roster.list(pcnCodeOf(bot.pcn))).map((m) => m.value.displayName),
    ).toEqual(['Jo Coach', 'Sam Lead (personalised care lead)']);
  });
});
