import { BroadcastCommands } from '../../../src/dialogs/broadcast/broadcast-commands.service';
import { BROADCAST_DIALOG } from '../../../src/dialogs/broadcast/broadcast.dialog';
import {
  BroadcastService,
  type BroadcastDraft,
} from '../../../src/dialogs/broadcast/broadcast.service';
import type { ChannelTarget } from '../../../src/domain/broadcast/broadcast';
import { fixedClock } from '../../../src/domain/clock';
import { MemoryAuditLog } from '../../../src/store/memory/audit.memory-repository';
import { MemoryBroadcastRepository } from '../../../src/store/memory/broadcast.memory-repository';
import { buttonsOf, containerWith, factsOf, linksOf, textOf } from '../../helpers/card-content';
import { channel } from '../../helpers/channel-target';
import { examplePcn } from '../../helpers/pcn';
import { LEAD } from '../../helpers/people';
import { present } from '../../helpers/present';
import { asLead, callerAs, cardSent, recordedTurn, TENANT } from '../../helpers/recorded-turn';

const NOW = '2026-11-23T09:00:00.000Z';

const target = (name: string): ChannelTarget => channel('https://smba.example.test/uk/', name);

/** A lead's channel posts over empty in-memory stores, at 09:00 on 23 November 2026. */
function setUp() {
  const clock = fixedClock(NOW);
  const pcn = examplePcn();
  const broadcasts = new MemoryBroadcastRepository();
  const audit = new MemoryAuditLog();
  const service = new BroadcastService({ broadcasts, audit, pcn, clock, contactsReviewMonths: 6 });
  const commands = new BroadcastCommands({
    service,
    broadcasts,
    links: { broadcastCsv: (jobId, user) => `https://bot.example.test/reports/${jobId}?u=${user}` },
    clock,
    pcn,
  });
  const actor = { tenantId: TENANT, aadObjectId: LEAD.aadObjectId, name: LEAD.name };
  /** A post the lead made earlier through the dialog. */
  const posted = async (jobId: string, draft: Partial<BroadcastDraft> = {}): Promise<void> => {
    const made = await service.create(
      jobId,
      {
        cards: ['what'],
        audience: 'general',
        targets: [target('General')],
        repeatWeeks: 1,
        ...draft,
      },
      actor,
    );
    if ('problem' in made) {
      throw new Error(made.problem);
    }
  };
  /** The sender's part: mark one delivery of the job sent. */
  const sendOne = async (jobId: string): Promise<void> => {
    const due = (await broadcasts.dueDeliveries(NOW, 100)).find((d) => d.value.jobId === jobId);
    const delivery = present(due, 'due delivery');
    await broadcasts.replaceIfUnchanged(delivery, {
      ...delivery.value,
      status: 'sent',
      sentAt: NOW,
      messageId: 'm-1',
    });
  };
  return { clock, broadcasts, audit, commands, posted, sendOne };
}

describe('starting a channel post', () => {
  it('starts the post dialog in a 1:1 chat', async () => {
    const { commands } = setUp();
    const turn = recordedTurn(asLead());
    await commands.start(turn);
    expect(turn.dialogs).toEqual([BROADCAST_DIALOG]);
    expect(turn.replies).toEqual([]);
  });

  it('asks for a 1:1 chat instead when asked in a channel, so the channel sees no drafts', async () => {
    const { commands } = setUp();
    const turn = recordedTurn(asLead({ conversationKind: 'channel' }));
    await commands.start(turn);
    expect(turn.dialogs).toEqual([]);
    expect(turn.texts()).toEqual([
      "Let's do that in a 1:1 chat with me, so the channel doesn't see your drafts. Or say '@HWBC Assistant post the role card here' to post to this channel.",
    ]);
  });
});

