import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Database } from '@azure/cosmos';
import { DateTime } from 'luxon';
import { BotDigestMessenger } from '../../../src/bot/teams/digest-messenger';
import { TeamsPersonalChat } from '../../../src/bot/teams/personal-chat';
import { DigestPreferences } from '../../../src/dialogs/digest/digest.service';
import { planBroadcast } from '../../../src/domain/broadcast/broadcast';
import { fixedClock } from '../../../src/domain/clock';
import type { StoredConversation } from '../../../src/domain/conversation';
import { RoleDirectory } from '../../../src/domain/roles';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import { withFirstReminder } from '../../../src/domain/supervision/reminder-plan';
import {
  coachSessionsSection,
  overdueCoachesSection,
  postsThisWeekSection,
} from '../../../src/jobs/digest-sections';
import { WeeklyDigest } from '../../../src/jobs/weekly-digest';
import { createLogger } from '../../../src/logger';
import { CosmosBroadcastRepository } from '../../../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../../../src/store/containers';
import { CosmosDigestRepository } from '../../../src/store/digest.cosmos-repository';
import { MemoryConversationRepository } from '../../../src/store/memory/conversation.memory-repository';
import { CosmosSupervisionRepository } from '../../../src/store/supervision.cosmos-repository';
import { channel } from '../../helpers/channel-target';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { FakeTeamsConnector } from '../../helpers/fake-teams-connector';
import { examplePcn } from '../../helpers/pcn';
import { COACH, LEAD } from '../../helpers/people';
import { callerAs, recordedTurn } from '../../helpers/recorded-turn';
import { testSchedule } from '../../helpers/supervision-fixtures';

const TENANT = 'aaaaaaaa-0000-0000-0000-000000000001';
const pcn = examplePcn();
const store = useEmbeddedDatabase('weekly-digest');
let connector: FakeTeamsConnector;

beforeEach(async () => {
  connector = await new FakeTeamsConnector().start();
});

afterEach(async () => {
  await connector.stop();
});

/** The 1:1 chat the person has had with the bot. */
function personalChat(userId: string): StoredConversation {
  const id = `a:chat-${userId}`;
  return {
    tenantId: TENANT,
    conversationId: id,
    kind: 'personal',
    serviceUrl: connector.url,
    active: true,
    updatedAt: '2026-11-01T00:00:00.000Z',
    userAadObjectId: userId,
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id, tenantId: TENANT },
      bot: { id: '28:bot', name: 'HWBC' },
    },
  };
}

/** A fresh set of containers' worth of data per test: each test uses its own database. */
async function setUp(database: Database, now: string) {
  const clock = fixedClock(now);
  const supervision = new CosmosSupervisionRepository(
    database.container(CONTAINERS.supervision.id),
  );
  const broadcasts = new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id));
  const digests = new CosmosDigestRepository(database.container(CONTAINERS.conversations.id));
  const conversations = new MemoryConversationRepository();
  await conversations.upsert(personalChat(COACH.aadObjectId));
  await conversations.upsert(personalChat(LEAD.aadObjectId));
  /** One instance of the job, as each bot instance runs it. */
  const instance = (): WeeklyDigest =>
    new WeeklyDigest(
      {
        pcn,
        digests,
        sections: [
          coachSessionsSection(supervision, 6, () => clock.now()),
          overdueCoachesSection(supervision, pcn, 6, () => clock.now()),
          postsThisWeekSection(broadcasts),
        ],
        messenger: new BotDigestMessenger(
          new TeamsPersonalChat(
            new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
            '',
            conversations,
          ),
          createLogger('error', () => undefined),
        ),
        clock,
        logger: createLogger('error', () => undefined),
      },
      { weekday: 1, time: '08:30', pollMs: 50, tenantId: TENANT },
    );
  const preferences = new DigestPreferences({
    digests,
    roles: new RoleDirectory(pcn),
    clock,
    when: 'every Monday at 08:30',
  });
  return { clock, supervision, broadcasts, digests, instance, preferences };
}

const cardTo = (userId: string): string =>
  connector.messages
    .filter((m) => m.conversationId === `a:chat-${userId}`)
    .map((m) => JSON.stringify(m.card))
    .join('\n');

