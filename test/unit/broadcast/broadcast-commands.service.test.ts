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

describe('cancel asks first', () => {
  it('Cancel shows a Yes/No card and changes nothing; No keeps the post', async () => {
    const { commands, broadcasts, posted } = setUp();
    await posted('job-1', { startLocal: { date: '2026-11-30', time: '10:00' }, repeatWeeks: 2 });
    const card = await cardSent(asLead(), (turn) => commands.askCancel(turn, 'job-1'));
    expect(textOf(card)).toContain('Cancel this post?');
    expect(factsOf(card)).toMatchObject({ 'Not yet sent': '2' });
    expect(buttonsOf(card).map((b) => [b.title, b.data])).toEqual([
      ['Yes, cancel it', { verb: 'broadcast.cancel-confirmed', jobId: 'job-1' }],
      ['No, keep it', { verb: 'broadcast.keep', jobId: 'job-1' }],
    ]);
    expect((await broadcasts.getJob('job-1'))?.status).toBe('active');
    const keep = recordedTurn(asLead());
    await commands.keep(keep);
    expect(keep.texts()).toEqual(['Kept. Nothing was cancelled.']);
    expect((await broadcasts.listDeliveries('job-1')).map((d) => d.status)).toEqual([
      'pending',
      'pending',
    ]);
  });

  it('says there is nothing to cancel, with no card, once everything has gone', async () => {
    const { commands, posted, sendOne } = setUp();
    await posted('job-1');
    await sendOne('job-1');
    const turn = recordedTurn(asLead());
    await commands.askCancel(turn, 'job-1');
    expect(turn.cards()).toEqual([]);
    expect(turn.texts()).toEqual([
      'There is nothing left to cancel: every post has already gone or was cancelled.',
    ]);
  });
});

describe('trying failed channels again', () => {
  /** The sender's part: the job's delivery to `channelName` failed. */
  async function fail(
    broadcasts: MemoryBroadcastRepository,
    jobId: string,
    channelName: string,
  ): Promise<void> {
    const due = (await broadcasts.dueDeliveries(NOW, 100)).find(
      (d) => d.value.jobId === jobId && d.value.target.channelName === channelName,
    );
    const delivery = present(due, 'due delivery');
    await broadcasts.replaceIfUnchanged(delivery, {
      ...delivery.value,
      status: 'failed',
      attempts: 6,
      lastError: 'Gave up after 6 attempts (last: HTTP 503).',
    });
  }

  it('offers the button only when a channel failed, and sends only the failed ones again, once', async () => {
    const { commands, broadcasts, audit, posted, sendOne } = setUp();
    await posted('job-1', { targets: [target('General'), target('Nurses'), target('GPs')] });
    const before = await cardSent(asLead(), (turn) => commands.status(turn, 'job-1'));
    expect(buttonsOf(before).map((b) => b.title)).not.toContain('Try the failed channels again');
    await sendOne('job-1');
    await fail(broadcasts, 'job-1', 'Nurses');
    const card = await cardSent(asLead(), (turn) => commands.status(turn, 'job-1'));
    expect(buttonsOf(card).find((b) => b.title === 'Try the failed channels again')?.data).toEqual({
      verb: 'broadcast.retry',
      jobId: 'job-1',
    });

    const turn = recordedTurn(asLead());
    await commands.retry(turn, 'job-1');
    await commands.retry(turn, 'job-1');
    expect(turn.texts()).toEqual([
      'Trying 1 failed post again. The status card will show how they go.',
      'There are no failed posts to try again: they have been tried already, or none failed.',
    ]);
    const byChannel = Object.fromEntries(
      (await broadcasts.listDeliveries('job-1')).map((d) => [d.target.channelName, d]),
    );
    expect(byChannel.Nurses).toMatchObject({
      status: 'pending',
      attempts: 0,
      dueAt: NOW,
      lastError: null,
    });
    expect(byChannel.General?.status).toBe('sent');
    expect(byChannel.GPs).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await audit.list(TENANT)).map((e) => [e.action, e.details])).toEqual([
      ['broadcast.created', expect.objectContaining({ posts: 3 })],
      ['broadcast.retried', { posts: 1 }],
    ]);
  });

  it('tries nothing again on a cancelled post, or on someone else’s', async () => {
    const { commands, broadcasts, posted } = setUp();
    await posted('job-1', { targets: [target('General'), target('Nurses')] });
    await fail(broadcasts, 'job-1', 'Nurses');
    const other = recordedTurn(callerAs({ ...LEAD, aadObjectId: 'another-lead' }));
    await commands.retry(other, 'job-1');
    expect(other.texts()).toEqual(["I can't find that post among yours."]);
    await commands.cancel(recordedTurn(asLead()), 'job-1');
    const turn = recordedTurn(asLead());
    await commands.retry(turn, 'job-1');
    expect(turn.texts()).toEqual(['That post was cancelled, so nothing was tried again.']);
    expect((await broadcasts.listDeliveries('job-1')).map((d) => d.status).sort()).toEqual([
      'cancelled',
      'failed',
    ]);
  });
});

