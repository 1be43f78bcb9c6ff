import { buildApp } from './app';
import { ConfigError, loadConfig, redactedSummary, type AppConfig } from './config';
import { systemClock } from './domain/clock';
import { contactsReviewStatus } from './domain/contacts-review';
import { createLogger } from './logger';

/** Starts the process: configuration, the app, listening, and signals. */
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

  const app = await buildApp(config, clock, logger);
  const url = await app.listen();
  logger.info('listening', { url, messages: `${url}/api/messages` });
  if (config.auth.kind === 'anonymous') {
    logger.warn('no_authentication', {
      message:
        'No MicrosoftAppId: requests are not authenticated, so the server listens on 127.0.0.1 only. Never deploy like this.',
    });
  }

  const shutdown = (signal: string): void => {
    logger.info('stopping', { signal });
    setTimeout(() => process.exit(0), 8_000).unref();
    void app.stop().finally(() => process.exit(0));
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
