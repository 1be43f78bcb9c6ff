import { PrivateConversationState } from 'botbuilder';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import type { DialogState } from 'botbuilder-dialogs';
import packageJson from '../package.json';
import { createAdapter } from './bot/adapter';
import { GuardedStorage } from './bot/guarded-storage';
import { HwbcBot } from './bot/hwbc.bot';
import { createServer } from './bot/server';
import { ConfigError, loadConfig, redactedSummary, type AppConfig } from './config';
import { DialogRunner } from './dialogs/dialog-runner';
import { ReferralDialog } from './dialogs/referral/referral.dialog';
import { systemClock } from './domain/clock';
import { contactsReviewStatus } from './domain/contacts-review';
import { RoleDirectory } from './domain/roles';
import { createLogger } from './logger';
import { CONTAINERS } from './store/containers';
import type { ConversationRepository } from './store/conversation.repository';
import { CosmosConversationRepository } from './store/conversation.cosmos-repository';
import { cosmosClientOptions, openDatabase, type CosmosConnection } from './store/cosmos-database';
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
    connection = { ...config.storage };
  }
  const { client, database } = await openDatabase(connection);

  const conversations: ConversationRepository = new CosmosConversationRepository(
    database.container(CONTAINERS.conversations.id),
  );
  const records = new CosmosReferralRecordRepository(
    database.container(CONTAINERS.referralRecords.id),
  );
  const botStorage = new GuardedStorage(
    new CosmosDbPartitionedStorage({
      cosmosDbEndpoint: connection.endpoint,
      authKey: connection.key,
      databaseId: connection.database,
      containerId: CONTAINERS.botState.id,
      cosmosClientOptions: cosmosClientOptions(connection),
      compatibilityMode: false,
    }),
  );
  const userState = new PrivateConversationState(botStorage);
  const roles = new RoleDirectory(config.pcn);
  const referral = new ReferralDialog({
    pcn: config.pcn,
    records,
    roles,
    clock,
    contactsReviewMonths: config.contactsReviewMonths,
  });
  const runner = new DialogRunner(
    userState.createProperty<DialogState>('dialogState'),
    userState.createProperty<string | undefined>('lastActive'),
    referral,
    clock,
    config.dialogIdleMinutes,
  );
  const bot = new HwbcBot({
    runner,
    state: userState,
    conversations,
    pcn: config.pcn,
    clock,
    logger: logger.child('bot'),
    botName: BOT_NAME,
    contactsReviewMonths: config.contactsReviewMonths,
  });
  const adapter = createAdapter(config.auth, logger);
  const server = createServer({
    adapter,
    bot,
    logger: logger.child('http'),
    maxBodyBytes: config.maxBodyBytes,
    allowedTenantIds: config.allowedTenantIds,
    storageKind: config.storage.kind,
    probeStorage: async () => {
      await database.read();
      return true;
    },
    version: packageJson.version,
  });

  await new Promise<void>((resolve) => {
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${config.host}:${address.port}`;
  logger.info('listening', { url, messages: `${url}/api/messages` });
  if (config.auth.kind === 'anonymous') {
    logger.warn('no_authentication', {
      message:
        'No MicrosoftAppId: requests are not authenticated, so the server listens on 127.0.0.1 only. Never deploy like this.',
    });
  }

  const shutdown = (signal: string): void => {
    logger.info('stopping', { signal });
    server.close(() => {
      client.dispose();
      void (embedded ? embedded.close() : Promise.resolve()).finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
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
