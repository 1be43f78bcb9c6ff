import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { DownloadLinks } from '../../../src/bot/http/download-links';
import { activityCsvDownload } from '../../../src/bot/http/report-routes';
import { fixedClock } from '../../../src/domain/clock';
import { RoleDirectory } from '../../../src/domain/roles';
import { CONTAINERS } from '../../../src/store/containers';
import { MemoryReferralRecordRepository } from '../../../src/store/memory/referral-record.memory-repository';
import { CosmosSessionLogRepository } from '../../../src/store/session-log.cosmos-repository';
import { cardText } from '../../helpers/card-reading';
import { examplePcn } from '../../helpers/pcn';
import { as, COACH, LEAD, SECOND_COACH, type Person } from '../../helpers/people';
import { sessionSaveSubmit, type SessionSaveSubmit } from '../../helpers/session-log-fixtures';
import { buildTestBot, channelMessage, TENANT_ID } from '../../helpers/test-bot';
import { shortReference } from '../../../src/domain/sessions/short-reference';

const store = useEmbeddedDatabase('session-logs');

const entry = sessionSaveSubmit();

/** A bot at `now` where Sam Okoro has logged `entry` with `changes`, in the activity `id`. */
async function samLogged(now: string, id: string, changes: Partial<SessionSaveSubmit>) {
  const bot = buildTestBot({ database: store.database });
  bot.clock.set(now);
  await bot.send(as(SECOND_COACH, { id, value: { ...entry, ...changes } }));
  return bot;
}

describe('coaches log sessions', () => {
  it('shows the card saying the clinical record belongs in the GP system', async () => {
    const bot = buildTestBot({ database: store.database });
    const [card] = await bot.send(as(COACH, { text: 'log a session' }));
    expect(cardText(card)).toContain('The clinical record and its coding belong in the GP system');
  });

  it('makes one log when Teams delivers the same submit twice', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-20T15:00:00Z');
    const submit = as(COACH, { id: 'same-activity', replyToId: 'card-1', value: entry });
    const [first] = await bot.send(submit);
    const [second] = await bot.send(submit);
    expect(first?.text).toMatch(/^Logged: 20 Nov, 45 minutes, attended/);
    // The edge recognises the redelivery and answers it without applying it again.
    expect(second).toBeUndefined();
    const logs = await bot.sessionLogs.listForCoach(COACH.aadObjectId.toLowerCase(), '2026-11');
    expect(
      logs.filter((l) => l.entry.referralSource === 'nurse' && l.entry.mode === 'video'),
    ).toHaveLength(1);
  });

  it('refuses an NHS number as a caseload reference, saves nothing, and does not echo it back', async () => {
    const bot = buildTestBot({ database: store.database });
    const before = (await bot.sessionLogs.listForCoach(COACH.aadObjectId.toLowerCase(), '2026-10'))
      .length;
    const [reply] = await bot.send(
      as(COACH, { value: { ...entry, date: '2026-10-01', caseloadRef: '943 476 5919' } }),
    );
    expect(reply?.text).toContain('Not saved.');
    expect(reply?.text).toContain('The Caseload reference field looks like it holds an NHS number');
    expect(JSON.stringify(reply)).not.toContain('943 476 5919');
    expect(
      await bot.sessionLogs.listForCoach(COACH.aadObjectId.toLowerCase(), '2026-10'),
    ).toHaveLength(before);
  });

  it('shows a coach their own caseload only, and lets only the owner delete within the edit window', async () => {
    const bot = await samLogged('2026-11-21T10:00:00Z', 'sam-1', {
      date: '2026-11-21',
      mode: 'face-to-face',
      format: 'group',
      groupSize: '6',
    });
    const [samCaseload] = await bot.send(as(SECOND_COACH, { text: 'my caseload' }));
    expect(cardText(samCaseload)).toContain('My caseload: November 2026');
    expect(cardText(samCaseload)).toContain('"title":"1:1 / group","value":"0 / 1"');
    const samLog = (
      await bot.sessionLogs.listForCoach(SECOND_COACH.aadObjectId.toLowerCase(), '2026-11')
    )[0];
    const pressDelete = (person: Person) =>
      bot.send(as(person, { value: { verb: 'session.delete', logId: samLog?.logId ?? '' } }));
    const [joTries] = await pressDelete(COACH);
    // Sam's log is not Jo's to delete: to Jo there is no such log.
    expect(joTries?.text).toMatch(/There is no log of yours with the reference S-[0-9A-Z]{4}/);
    bot.clock.set('2026-12-15T10:00:00Z');
    const [tooLate] = await pressDelete(SECOND_COACH);
    expect(tooLate?.text).toMatch(/for 7 days after logging/);
    bot.clock.set('2026-11-22T10:00:00Z');
    const [deleted] = await pressDelete(SECOND_COACH);
    expect(deleted?.text).toMatch(/^Deleted S-[0-9A-Z]{4}\.$/);
  });

  it('leads see monthly totals, not individual logs; others cannot see the report', async () => {
    const bot = await samLogged('2026-11-25T10:00:00Z', 'sam-2', {
      date: '2026-11-24',
      caseloadRef: 'RIV-0001',
    });
    const [jo] = await bot.send(as(COACH, { text: 'activity report' }));
    expect(jo?.text).toMatch(/for PCN leads/);
    const [report] = await bot.send(as(LEAD, { text: 'activity report' }));
    const text = cardText(report);
    expect(text).toContain('Activity report: November 2026');
    expect(text).toContain('Individual session logs are not shown to leads.');
    expect(text).not.toContain('RIV-0001');
    expect(text).not.toContain('"verb":"session.delete"');
  });
});

