import type { Activity } from 'botbuilder';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { cardOf, cardText } from '../../helpers/card-reading';
import { as, GP, LEAD } from '../../helpers/people';
import { buildTestBot, channelMessage, TENANT_ID } from '../../helpers/test-bot';

const store = useEmbeddedDatabase('lead-flow');

const fromLead = (activity: Partial<Activity>): Partial<Activity> => as(LEAD, activity);
const fromGp = (activity: Partial<Activity>): Partial<Activity> => as(GP, activity);

/** The lead presses Preview on the compose card: for General, now and once, unless `fields` say otherwise. */
const previewing = (fields: Record<string, string>): Partial<Activity> =>
  fromLead({
    value: {
      verb: 'broadcast.preview',
      channels: '19:general@thread.tacv2',
      when: 'now',
      repeat: '1',
      ...fields,
    },
  });

/** The draft id on a preview card's Post button. */
function draftIdOf(activity: Partial<Activity> | undefined): string {
  return /"verb":"broadcast.confirm","draftId":"([^"]+)"/.exec(cardText(activity))?.[1] ?? '';
}

describe('a lead posts role cards to channels', () => {
  it('only leads may post, and others are told who can', async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send(fromGp({ text: 'post role cards' }));
    expect(reply?.text).toMatch(/Only PCN leads can post role cards to channels.*Sam Lead/);
    const [inChannel] = await bot.send({
      ...channelMessage('post the role card here', GP.id),
      from: GP,
    });
    expect(inChannel?.text).toMatch(/Only PCN leads/);
  });

  it('says so when the app is in no team channel yet', async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send(fromLead({ text: 'post role cards' }));
    expect(reply?.text).toMatch(/not in any team channels yet/);
  });

  it('composes, previews exactly what will be posted, posts once, and records who did it', async () => {
    const bot = buildTestBot({ database: store.database });
    // Someone mentions the bot in General: the channel is now known.
    await bot.send(channelMessage('help', '29:someone'));

    const [compose] = await bot.send(fromLead({ text: 'post role cards' }));
    expect(cardText(compose)).toContain('Riverside PCN › General');

    const [problem] = await bot.send(previewing({ cards: '' }));
    expect(cardText(problem)).toContain('Choose at least one card.');

    const preview = await bot.send(previewing({ cards: 'what,who', audience: 'nurse' }));
    expect(preview).toHaveLength(3);
    expect(cardText(preview[0])).toContain('What a Health and Wellbeing Coach does');
    expect(cardText(preview[1])).toContain('For practice nurses');
    expect(cardText(preview[2])).toContain('Ready to post?');
    const draftId = draftIdOf(preview[2]);
    expect(draftId).not.toBe('');

    await bot.send(fromLead({ value: { verb: 'broadcast.confirm', draftId } }));
    expect(cardText(bot.sentNow.at(-1))).toContain('Posting role cards');
    const job = await bot.broadcasts.getJob(draftId);
    expect(job).toMatchObject({ status: 'active', createdBy: LEAD.aadObjectId, audience: 'nurse' });
    expect(job?.statusCard?.activityId).toBeDefined();
    // The stored cards are the previewed ones, byte for byte.
    expect(job?.cards.map((c) => c.content)).toEqual([cardOf(preview[0]), cardOf(preview[1])]);
    expect(await bot.broadcasts.listDeliveries(draftId)).toHaveLength(2);
    const events = await bot.audit.list(TENANT_ID);
    expect(events.find((e) => e.subject === draftId)).toMatchObject({
      action: 'broadcast.created',
      actor: LEAD.aadObjectId,
      actorName: 'Sam Lead',
    });

    // A second press of Post creates nothing new.
    const again = await bot.send(fromLead({ value: { verb: 'broadcast.confirm', draftId } }));
    expect(again[0]?.text).toMatch(/already made/);
    expect(cardText(again[1])).toContain('Posting role cards');
    expect(
      (await bot.broadcasts.listJobs(TENANT_ID, LEAD.aadObjectId)).filter(
        (j) => j.jobId === draftId,
      ),
    ).toHaveLength(1);

    const [list] = await bot.send(fromLead({ text: 'my posts' }));
    expect(cardText(list)).toContain(
      'What a Health and Wellbeing Coach does, Who to refer to a coach',
    );

    // Cancel asks first; only Yes cancels, and a second Yes finds nothing left.
    const [ask] = await bot.send(fromLead({ value: { verb: 'broadcast.cancel', jobId: draftId } }));
    expect(cardText(ask)).toContain('Cancel this post?');
    expect((await bot.broadcasts.getJob(draftId))?.status).toBe('active');
    const [kept] = await bot.send(fromLead({ value: { verb: 'broadcast.keep', jobId: draftId } }));
    expect(kept?.text).toBe('Kept. Nothing was cancelled.');
    const [cancelled] = await bot.send(
      fromLead({ value: { verb: 'broadcast.cancel-confirmed', jobId: draftId } }),
    );
    expect(cancelled?.text).toBe(
      'Cancelled 2 posts not yet sent. Posts already made stay in their channels.',
    );
    const [again2] = await bot.send(
      fromLead({ value: { verb: 'broadcast.cancel-confirmed', jobId: draftId } }),
    );
    expect(again2?.text).toBe('There was nothing left to cancel: every post had already gone.');
  });

  it('schedules weekly posts in UK time, and refuses a time in the past', async () => {
    const bot = buildTestBot({ database: store.database });
    await bot.send(channelMessage('help', '29:someone'));
    await bot.send(fromLead({ text: 'post role cards' }));
    const [past] = await bot.send(
      previewing({ cards: 'how', when: 'later', date: '2026-01-01', time: '10:00' }),
    );
    expect(cardText(past)).toContain('already passed');
    const preview = await bot.send(
      previewing({ cards: 'how', when: 'later', date: '2026-11-30', time: '10:00', repeat: '4' }),
    );
    expect(cardText(preview.at(-1))).toContain(
      'Mon 30 Nov 2026 at 10:00, then weekly, 4 times in all',
    );
    await bot.send(
      fromLead({ value: { verb: 'broadcast.confirm', draftId: draftIdOf(preview.at(-1)) } }),
    );
    const job = await bot.broadcasts.getJob(draftIdOf(preview.at(-1)));
    expect(job?.occurrences).toEqual([
      '2026-11-30T10:00:00.000Z',
      '2026-12-07T10:00:00.000Z',
      '2026-12-14T10:00:00.000Z',
      '2026-12-21T10:00:00.000Z',
    ]);
  });

  it('"post the role card here" in a channel posts the role card to that channel', async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send({
      ...channelMessage('post the role card here', LEAD.id),
      from: LEAD,
    });
    expect(reply?.text).toMatch(/Posting the role card to this channel/);
    const jobs = await bot.broadcasts.listJobs(TENANT_ID, LEAD.aadObjectId);
    const here = jobs.find(
      (j) =>
        j.targets.length === 1 &&
        j.targets[0]?.channelId === '19:general@thread.tacv2' &&
        j.cards[0]?.key === 'what',
    );
    expect(here).toBeDefined();
  });

  it('"post the how to refer card here" in a channel posts that card, not the role card', async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send({
      ...channelMessage('please post the how to refer card here', LEAD.id),
      from: LEAD,
    });
    expect(reply?.text).toMatch(/Posting the card 'How to refer to a coach here' to this channel/);
    const jobs = await bot.broadcasts.listJobs(TENANT_ID, LEAD.aadObjectId);
    const here = jobs.filter((j) => j.cards[0]?.key === 'how' && j.occurrences.length === 1);
    expect(here.map((j) => j.targets.map((t) => t.channelName))).toEqual([['General']]);
  });

  it('a typed command while a draft is open runs that command, and the draft can still be finished', async () => {
    const bot = buildTestBot({ database: store.database });
    await bot.send(channelMessage('help', '29:someone'));
    await bot.send(fromLead({ text: 'post role cards' }));

    const [list] = await bot.send(fromLead({ text: 'my posts' }));
    expect(list?.text ?? '').not.toMatch(/use the card's buttons/);
    expect(cardText(list)).toContain('Your channel posts');

    // The draft is still open: its Preview button carries on where it was.
    const preview = await bot.send(previewing({ cards: 'what' }));
    expect(cardText(preview.at(-1))).toContain('Ready to post?');
  });

  it('changes a scheduled post before it goes: the new one replaces it, once', async () => {
    const bot = buildTestBot({ database: store.database });
    await bot.send(channelMessage('help', '29:someone'));
    await bot.send(fromLead({ text: 'post role cards' }));
    const preview = await bot.send(
      previewing({ cards: 'how', when: 'later', date: '2026-11-30', time: '10:00', repeat: '2' }),
    );
    const oldId = draftIdOf(preview.at(-1));
    await bot.send(fromLead({ value: { verb: 'broadcast.confirm', draftId: oldId } }));

    const [compose] = await bot.send(
      fromLead({ value: { verb: 'broadcast.change', jobId: oldId } }),
    );
    expect(cardText(compose)).toContain('Your post stays as it is until you press Post');
    expect(cardText(compose)).toContain('2026-11-30');
    const changed = await bot.send(
      previewing({ cards: 'who', when: 'later', date: '2026-12-01', time: '14:00', repeat: '1' }),
    );
    const newId = draftIdOf(changed.at(-1));
    expect(newId).not.toBe(oldId);
    // Nothing changes until Post is pressed on the new preview.
    expect((await bot.broadcasts.getJob(oldId))?.status).toBe('active');

    const done = await bot.send(fromLead({ value: { verb: 'broadcast.confirm', draftId: newId } }));
    expect(done.map((a) => a.text)).toContain(
      'Changed. The earlier post will not go out; this one replaces it.',
    );
    expect(await bot.broadcasts.getJob(oldId)).toMatchObject({
      status: 'cancelled',
      replacedBy: newId,
    });
    expect((await bot.broadcasts.listDeliveries(oldId)).map((d) => d.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(await bot.broadcasts.getJob(newId)).toMatchObject({
      status: 'active',
      occurrences: ['2026-12-01T14:00:00.000Z'],
    });
    // Post pressed again: the same new post, nothing more.
    const again = await bot.send(
      fromLead({ value: { verb: 'broadcast.confirm', draftId: newId } }),
    );
    expect(again[0]?.text).toMatch(/already made/);
    const jobs = await bot.broadcasts.listJobs(TENANT_ID, LEAD.aadObjectId);
    expect(jobs.filter((j) => j.jobId === newId || j.jobId === oldId)).toHaveLength(2);
    const events = (await bot.audit.list(TENANT_ID)).filter((e) => e.subject === oldId);
    expect(events.map((e) => e.action)).toEqual(['broadcast.created', 'broadcast.changed']);
  });

  it('a lead cannot see or cancel another lead’s post', async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send(
      fromLead({ value: { verb: 'broadcast.status', jobId: 'someone-elses' } }),
    );
    expect(reply?.text).toMatch(/can't find that post/);
  });
});
