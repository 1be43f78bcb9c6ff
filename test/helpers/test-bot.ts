import {
  MemoryStorage,
  PrivateConversationState,
  TestAdapter,
  type Activity,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Database } from '@azure/cosmos';
import { BroadcastCommands } from '../../src/bot/broadcast-commands';
import { GuardedStorage } from '../../src/bot/guarded-storage';
import { sendImmediately } from '../../src/bot/reply-buffer';
import { BroadcastDialog } from '../../src/dialogs/broadcast/broadcast.dialog';
import { BroadcastService } from '../../src/dialogs/broadcast/broadcast.service';
import { TeamsChannelDirectory } from '../../src/dialogs/broadcast/channel-directory';
import { CosmosAuditLog, type AuditLog } from '../../src/store/audit.repository';
import { CosmosBroadcastRepository } from '../../src/store/broadcast.cosmos-repository';
import type { BroadcastRepository } from '../../src/store/broadcast.repository';
import { CONTAINERS } from '../../src/store/containers';
import { SupervisionCommands } from '../../src/bot/supervision-commands';
import { SessionLogCommands } from '../../src/bot/session-log-commands';
import { CosmosSessionLogRepository } from '../../src/store/session-log.cosmos-repository';
import type { SessionLogRepository } from '../../src/store/session-log.repository';
import { englandAndWalesBankHolidays } from '../../src/domain/supervision/bank-holidays';
import { CosmosSupervisionRepository } from '../../src/store/supervision.cosmos-repository';
import type { SupervisionRepository } from '../../src/store/supervision.repository';
import { HwbcBot } from '../../src/bot/hwbc.bot';
import { ReplyBuffer } from '../../src/bot/reply-buffer';
import { createTurnErrorHandler } from '../../src/bot/turn-error';
import { DialogRunner } from '../../src/dialogs/dialog-runner';
import { ReferralDialog } from '../../src/dialogs/referral/referral.dialog';
import { fixedClock } from '../../src/domain/clock';
import { RoleDirectory } from '../../src/domain/roles';
import { createLogger, type Logger } from '../../src/logger';
import { MemoryConversations, MemoryReferralRecords } from './memory-repositories';
import type { PcnConfig } from '../../src/domain/pcn-config';
import { examplePcn } from './pcn';

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
  options: { idleMinutes?: number; database?: Database; pcn?: PcnConfig } = {},
) {
  const pcn = options.pcn ?? examplePcn();
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const storage = new SwitchableStorage();
  const records = new MemoryReferralRecords();
  const conversations = new MemoryConversations();
  const logLines: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logLines.push(line));
  const state = new PrivateConversationState(new GuardedStorage(storage));
  const referral = new ReferralDialog({
    pcn,
    records,
    roles: new RoleDirectory(pcn),
    clock,
    contactsReviewMonths: 6,
  });
  const broadcasts: BroadcastRepository = options.database
    ? new CosmosBroadcastRepository(options.database.container(CONTAINERS.broadcasts.id))
    : unavailable<BroadcastRepository>('broadcasts');
  const audit: AuditLog = options.database
    ? new CosmosAuditLog(options.database.container(CONTAINERS.audit.id))
    : unavailable<AuditLog>('audit');
  const roles = new RoleDirectory(pcn);
  const sessionLogs: SessionLogRepository = options.database
    ? new CosmosSessionLogRepository(options.database.container(CONTAINERS.sessionLogs.id), 3600)
    : unavailable<SessionLogRepository>('sessionLogs');
  const supervision: SupervisionRepository = options.database
    ? new CosmosSupervisionRepository(options.database.container(CONTAINERS.supervision.id))
    : unavailable<SupervisionRepository>('supervision');
  const service = new BroadcastService({ broadcasts, audit, pcn, clock, contactsReviewMonths: 6 });
  const links = {
    broadcastCsv: (jobId: string, user: string) =>
      `https://bot.example.test/reports/${jobId}?u=${user}`,
  };
  const sentNow: Partial<Activity>[] = [];
  const broadcastDialog = new BroadcastDialog({
    service,
    broadcasts,
    channels: new TeamsChannelDirectory(conversations, logger),
    links,
    clock,
    sendNow: async (context, card) => {
      const activity = { type: 'message', attachments: [card] };
      sentNow.push(activity);
      return (await sendImmediately(context, activity))?.id ?? 'sent-now';
    },
  });
  const runner = new DialogRunner(
    state.createProperty<DialogState>('dialogState'),
    state.createProperty<string | undefined>('lastActive'),
    [referral, broadcastDialog],
    clock,
    options.idleMinutes ?? 30,
  );
  const bot = new HwbcBot({
    runner,
    state,
    conversations,
    pcn,
    clock,
    logger,
    botName: 'HWBC Assistant',
    contactsReviewMonths: 6,
    broadcast: new BroadcastCommands({ service, broadcasts, roles, links, clock, pcn, runner }),
    sessions: new SessionLogCommands({
      logs: sessionLogs,
      referrals: records,
      roles,
      clock,
      editDays: 7,
      links: {
        activityCsv: (tenantId: string, month: string, user: string) =>
          `https://bot.example.test/reports/activity/${tenantId}/${month}?u=${user}`,
      },
    }),
    supervision: new SupervisionCommands({
      supervision,
      roles,
      pcn,
      clock,
      holidays: englandAndWalesBankHolidays(),
      overdueWeeks: 6,
    }),
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