describe('the activity report CSV', () => {
  it('downloads for the lead through a signed link, and for no one else', async () => {
    const clock = fixedClock('2026-11-25T10:00:00Z');
    const links = new DownloadLinks('s'.repeat(40), 'https://bot.example.test', 15, clock);
    const deps = {
      links,
      roles: new RoleDirectory(examplePcn()),
      logs: new CosmosSessionLogRepository(
        store.database.container(CONTAINERS.sessionLogs.id),
        3600,
      ),
      referrals: new MemoryReferralRecordRepository(),
      pcn: examplePcn(),
      clock,
    };
    const get = async (url: string) => {
      const parsed = new URL(url);
      const match = /^\/reports\/activity\/([^/]+)\/([^/]+)\/activity\.csv$/.exec(parsed.pathname);
      return activityCsvDownload(
        deps,
        parsed.pathname,
        { tenantId: decodeURIComponent(match?.[1] ?? ''), month: match?.[2] ?? '' },
        parsed.searchParams,
      );
    };
    const leadLink = links.activityCsv(TENANT_ID, '2026-11', LEAD.aadObjectId);
    const ok = await get(leadLink);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatch(
      /^measure,value\r\nperiod,November 2026\r\nperiod_start,2026-11-01\r\nperiod_end,2026-11-30\r\ngenerated_at,2026-11-25T10:00:00\+00:00\r\ncoaches_active,\d+\r\n/,
    );
    expect(ok.body).not.toContain('RIV-0001');
    expect((await get(links.activityCsv(TENANT_ID, '2026-11', COACH.aadObjectId))).status).toBe(
      403,
    );
    clock.advance(16);
    expect((await get(leadLink)).status).toBe(410);
  });
});

describe('the referral reference at the edge', () => {
  it('is read by the identifier guard like every free-text field: an NHS number there is refused and not echoed', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-20T15:00:00Z');
    const before = await bot.sessionLogs.listForCoach(COACH.aadObjectId.toLowerCase(), '2026-11');
    const [reply] = await bot.send(as(COACH, { value: { ...entry, referralRef: '943 476 5919' } }));
    expect(reply?.text).toContain('The Referral reference field looks like it holds an NHS number');
    expect(JSON.stringify(reply)).not.toContain('943 476 5919');
    expect(
      await bot.sessionLogs.listForCoach(COACH.aadObjectId.toLowerCase(), '2026-11'),
    ).toHaveLength(before.length);
  });
});

