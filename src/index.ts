import { PrivateConversationState } from 'botbuilder';
import { ManagedIdentityCredential } from '@azure/identity';
import type { DialogState } from 'botbuilder-dialogs';
import { createAdapter } from './bot/adapter';
import { createRequestAuthenticator } from './bot/auth/request-authenticator';
import { createBotStateStorage } from './bot/bot-state-storage';
import { GuardedStorage } from './bot/guarded-storage';
import { HwbcBot } from './bot/hwbc.bot';
import { aboutPages } from './bot/about-pages';
import { createServer } from './bot/server';
import { ConfigError, loadConfig, redactedSummary, type AppConfig } from './config';
import { randomBytes } from 'node:crypto';
import { BroadcastCommands } from './bot/broadcast-commands';
import { StatusCardNotifier } from './bot/broadcast-notifier';
import { BotFrameworkChannelPoster } from './bot/channel-poster';
import { ACTIVITY_CSV_PATH, BROADCAST_CSV_PATH, DownloadLinks } from './bot/download-links';
import { activityCsvDownload, broadcastCsvDownload } from './bot/report-routes';
import { SessionLogCommands } from './bot/session-log-commands';
import { CosmosSessionLogRepository } from './store/session-log.cosmos-repository';
import { sendImmediately } from './bot/reply-buffer';
import { BroadcastDialog } from './dialogs/broadcast/broadcast.dialog';
import { BroadcastService } from './dialogs/broadcast/broadcast.service';
import { TeamsChannelDirectory } from './dialogs/broadcast/channel-directory';
import { DialogRunner } from './dialogs/dialog-runner';
import { DEFAULT_RETRY } from './domain/broadcast/retry-policy';
import { BroadcastSender, newInstanceId } from './jobs/broadcast-sender';
import { CosmosAuditLog } from './store/audit.repository';
import { CosmosBroadcastRepository } from './store/broadcast.cosmos-repository';
import { CosmosRateGate } from './store/rate-window.cosmos-store';
import { BotCoachMessenger } from './bot/coach-messenger';
import { SupervisionCommands } from './bot/supervision-commands';
import { englandAndWalesBankHolidays } from './domain/supervision/bank-holidays';
import { ReminderScheduler } from './jobs/reminder-scheduler';
import { CosmosSupervisionRepository } from './store/supervision.cosmos-repository';
import { ReferralDialog } from './dialogs/referral/referral.dialog';
import { systemClock } from './domain/clock';
import { contactsReviewStatus } from './domain/contacts-review';
import { RoleDirectory } from './domain/roles';
import { createLogger } from './logger';
import { CONTAINERS } from './store/containers';
import type { ConversationRepository } from './store/conversation.repository';
import { CosmosConversationRepository } from './store/conversation.cosmos-repository';
import { openDatabase, type CosmosConnection } from './store/cosmos-database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './store/embedded-cosmos';
import { CosmosReferralRecordRepository } from './store/referral-record.cosmos-repository';

const BOT_NAME = 'HWBC Assistant';

