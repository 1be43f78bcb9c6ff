import { MemoryReferrerFeedbackRepository } from '../../src/store/memory/referrer-feedback.memory-repository';
import type { ReferrerFeedbackRepository } from '../../src/store/referrer-feedback.repository';
import {
  MemoryStorage,
  TestAdapter,
  type Activity,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import type { Database } from '@azure/cosmos';
import { buildBot } from '../../src/app';
import { ReplyBuffer, sendImmediately } from '../../src/bot/reply-buffer';
import { createTurnErrorHandler } from '../../src/bot/turn-error';
import { fixedClock } from '../../src/domain/clock';
import type { PcnConfig } from '../../src/domain/pcn-config';
import { DEFAULT_REMINDERS } from '../../src/domain/supervision/schedule';
import { createLogger, type Logger } from '../../src/logger';
import { CosmosAuditLog } from '../../src/store/audit.cosmos-repository';
import type { AuditLog } from '../../src/store/audit.repository';
import { CosmosBroadcastRepository } from '../../src/store/broadcast.cosmos-repository';
import type { BroadcastRepository } from '../../src/store/broadcast.repository';
import { CONTAINERS } from '../../src/store/containers';
import { MemoryConversationRepository } from '../../src/store/memory/conversation.memory-repository';
import { MemoryReferralRecordRepository } from '../../src/store/memory/referral-record.memory-repository';
import { CosmosSessionLogRepository } from '../../src/store/session-log.cosmos-repository';
import type { SessionLogRepository } from '../../src/store/session-log.repository';
import { CosmosSupervisionRepository } from '../../src/store/supervision.cosmos-repository';
import type { SupervisionRepository } from '../../src/store/supervision.repository';
import { MemoryTurnLedger } from '../../src/store/memory/turn-ledger.memory-repository';
import { MemoryDigestRepository } from '../../src/store/memory/digest.memory-repository';
import { MemoryRosterRepository } from '../../src/store/memory/roster.memory-repository';
import { CosmosRosterRepository } from '../../src/store/roster.cosmos-repository';
import type { RosterRepository } from '../../src/store/roster.repository';
import type { ConversationMember } from '../../src/dialogs/feature-turn';
import { MemoryReferralCaseRepository } from '../../src/store/memory/referral-case.memory-repository';
import { CosmosReferralCaseRepository } from '../../src/store/referral-case.cosmos-repository';
import type { ReferralCaseRepository } from '../../src/store/referral-case.repository';
import type { TeamConversation } from '../../src/dialogs/team-conversation';
import type { PersonalChat } from '../../src/dialogs/personal-chat';
import { examplePcn } from './pcn';
import { RecordingPersonalChat } from './recording-personal-chat';

/** Storage that can be switched off, to show what users see when Cosmos is unreachable. */
export class SwitchableStorage implements Storage {
  down = false;
  constructor(private readonly inner: Storage = new MemoryStorage()) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.down ? Promise.reject(new Error('ECONNREFUSED')) : this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    return this.down ? Promise.reject(new Error('ECONNREFUSED')) : this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.down ? Promise.reject(new Error('ECONNREFUSED')) : this.inner.delete(keys);
  }
}

export const BOT_ID = '28:bot-id';
export const TENANT_ID = 'aaaaaaaa-0000-0000-0000-000000000001';

/** A repository that fails loudly if a test touches it without providing a real one. */
function unavailable<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, property) => () =>
      Promise.reject(new Error(`${name}.${String(property)} is not available in this test`)),
  });
}