describe('the activity report CSV for a quarter', () => {
  it('downloads the quarter through the same signed-link route, naming coaches and practices', async () => {
    const clock = fixedClock('2026-12-01T09:00:00Z');
    const links = new DownloadLinks('s'.repeat(40), 'https://bot.example.test', 15, clock);
    const logs = new CosmosSessionLogRepository(
      store.database.container(CONTAINERS.sessionLogs.id),
      3600,
    );
    await logs.add({
      logId: 'csv-q3-group',
      coachId: SECOND_COACH.aadObjectId.toLowerCase(),
      tenantId: TENANT_ID,
      month: '2026-08',
      createdAt: '2026-08-12T12:00:00.000Z',
      entry: {
        date: '2026-08-12',
        durationMinutes: 75,
        mode: 'face-to-face',
        format: 'group',
        groupSize: 9,
        sessionType: 'first',
        sessionNumber: null,
        attended: true,
        referralSource: 'self',
        pamLevel: null,
        ons4: null,
        caseloadRef: null,
        referralRef: 'HC-7K3Q',
        practice: 'Y00003',
      },
    });
    const deps = {
      links,
      roles: new RoleDirectory(examplePcn()),
      logs,
      referrals: new MemoryReferralRecordRepository(),
      pcn: examplePcn(),
      clock,
    };
    const url = new URL(links.activityCsv(TENANT_ID, '2026-Q3', LEAD.aadObjectId));
    expect(url.pathname).toBe(`/reports/activity/${TENANT_ID}/2026-Q3/activity.csv`);
    const answer = await activityCsvDownload(
      deps,
      url.pathname,
      { tenantId: TENANT_ID, month: '2026-Q3' },
      url.searchParams,
    );
    expect(answer.status).toBe(200);
    expect(answer.filename).toBe('hwbc-activity-2026-Q3.csv');
    expect(answer.body).toContain('period,Q3 2026 (July to September)\r\n');
    expect(answer.body).toContain('generated_at,2026-12-01T09:00:00+00:00\r\n');
    expect(answer.body).toMatch(/\r\ncoach,Sam Okoro,\d+,\d+,\d+,\d+,\d+,\r\n/);
    expect(answer.body).toMatch(/\r\npractice,Market Street Health Centre,/);
    expect(answer.body).not.toContain('HC-7K3Q');
    const bad = new URL(links.activityCsv(TENANT_ID, '2026-Q5', LEAD.aadObjectId));
    expect(
      (
        await activityCsvDownload(
          deps,
          bad.pathname,
          { tenantId: TENANT_ID, month: '2026-Q5' },
          bad.searchParams,
        )
      ).status,
    ).toBe(404);
  });
});

describe('a session log dated in the future', () => {
  it('is refused, says why, and saves nothing', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-20T15:00:00Z');
    const before = await bot.sessionLogs.listForCoach(COACH.aadObjectId.toLowerCase(), '2026-11');
    const [reply] = await bot.send(as(COACH, { value: { ...entry, date: '2026-11-27' } }));
    expect(cardText(reply)).toContain(
      'The date is in the future: you can log a session once it has happened.',
    );
    expect(
      await bot.sessionLogs.listForCoach(COACH.aadObjectId.toLowerCase(), '2026-11'),
    ).toHaveLength(before.length);
  });
});