describe('"post the role card here"', () => {
  it('posts the role card once to the channel it was asked in, and audits who did it', async () => {
    const { commands, broadcasts, audit } = setUp();
    const turn = recordedTurn(asLead({ conversationKind: 'channel' }));
    await commands.postHere(turn, 'what');
    expect(turn.texts()).toEqual([
      'Posting the role card to this channel as a new post. It will appear in a few seconds.',
    ]);
    const [job] = await broadcasts.listJobs(TENANT, LEAD.aadObjectId);
    expect(job).toMatchObject({
      status: 'active',
      createdByName: LEAD.name,
      cards: [{ key: 'what', title: 'What a Health and Wellbeing Coach does' }],
      targets: [{ channelId: '19:general@thread.tacv2', channelName: 'General' }],
      occurrences: [NOW],
    });
    const deliveries = await broadcasts.listDeliveries(present(job, 'job').jobId);
    expect(deliveries).toEqual([expect.objectContaining({ status: 'pending', dueAt: NOW })]);
    expect(await audit.list(TENANT)).toEqual([
      expect.objectContaining({
        action: 'broadcast.created',
        actor: LEAD.aadObjectId,
        subject: job?.jobId,
        details: expect.objectContaining({ cards: ['what'], posts: 1 }),
      }),
    ]);
  });

  it('posts the role card the lead named: "post the how to refer card here"', async () => {
    const { commands, broadcasts } = setUp();
    const turn = recordedTurn(asLead({ conversationKind: 'channel' }));
    await commands.postHere(turn, 'how');
    expect(turn.texts()).toEqual([
      "Posting the card 'How to refer to a coach here' to this channel as a new post. It will appear in a few seconds.",
    ]);
    const [job] = await broadcasts.listJobs(TENANT, LEAD.aadObjectId);
    expect(job?.cards).toMatchObject([{ key: 'how', title: 'How to refer to a coach here' }]);
  });

  it('names the role cards, and posts nothing, when the words named none', async () => {
    const { commands, broadcasts } = setUp();
    const turn = recordedTurn(asLead({ conversationKind: 'channel' }));
    await commands.postHere(turn, undefined);
    expect(turn.texts()).toEqual([
      expect.stringMatching(
        /^I don't know that card\. The role cards are: What a Health and Wellbeing Coach does; Who to refer to a coach; .*Say, for example, '@HWBC Assistant post the how to refer card here'\.$/,
      ),
    ]);
    expect(await broadcasts.listJobs(TENANT, LEAD.aadObjectId)).toEqual([]);
  });

  it('works only in a team channel', async () => {
    const { commands, broadcasts } = setUp();
    const turn = recordedTurn(asLead());
    await commands.postHere(turn, 'what');
    expect(turn.texts()).toEqual([
      "'Post here' works in a team channel. In a 1:1 chat, type 'post role cards' to choose channels.",
    ]);
    expect(await broadcasts.listJobs(TENANT, LEAD.aadObjectId)).toEqual([]);
  });
});

describe("the lead's list of posts", () => {
  it('lists own posts, newest first, with how far each has got and a Cancel while any wait', async () => {
    const { commands, clock, posted, sendOne } = setUp();
    clock.set('2026-11-20T09:00:00Z');
    await posted('older', {
      cards: ['who', 'how'],
      targets: [target('General'), target('Nurses')],
    });
    await commands.cancel(recordedTurn(asLead()), 'older');
    clock.set(NOW);
    await posted('newer');
    await sendOne('newer');
    clock.advance(5);
    await posted('waiting', { startLocal: { date: '2026-11-30', time: '10:00' } });
    const card = await cardSent(asLead(), (turn) => commands.list(turn));
    expect(textOf(card)).toContain('General · Mon 30 Nov 2026 at 10:00 · 0 of 1 sent');
    expect(textOf(card)).toContain('General · now · 1 of 1 sent');
    expect(textOf(card)).toContain('General, Nurses · now · cancelled');
    expect(
      containerWith(card, 'Who to refer to a coach, How to refer to a coach here'),
    ).toBeDefined();
    expect(
      buttonsOf(card)
        .filter((b) => b.title === 'Cancel')
        .map((b) => b.data.jobId),
    ).toEqual(['waiting']);
    expect(
      buttonsOf(card)
        .filter((b) => b.title === 'Status')
        .map((b) => b.data.jobId),
    ).toEqual(['waiting', 'newer', 'older']);
  });

  it("shows no one else's posts", async () => {
    const { commands, posted } = setUp();
    await posted('mine');
    const turn = recordedTurn(callerAs({ ...LEAD, aadObjectId: 'another-lead' }));
    await commands.list(turn);
    expect(textOf(turn.cards()[0])).toContain(
      "You have not posted any role cards yet. Type 'post role cards' to start.",
    );
  });
});