describe('the weekly digest', () => {
  it('goes on Monday at 08:30 UK time, once per person per week, whatever restarts or instances', async () => {
    const { clock, supervision, broadcasts, instance } = await setUp(
      store.database,
      '2026-11-30T08:29:00Z',
    );
    // Jo's monthly supervision, first Tuesday at 10:00: 1 December is in the week.
    await supervision.saveSchedule(
      withFirstReminder(
        { schedule: testSchedule({ coachId: COACH.aadObjectId }), tenantId: TENANT },
        DateTime.fromISO('2026-11-01T09:00:00Z', { zone: 'utc' }),
        englandAndWalesBankHolidays(),
      ),
    );
    // Sam Lead's weekly post, Thursday 10:00 this week and next.
    const plan = planBroadcast(
      {
        jobId: 'digest-job',
        tenantId: TENANT,
        createdBy: LEAD.aadObjectId,
        createdByName: LEAD.name,
        audience: 'general',
        cards: [{ key: 'what', title: 'What a coach does', content: { type: 'AdaptiveCard' } }],
        targets: [channel(connector.url, 'General')],
        startLocal: { date: '2026-12-03', time: '10:00' },
        repeatWeeks: 2,
      },
      clock.now(),
    );
    if ('problem' in plan) {
      throw new Error(plan.problem);
    }
    await broadcasts.createJob(plan.job, plan.deliveries);

    const first = instance();
    expect(await first.runOnce()).toBe(0);
    expect(connector.messages).toHaveLength(0);

    clock.set('2026-11-30T08:30:00Z');
    // Two instances at once, then a restart later that morning: one digest each.
    const [a, b] = await Promise.all([first.runOnce(), instance().runOnce()]);
    expect(a + b).toBe(2);
    clock.set('2026-11-30T11:00:00Z');
    expect(await instance().runOnce()).toBe(0);
    expect(connector.messages).toHaveLength(2);

    const coach = cardTo(COACH.aadObjectId);
    expect(coach).toContain('Week beginning Monday 30 November 2026');
    expect(coach).toContain('Coaching supervision (1:1): Tuesday 1 Dec at 10:00');
    expect(coach).toContain('No coaching supervision is recorded for you yet.');
    expect(coach).not.toContain('Coaches overdue');
    expect(coach).toContain('"verb":"digest.stop"');

    const lead = cardTo(LEAD.aadObjectId);
    expect(lead).toContain('Coaches overdue for supervision');
    expect(lead).toContain('Jo Coach: none recorded');
    expect(lead).toContain('Sam Okoro: none recorded');
    expect(lead).toContain('Thursday 3 Dec at 10:00: What a coach does to General');
    expect(lead).not.toContain('10 Dec');
    expect(lead).not.toContain('Your supervision this week');
    // No referrals section: no provider was given, and no placeholder shows.
    expect(lead.toLowerCase()).not.toContain('referral');

    // Sam Okoro has no chat with the bot and no app: not sent, and not tried again that week.
    expect(connector.personalChats.size).toBe(0);

    // Not on Tuesday: a digest of "this week" is for Monday.
    clock.set('2026-12-01T08:30:00Z');
    expect(await instance().runOnce()).toBe(0);
    // The next Monday, a new week.
    clock.set('2026-12-07T08:30:00Z');
    expect(await instance().runOnce()).toBe(2);
    expect(connector.messages).toHaveLength(4);
  });

  it('is not sent to someone who switched it off, and comes again when they switch it on', async () => {
    const { clock, instance, preferences } = await setUp(store.database, '2026-12-14T08:30:00Z');
    const lead = callerAs(LEAD);
    const turn = recordedTurn(lead);
    await preferences.stop(turn);
    await preferences.stop(turn);
    expect(turn.texts()).toEqual([
      "Done: I won't send you the weekly digest. Type 'start weekly digest' if you want it again.",
      "Your weekly digest is already off. Type 'start weekly digest' if you want it again.",
    ]);
    expect(await instance().runOnce()).toBe(1);
    expect(cardTo(LEAD.aadObjectId)).toBe('');
    expect(cardTo(COACH.aadObjectId)).toContain('Your week ahead');

    const on = recordedTurn(lead);
    await preferences.start(on);
    expect(on.texts()).toEqual([
      "Done: you'll get the weekly digest every Monday at 08:30, in this chat.",
    ]);
    clock.set('2026-12-21T08:30:00Z');
    expect(await instance().runOnce()).toBe(2);
    expect(cardTo(LEAD.aadObjectId)).toContain('Your week ahead');
  });

  it('tries again on a later pass when Teams fails, and still sends only once', async () => {
    const { instance } = await setUp(store.database, '2026-12-28T09:00:00Z');
    connector.failNextMessages(503, 100);
    const job = instance();
    expect(await job.runOnce()).toBe(0);
    expect(connector.messages).toHaveLength(0);
    connector.failNextMessages(503, 0);
    expect(await job.runOnce()).toBe(2);
    expect(await job.runOnce()).toBe(0);
    expect(connector.messages).toHaveLength(2);
  });

  it('tells someone who is neither coach nor lead there is nothing to switch', async () => {
    const { preferences, digests } = await setUp(store.database, '2026-12-28T09:00:00Z');
    const turn = recordedTurn(callerAs({ id: '29:gp', name: 'Dr Gee', aadObjectId: 'gp-1' }));
    await preferences.stop(turn);
    expect(turn.texts()).toEqual([
      "The weekly digest is for the PCN's coaches and leads, so there is nothing to switch.",
    ]);
    expect(await digests.getPreference(TENANT, 'gp-1')).toBeUndefined();
  });
});