/** The composition root: the only place that builds infrastructure. */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, (line) => process.stdout.write(`${line}\n`));
  const clock = systemClock;
  logger.info('starting', redactedSummary(config));
  if (config.usingExamplePcnConfig) {
    logger.warn('example_pcn_config', {
      message:
        'Using config/pcn.example.json. Set PCN_CONFIG_PATH to your PCN file before real use.',
    });
  }
  const review = contactsReviewStatus(
    config.pcn.reviewedOn,
    clock.now(),
    config.contactsReviewMonths,
  );
  if (review.stale) {
    logger.warn('pcn_contacts_stale', { reviewedOn: config.pcn.reviewedOn, message: review.note });
  }

  let embedded: EmbeddedCosmos | undefined;
  let connection: CosmosConnection;
  if (config.storage.kind === 'embedded') {
    embedded = await startEmbeddedCosmos();
    connection = {
      endpoint: embedded.endpoint,
      key: embedded.key,
      database: config.storage.database,
      allowSelfSigned: true,
    };
    logger.warn('embedded_storage', {
      message:
        'No COSMOS_ENDPOINT set: using the embedded Cosmos-compatible store. Data is kept in memory and lost when the bot stops.',
      endpoint: embedded.endpoint,
    });
  } else {
    const { endpoint, database: databaseId, allowSelfSigned, auth } = config.storage;
    connection = {
      endpoint,
      database: databaseId,
      allowSelfSigned,
      ...(auth.kind === 'key'
        ? { key: auth.key }
        : { credential: new ManagedIdentityCredential({ clientId: auth.clientId }) }),
    };
  }
  const { client, database } = await openDatabase(connection);

  const conversations: ConversationRepository = new CosmosConversationRepository(
    database.container(CONTAINERS.conversations.id),
  );
  const records = new CosmosReferralRecordRepository(
    database.container(CONTAINERS.referralRecords.id),
  );
  const botStorage = new GuardedStorage(createBotStateStorage(connection));
  const userState = new PrivateConversationState(botStorage);
  const roles = new RoleDirectory(config.pcn);
  const referral = new ReferralDialog({
    pcn: config.pcn,
    records,
    roles,
    clock,
    contactsReviewMonths: config.contactsReviewMonths,
  });
  const broadcasts = new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id));
  const audit = new CosmosAuditLog(database.container(CONTAINERS.audit.id));
  const adapter = createAdapter(config.auth, logger);
  const appId = config.auth.kind === 'anonymous' ? '' : config.auth.appId;
  // Download links need an address users can reach; locally, the loopback one below.
  const linkBase = { url: config.publicBaseUrl ?? '' };
  const links = new DownloadLinks(
    config.downloadLinkSecret ?? randomBytes(32).toString('hex'),
    '',
    config.downloadLinkMinutes,
    clock,
  );
  const broadcastService = new BroadcastService({
    broadcasts,
    audit,
    pcn: config.pcn,
    clock,
    contactsReviewMonths: config.contactsReviewMonths,
  });
  const reportLinks = {
    broadcastCsv: (jobId: string, user: string) =>
      `${linkBase.url}${links.broadcastCsv(jobId, user)}`,
  };
  const broadcastDialog = new BroadcastDialog({
    service: broadcastService,
    broadcasts,
    channels: new TeamsChannelDirectory(conversations, logger.child('channels')),
    links: reportLinks,
    clock,
    sendNow: async (context, card) => (await sendImmediately(context, { attachments: [card] }))?.id,
  });
  const runner = new DialogRunner(
    userState.createProperty<DialogState>('dialogState'),
    userState.createProperty<string | undefined>('lastActive'),
    [referral, broadcastDialog],
    clock,
    config.dialogIdleMinutes,
  );
  const broadcastCommands = new BroadcastCommands({
    service: broadcastService,
    broadcasts,
    roles,
    links: reportLinks,
    clock,
    pcn: config.pcn,
    runner,
  });
  const holidays = englandAndWalesBankHolidays();
  const supervision = new CosmosSupervisionRepository(
    database.container(CONTAINERS.supervision.id),
  );
  const supervisionCommands = new SupervisionCommands({
    supervision,
    roles,
    pcn: config.pcn,
    clock,
    holidays,
    overdueWeeks: config.supervision.overdueWeeks,
    reminderOffsets: config.supervision.reminderOffsets,
  });
  const reminders = new ReminderScheduler(
    {
      supervision,
      messenger: new BotCoachMessenger(adapter, appId, conversations, logger.child('reminders')),
      holidays,
      clock,
      logger: logger.child('reminders'),
    },
    { pollMs: config.supervision.pollMs, batchSize: 50 },
  );
  if (holidays.beyondData(clock.now().plus({ months: 6 }))) {
    logger.warn('bank_holiday_data_ending', {
      lastYear: holidays.lastYear,
      message:
        'Update src/domain/supervision/bank-holidays.england-and-wales.json from the published list.',
    });
  }
  const sessionLogs = new CosmosSessionLogRepository(
    database.container(CONTAINERS.sessionLogs.id),
    config.sessionLogs.retentionDays * 24 * 3600,
  );
  const sessionCommands = new SessionLogCommands({
    logs: sessionLogs,
    referrals: records,
    roles,
    clock,
    editDays: config.sessionLogs.editDays,
    links: {
      activityCsv: (tenantId, month, user) =>
        `${linkBase.url}${links.activityCsv(tenantId, month, user)}`,
    },
  });
  const bot = new HwbcBot({
    runner,
    state: userState,
    conversations,
    pcn: config.pcn,
    clock,
    logger: logger.child('bot'),
    botName: BOT_NAME,
    contactsReviewMonths: config.contactsReviewMonths,
    broadcast: broadcastCommands,
    supervision: supervisionCommands,
    sessions: sessionCommands,
  });
  const sender = new BroadcastSender(
    {
      broadcasts,
      rateGate: new CosmosRateGate(database.container(CONTAINERS.rateWindows.id)),
      poster: new BotFrameworkChannelPoster(adapter, appId),
      notifier: new StatusCardNotifier(adapter, appId, broadcasts, reportLinks, clock),
      clock,
      logger: logger.child('broadcast'),
    },
    {
      instanceId: newInstanceId(clock.now()),
      pollMs: config.broadcast.pollMs,
      leaseMs: config.broadcast.leaseMs,
      batchSize: 20,
      threadLimits: config.broadcast.threadLimits,
      tenantLimits: config.broadcast.tenantLimits,
      retry: { ...DEFAULT_RETRY, maxAttempts: config.broadcast.maxAttempts },
      maxInlineWaitMs: 5_000,
    },
  );
  const server = createServer({
    adapter,
    authenticator: createRequestAuthenticator(config.auth, logger.child('auth')),
    bot,
    logger: logger.child('http'),
    maxBodyBytes: config.maxBodyBytes,
    allowedTenantIds: config.allowedTenantIds,
    storageKind: config.storage.kind,
    probeStorage: async () => {
      await database.read();
      return true;
    },
    aboutPages: aboutPages(config.pcn.pcnName, config.sessionLogs.retentionDays),
    downloads: [
      {
        path: BROADCAST_CSV_PATH,
        handler: (params, path, query) =>
          broadcastCsvDownload(links, broadcasts, path, params.jobId ?? '', query),
      },
      {
        path: ACTIVITY_CSV_PATH,
        handler: (params, path, query) =>
          activityCsvDownload(
            { links, roles, logs: sessionLogs, referrals: records },
            path,
            params,
            query,
          ),
      },
    ],
  });

  await new Promise<void>((resolve) => {
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${config.host}:${address.port}`;
  linkBase.url = config.publicBaseUrl ?? url;
  logger.info('listening', { url, messages: `${url}/api/messages` });
  sender.start();
  reminders.start();
  if (config.auth.kind === 'anonymous') {
    logger.warn('no_authentication', {
      message:
        'No MicrosoftAppId: requests are not authenticated, so the server listens on 127.0.0.1 only. Never deploy like this.',
    });
  }

  const shutdown = (signal: string): void => {
    logger.info('stopping', { signal });
    setTimeout(() => process.exit(0), 8_000).unref();
    // Let a post in flight be recorded before anything closes, so nothing is left "sending".
    void Promise.all([sender.stop(), reminders.stop()])
      .then(async () => {
        server.close();
        server.server.closeAllConnections();
        client.dispose();
        await embedded?.close();
      })
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The bot failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