describe("a post's status", () => {
  it('shows how the post is going, with the report link for its lead', async () => {
    const { commands, posted } = setUp();
    await posted('job-1', { targets: [target('General'), target('Nurses')] });
    const card = await cardSent(asLead(), (turn) => commands.status(turn, 'job-1'));
    expect(textOf(card)).toContain('Posting role cards');
    expect(factsOf(card)).toMatchObject({
      Cards: 'What a Health and Wellbeing Coach does',
      Channels: 'Riverside PCN › General, Riverside PCN › Nurses',
      When: 'now',
      Sent: '0 of 2',
      Waiting: '2',
    });
    expect(linksOf(card)).toEqual([
      {
        title: 'Download report (CSV)',
        url: `https://bot.example.test/reports/job-1?u=${LEAD.aadObjectId}`,
      },
    ]);
  });

  it("is refused for someone else's post, or one in another tenant", async () => {
    const { commands, posted } = setUp();
    await posted('job-1');
    const turn = recordedTurn(callerAs({ ...LEAD, aadObjectId: 'another-lead' }));
    await commands.status(turn, 'job-1');
    const elsewhere = recordedTurn(asLead({ tenantId: 'tenant-2' }));
    await commands.status(elsewhere, 'job-1');
    expect(turn.texts()).toEqual(["I can't find that post among yours."]);
    expect(elsewhere.texts()).toEqual(["I can't find that post among yours."]);
    expect(turn.cards()).toEqual([]);
  });
});

describe('Post pressed again after the draft closed', () => {
  it('shows the post it made, when it made one', async () => {
    const { commands, posted } = setUp();
    await posted('draft-1');
    const turn = recordedTurn(asLead());
    await commands.confirmAgain(turn, 'draft-1');
    expect(turn.texts()).toEqual(['That post was already made; here is how it is going.']);
    expect(textOf(turn.cards()[0])).toContain('Posting role cards');
  });

  it('says nothing was posted when the draft made no post', async () => {
    const { commands, posted } = setUp();
    await posted('draft-1');
    const turn = recordedTurn(asLead());
    const other = recordedTurn(callerAs({ ...LEAD, aadObjectId: 'another-lead' }));
    await commands.confirmAgain(turn, 'draft-2');
    await commands.confirmAgain(other, 'draft-1');
    const closed =
      "That draft has closed, and nothing was posted from it. Type 'post role cards' to start again.";
    expect(turn.texts()).toEqual([closed]);
    expect(other.texts()).toEqual([closed]);
    expect(other.cards()).toEqual([]);
    expect(turn.cards()).toEqual([]);
  });
});

describe('cancelling a post', () => {
  it('cancels what has not been sent, keeps what has, and audits it', async () => {
    const { commands, broadcasts, audit, posted, sendOne } = setUp();
    await posted('job-1', { targets: [target('General'), target('Nurses'), target('GPs')] });
    await sendOne('job-1');
    const turn = recordedTurn(asLead());
    await commands.cancel(turn, 'job-1');
    expect(turn.texts()).toEqual([
      'Cancelled 2 posts not yet sent. Posts already made stay in their channels.',
    ]);
    expect((await broadcasts.getJob('job-1'))?.status).toBe('cancelled');
    expect((await broadcasts.listDeliveries('job-1')).map((d) => d.status).sort()).toEqual([
      'cancelled',
      'cancelled',
      'sent',
    ]);
    expect((await audit.list(TENANT)).map((e) => [e.action, e.details])).toEqual([
      ['broadcast.created', expect.objectContaining({ posts: 3 })],
      ['broadcast.cancelled', { postsCancelled: 2 }],
    ]);
  });

  it('says one post, and says when there was nothing left to cancel', async () => {
    const { commands, posted } = setUp();
    await posted('job-1');
    const turn = recordedTurn(asLead());
    await commands.cancel(turn, 'job-1');
    await commands.cancel(turn, 'job-1');
    expect(turn.texts()).toEqual([
      'Cancelled 1 post not yet sent. Posts already made stay in their channels.',
      'There was nothing left to cancel: every post had already gone.',
    ]);
  });

  it("refuses someone else's post and changes nothing", async () => {
    const { commands, broadcasts, audit, posted } = setUp();
    await posted('job-1');
    const turn = recordedTurn(callerAs({ ...LEAD, aadObjectId: 'another-lead' }));
    await commands.cancel(turn, 'job-1');
    expect(turn.texts()).toEqual(["I can't find that post among yours."]);
    expect((await broadcasts.getJob('job-1'))?.status).toBe('active');
    expect(await audit.list(TENANT)).toHaveLength(1);
  });
});