describe('caseload and activity report for a chosen period', () => {
  it('on 1 December shows November when asked, lists the 30 November log with Change, and changes it', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-30T16:00:00Z');
    await bot.send(
      as(COACH, {
        id: 'jo-nov-30',
        value: { ...entry, date: '2026-11-30', format: 'group', groupSize: '5' },
      }),
    );
    bot.clock.set('2026-12-01T09:00:00Z');
    const [november] = await bot.send(as(COACH, { text: 'my caseload for November' }));
    const text = cardText(november);
    expect(text).toContain('My caseload: November 2026');
    const [log] = (
      await bot.sessionLogs.listMadeSince(COACH.aadObjectId.toLowerCase(), '2026-11-30T00:00:00Z')
    ).filter((l) => l.entry.date === '2026-11-30');
    const reference = shortReference(log?.logId ?? '');
    expect(text).toContain(`${reference}: 30 Nov: 45 minutes, video, group of 5, attended`);
    expect(text).toContain(`"verb":"session.edit","logId":"${log?.logId ?? ''}"`);
    const [december] = await bot.send(as(COACH, { text: 'my caseload' }));
    expect(cardText(december)).toContain('My caseload: December 2026');
    // Listed in December too: it is within the edit window whatever the month.
    expect(cardText(december)).toContain(`${reference}: 30 Nov`);
    const [editCard] = await bot.send(
      as(COACH, { value: { verb: 'session.edit', logId: log?.logId ?? '' } }),
    );
    expect(cardText(editCard)).toContain(`Change a session log (${reference})`);
    const change = { ...entry, logId: log?.logId ?? '', date: '2026-11-30', durationMinutes: '30' };
    const [updated] = await bot.send(as(COACH, { id: 'jo-change-1', value: change }));
    expect(updated?.text).toBe(`Updated ${reference}.`);
    // A second press of the same Save writes the same entry again, and says so again.
    const [again] = await bot.send(as(COACH, { id: 'jo-change-2', value: change }));
    expect(again?.text).toBe(`Updated ${reference}.`);
    expect(
      (await bot.sessionLogs.get(COACH.aadObjectId.toLowerCase(), log?.logId ?? ''))?.entry
        .durationMinutes,
    ).toBe(30);
  });

  it('gives a lead the quarter by coach and by practice, counting group sizes, with a CSV for the quarter', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-09-20T10:00:00Z');
    await bot.send(
      as(SECOND_COACH, {
        id: 'sam-q3-1',
        value: {
          ...entry,
          date: '2026-08-12',
          format: 'group',
          groupSize: '7',
          practice: 'Y00003',
        },
      }),
    );
    await bot.send(
      as(SECOND_COACH, {
        id: 'sam-q3-2',
        value: { ...entry, date: '2026-09-02', attended: 'no', practice: 'Y00003' },
      }),
    );
    bot.clock.set('2026-12-01T09:00:00Z');
    const [typed] = await bot.send(as(LEAD, { text: 'activity report Q3' }));
    const [picked] = await bot.send(
      as(LEAD, { value: { verb: 'session.report', period: '2026-Q3' } }),
    );
    for (const card of [typed, picked]) {
      const text = cardText(card);
      expect(text).toContain('Activity report: Q3 2026 (July to September)');
      expect(text).toContain('By coach');
      expect(text).toMatch(
        /"title":"Sam Okoro","value":"\d+ sessions, \d+ attended \([^)]*\), \d+ people seen"/,
      );
      expect(text).toContain('By practice');
      expect(text).toContain('"title":"Market Street Health Centre"');
      expect(text).toMatch(
        /"url":"https:\/\/bot\.example\.test\/reports\/activity\/[^/"]+\/2026-Q3\?/,
      );
    }
  });

  it('says when it cannot tell the period, and shows the current month', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-12-01T09:00:00Z');
    const [card] = await bot.send(as(COACH, { text: 'my caseload for the blue team' }));
    expect(cardText(card)).toContain('My caseload: December 2026');
    expect(cardText(card)).toContain('I couldn’t tell which month, quarter or year you meant');
  });

  it.each<[string, Person, Record<string, unknown> | string, RegExp]>([
    ['"my caseload for November"', COACH, 'my caseload for November', /My caseload: November/],
    [
      'the caseload period picker',
      COACH,
      { verb: 'session.caseload', period: '2026' },
      /My caseload: 2026/,
    ],
    ['"activity report Q3"', LEAD, 'activity report Q3', /Activity report: Q3 2026/],
    [
      'the report period picker',
      LEAD,
      { verb: 'session.report', period: '2026-10' },
      /Activity report: October 2026/,
    ],
  ])(
    'answers %s asked in a channel in the 1:1 chat only',
    async (_name, person, asked, content) => {
      const bot = buildTestBot({ database: store.database });
      bot.clock.set('2026-12-01T09:00:00Z');
      const activity =
        typeof asked === 'string'
          ? { ...channelMessage(asked, person.id), from: person }
          : {
              ...channelMessage('', person.id, false),
              text: undefined,
              from: person,
              value: asked,
            };
      const replies = await bot.send(activity);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text?.replace(/^<at>[^<]*<\/at> /, '')).toBe(
        "That's personal, so I've sent it to you in our 1:1 chat.",
      );
      expect(replies[0]?.attachments ?? []).toEqual([]);
      expect(JSON.stringify(bot.personalChat.sent[0]?.messages)).toMatch(content);
    },
  );
});