export function buildTestBot(
  options: {
    idleMinutes?: number;
    database?: Database;
    pcn?: PcnConfig;
    /** The members Teams would list for a team or group chat (the tests' fake member list). */
    members?: ConversationMember[];
    /** The coaching team's channel, for PCNs that name one. */
    teamConversation?: TeamConversation;
    /** Where referral references are drawn from. */
    random?: (max: number) => number;
    referralCases?: ReferralCaseRepository;
    referrerFeedback?: ReferrerFeedbackRepository;
    /** People's 1:1 chats over the test's conversations (a real Teams client on a fake connector). */
    personalChat?: (conversations: MemoryConversationRepository) => PersonalChat;
  } = {},
) {
  const pcn = options.pcn ?? examplePcn();
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const storage = new SwitchableStorage();
  const records = new MemoryReferralRecordRepository();
  const conversations = new MemoryConversationRepository();
  const logLines: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logLines.push(line));
  const { database } = options;
  const broadcasts: BroadcastRepository = database
    ? new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id))
    : unavailable<BroadcastRepository>('broadcasts');
  const audit: AuditLog = database
    ? new CosmosAuditLog(database.container(CONTAINERS.audit.id))
    : unavailable<AuditLog>('audit');
  const sessionLogs: SessionLogRepository = database
    ? new CosmosSessionLogRepository(database.container(CONTAINERS.sessionLogs.id), 3600)
    : unavailable<SessionLogRepository>('sessionLogs');
  const supervision: SupervisionRepository = database
    ? new CosmosSupervisionRepository(database.container(CONTAINERS.supervision.id))
    : unavailable<SupervisionRepository>('supervision');
  const referralCases: ReferralCaseRepository =
    options.referralCases ??
    (database
      ? new CosmosReferralCaseRepository(database.container(CONTAINERS.referralCases.id), 3600)
      : new MemoryReferralCaseRepository());
  const roster: RosterRepository = database
    ? new CosmosRosterRepository(database.container(CONTAINERS.roster.id))
    : new MemoryRosterRepository();
  const digests = new MemoryDigestRepository();
  const sentNow: Partial<Activity>[] = [];
  const recordingChat = new RecordingPersonalChat();
  const personalChat: PersonalChat = options.personalChat?.(conversations) ?? recordingChat;
  const { bot, referralCases: referralCaseService } = buildBot({
    personalChat,
    ...(options.teamConversation ? { teamConversation: options.teamConversation } : {}),
    ...(options.random ? { random: options.random } : {}),
    config: {
      pcn,
      contactsReviewMonths: 6,
      dialogIdleMinutes: options.idleMinutes ?? 30,
      supervision: { pollMs: 1000, overdueWeeks: 6, reminderOffsets: [...DEFAULT_REMINDERS] },
      sessionLogs: { retentionDays: 1, editDays: 7 },
      digest: { enabled: true, weekday: 1, time: '08:30', pollMs: 1000 },
      referralCases: { retentionDays: 400, unansweredWorkingDays: 2, updatePollMs: 60_000 },
    },
    repositories: {
      conversations,
      records,
      broadcasts,
      audit,
      supervision,
      sessionLogs,
      referralCases,
      referrerFeedback: options.referrerFeedback ?? new MemoryReferrerFeedbackRepository(),
      turns: new MemoryTurnLedger(),
      digests,
      roster,
    },
    botStorage: storage,
    clock,
    logger,
    links: {
      broadcastCsv: (jobId, user) => `https://bot.example.test/reports/${jobId}?u=${user}`,
      activityCsv: (tenantId, month, user) =>
        `https://bot.example.test/reports/activity/${tenantId}/${month}?u=${user}`,
      supervisionCalendar: (scheduleId, key, user) =>
        `https://bot.example.test/calendar/supervision/${scheduleId}/${key}/supervision.ics?u=${user}`,
    },
    members: (context) =>
      Promise.resolve(
        context.activity.conversation.conversationType === 'personal'
          ? []
          : (options.members ?? []),
      ),
    sendNow: async (context, card) => {
      const activity = { type: 'message', attachments: [card] };
      sentNow.push(activity);
      return (await sendImmediately(context, activity))?.id ?? 'sent-now';
    },
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(new ReplyBuffer());
  adapter.onTurnError = createTurnErrorHandler(logger);

  let counter = 0;
  /** Send one activity as a user and return what the bot sent back. */
  async function send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    counter += 1;
    adapter.activeQueue.splice(0);
    await adapter.processActivity({
      type: 'message',
      id: `activity-${counter}`,
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/uk/',
      recipient: { id: BOT_ID, name: 'HWBC Assistant' },
      from: { id: '29:user-a', name: 'Dr A', aadObjectId: 'bbbbbbbb-0000-0000-0000-00000000000a' },
      conversation: {
        id: 'a:personal-chat',
        conversationType: 'personal',
        tenantId: TENANT_ID,
        isGroup: false,
        name: '',
      },
      ...activity,
    });
    return adapter.activeQueue.splice(0);
  }
  return {
    send,
    clock,
    storage,
    records,
    conversations,
    logLines,
    pcn,
    broadcasts,
    audit,
    sentNow,
    supervision,
    sessionLogs,
    personalChat: recordingChat,
    digests,
    roster,
    referralCases,
    referralCaseService,
    logger,
  };
}

/** A channel message that @mentions the bot, from the given user. */
export function channelMessage(text: string, userId: string, mention = true): Partial<Activity> {
  return {
    text: mention ? `<at>HWBC Assistant</at> ${text}` : text,
    from: { id: userId, name: userId },
    conversation: {
      id: '19:general@thread.tacv2;messageid=1700000000000',
      conversationType: 'channel',
      tenantId: TENANT_ID,
      isGroup: true,
      name: 'General',
    },
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: '19:team@thread.tacv2', name: 'Riverside PCN' },
      channel: { id: '19:general@thread.tacv2', name: 'General' },
    },
    entities: mention
      ? [
          {
            type: 'mention',
            mentioned: { id: BOT_ID, name: 'HWBC Assistant' },
            text: '<at>HWBC Assistant</at>',
          },
        ]
      : [],
  };
}
