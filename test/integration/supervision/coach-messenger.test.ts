import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { TeamsPersonalChat } from '../../../src/bot/teams/personal-chat';
import { BotCoachMessenger } from '../../../src/bot/teams/coach-messenger';
import type { StoredConversation } from '../../../src/domain/conversation';
import { createLogger } from '../../../src/logger';
import { FakeTeamsConnector } from '../../helpers/fake-teams-connector';
import { MemoryConversationRepository } from '../../../src/store/memory/conversation.memory-repository';
import { testSchedule } from '../../helpers/supervision-fixtures';

const TENANT = 'tenant-1';
const COACH = '00000000-0000-0000-0000-0000000000c1';

let connector: FakeTeamsConnector;

beforeEach(async () => {
  connector = await new FakeTeamsConnector().start();
});

afterEach(async () => {
  await connector.stop();
});

const schedule = testSchedule({ scheduleId: 'schedule-1', coachId: COACH });

function conversation(
  kind: StoredConversation['kind'],
  id: string,
  extra: Partial<StoredConversation> = {},
): StoredConversation {
  return {
    tenantId: TENANT,
    conversationId: id,
    kind,
    serviceUrl: connector.url,
    active: true,
    updatedAt: '2026-11-01T00:00:00.000Z',
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id, tenantId: TENANT },
      bot: { id: '28:bot', name: 'HWBC' },
    },
    ...extra,
  };
}

function messenger(conversations: MemoryConversationRepository): {
  messenger: BotCoachMessenger;
  warnings: string[];
} {
  const warnings: string[] = [];
  const logger = createLogger('warn', (line) => warnings.push(line));
  return {
    messenger: new BotCoachMessenger(
      new TeamsPersonalChat(
        new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
        '',
        conversations,
      ),
      logger,
    ),
    warnings,
  };
}

const reminder = {
  schedule,
  tenantId: TENANT,
  sessionStart: '2026-12-01T10:00:00.000Z',
  dueAt: '2026-11-30T09:00:00.000Z',
  kind: 'before' as const,
  late: false,
};

describe('reminders reach the coach in their 1:1 chat', () => {
  it('uses the stored 1:1 chat when the coach has talked to the bot', async () => {
    const conversations = new MemoryConversationRepository();
    await conversations.upsert(
      conversation('personal', 'a:coach-chat', { userAadObjectId: COACH.toUpperCase() }),
    );
    const { messenger: m } = messenger(conversations);
    await expect(m.sendReminder(reminder)).resolves.toEqual({ kind: 'sent' });
    expect(connector.messages).toHaveLength(1);
    expect(connector.messages[0]?.conversationId).toBe('a:coach-chat');
    expect(JSON.stringify(connector.messages[0]?.card)).toContain(
      'Coming up: Coaching supervision (1:1)',
    );
    expect(connector.personalChats.size).toBe(0);
  });

  it('opens the 1:1 chat first when the coach has the app but no chat with the bot yet', async () => {
    const conversations = new MemoryConversationRepository();
    await conversations.upsert(conversation('channel', '19:general@thread.tacv2'));
    connector.installFor(COACH);
    const { messenger: m } = messenger(conversations);
    await expect(m.sendReminder(reminder)).resolves.toEqual({ kind: 'sent' });
    const opened = connector.personalChats.get(COACH);
    expect(opened).toBeDefined();
    expect(connector.messages.map((x) => x.conversationId)).toEqual([opened]);
    // Nothing was posted into the channel the service address came from.
    expect(connector.posts).toHaveLength(0);
  });

  it('reports a coach without the app as unreachable, and logs it without personal data', async () => {
    const conversations = new MemoryConversationRepository();
    await conversations.upsert(conversation('channel', '19:general@thread.tacv2'));
    const { messenger: m, warnings } = messenger(conversations);
    await expect(m.sendReminder(reminder)).resolves.toMatchObject({ kind: 'unreachable' });
    expect(connector.messages).toHaveLength(0);
    expect(warnings.join('\n')).toContain('reminder_not_delivered');
    expect(warnings.join('\n')).not.toContain('Alex Supervisor');
  });

  it('is unreachable, without calling Teams, when the bot knows no conversation in the tenant', async () => {
    const { messenger: m } = messenger(new MemoryConversationRepository());
    await expect(m.sendReminder(reminder)).resolves.toMatchObject({ kind: 'unreachable' });
    expect(connector.messages).toHaveLength(0);
    expect(connector.personalChats.size).toBe(0);
  });
});

describe('when Teams throttles or fails', () => {
  async function withCoachChat(): Promise<BotCoachMessenger> {
    const conversations = new MemoryConversationRepository();
    await conversations.upsert(
      conversation('personal', 'a:coach-chat', { userAadObjectId: COACH }),
    );
    return messenger(conversations).messenger;
  }

  it('a single 429 is retried by the connector client and the reminder arrives once', async () => {
    const m = await withCoachChat();
    connector.failNextMessages(429, 1, '1');
    await expect(m.sendReminder(reminder)).resolves.toEqual({ kind: 'sent' });
    expect(connector.refusedMessages).toBe(1);
    expect(connector.messages).toHaveLength(1);
  });

  it('asks to try again after the Retry-After Teams gave, when throttling goes on', async () => {
    const m = await withCoachChat();
    connector.failNextMessages(429, 100, '1');
    await expect(m.sendReminder(reminder)).resolves.toMatchObject({ kind: 'retry', afterMs: 1000 });
    expect(connector.messages).toHaveLength(0);
  });

  it('gives up at once when Teams refuses the conversation (403)', async () => {
    const m = await withCoachChat();
    connector.failNextMessages(403, 100);
    await expect(m.sendReminder(reminder)).resolves.toMatchObject({ kind: 'unreachable' });
    expect(connector.refusedMessages).toBe(1);
  });
});