describe('skipping one week of a weekly post', () => {
  it('lists the weeks to come with a Skip button, and skips one week only, once', async () => {
    const { commands, broadcasts, audit, posted } = setUp();
    await posted('job-1', {
      targets: [target('General'), target('Nurses')],
      startLocal: { date: '2026-11-30', time: '10:00' },
      repeatWeeks: 3,
    });
    const card = await cardSent(asLead(), (turn) => commands.status(turn, 'job-1'));
    const skips = buttonsOf(card).filter((b) => b.title === 'Skip this one');
    expect(skips.map((b) => b.data)).toEqual([
      { verb: 'broadcast.skip', jobId: 'job-1', occurrence: '0' },
      { verb: 'broadcast.skip', jobId: 'job-1', occurrence: '1' },
      { verb: 'broadcast.skip', jobId: 'job-1', occurrence: '2' },
    ]);
    expect(textOf(card)).toContain('Mon 7 Dec 2026 at 10:00');

    const turn = recordedTurn(asLead());
    await commands.skip(turn, 'job-1', 1);
    await commands.skip(turn, 'job-1', 1);
    expect(turn.texts()).toEqual([
      'Skipped the post of Mon 7 Dec 2026 at 10:00. The other weeks go as planned.',
      'The post of Mon 7 Dec 2026 at 10:00 is no longer to come (already skipped, sent or on its way), so nothing changed.',
    ]);
    const statuses = (await broadcasts.listDeliveries('job-1'))
      .map((d) => `${d.occurrence}:${d.status}`)
      .sort();
    expect(statuses).toEqual([
      '0:pending',
      '0:pending',
      '1:cancelled',
      '1:cancelled',
      '2:pending',
      '2:pending',
    ]);
    expect((await broadcasts.getJob('job-1'))?.skipped).toEqual([1]);
    const after = await cardSent(asLead(), (t) => commands.status(t, 'job-1'));
    expect(textOf(after)).toContain('Skipped: Mon 7 Dec 2026 at 10:00');
    expect(buttonsOf(after).filter((b) => b.title === 'Skip this one')).toHaveLength(2);
    expect((await audit.list(TENANT)).map((e) => e.action)).toEqual([
      'broadcast.created',
      'broadcast.skipped',
    ]);
  });

  it('offers no Skip on a one-off post, and will not skip a week already past', async () => {
    const { commands, clock, broadcasts, posted } = setUp();
    await posted('once', { startLocal: { date: '2026-11-30', time: '10:00' } });
    const card = await cardSent(asLead(), (turn) => commands.status(turn, 'once'));
    expect(buttonsOf(card).filter((b) => b.title === 'Skip this one')).toEqual([]);
    await posted('weekly', { startLocal: { date: '2026-11-30', time: '10:00' }, repeatWeeks: 2 });
    clock.set('2026-11-30T10:30:00Z');
    const turn = recordedTurn(asLead());
    await commands.skip(turn, 'weekly', 0);
    expect(turn.texts()[0]).toMatch(/no longer to come/);
    expect((await broadcasts.listDeliveries('weekly')).map((d) => d.status)).toEqual([
      'pending',
      'pending',
    ]);
  });
});

describe('changing a post before it goes', () => {
  it('opens the compose card filled in as the post is', async () => {
    const { commands, posted } = setUp();
    await posted('job-1', {
      cards: ['who', 'how'],
      audience: 'nurse',
      startLocal: { date: '2026-11-30', time: '10:00' },
      repeatWeeks: 2,
    });
    const card = await cardSent(asLead(), (turn) => commands.status(turn, 'job-1'));
    expect(buttonsOf(card).find((b) => b.title === 'Change this post')?.data).toEqual({
      verb: 'broadcast.change',
      jobId: 'job-1',
    });
    const turn = recordedTurn(asLead());
    await commands.change(turn, 'job-1');
    expect(turn.dialogs).toEqual([BROADCAST_DIALOG]);
    expect(turn.dialogOptions).toEqual([
      {
        replacing: 'job-1',
        draft: {
          cards: ['who', 'how'],
          audience: 'nurse',
          targets: [target('General')],
          startLocal: { date: '2026-11-30', time: '10:00' },
          repeatWeeks: 2,
        },
      },
    ]);
  });

  it('is not offered, and refused, once the post has started going out', async () => {
    const { commands, posted } = setUp();
    await posted('now');
    const card = await cardSent(asLead(), (turn) => commands.status(turn, 'now'));
    expect(buttonsOf(card).map((b) => b.title)).not.toContain('Change this post');
    const turn = recordedTurn(asLead());
    await commands.change(turn, 'now');
    expect(turn.dialogs).toEqual([]);
    expect(turn.texts()[0]).toMatch(/has started going out/);
  });
});
