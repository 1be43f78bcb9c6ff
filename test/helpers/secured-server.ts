import { readFileSync } from 'node:fs';
import { ActivityHandler, type Activity } from 'botbuilder';
import { aboutPages } from '../../src/bot/http/about-pages';
import { createAdapter } from '../../src/bot/adapter';
import {
  createRequestAuthenticator,
  type KeyCacheOverrides,
} from '../../src/bot/auth/request-authenticator';
import { createServer } from '../../src/bot/server';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { TEST_APP_ID } from './bot-tokens';
import { TEST_TENANT } from './http-activities';
import { EXAMPLE_PCN_PATH } from './pcn';

export const OTHER_ALLOWED_TENANT = 'cccccccc-0000-0000-0000-000000000009';

/** Answers every message with "pong" and keeps what it was given. */
class PongBot extends ActivityHandler {
  readonly seen: Partial<Activity>[] = [];
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.seen.push({ ...context.activity });
      await context.sendActivity('pong');
      await next();
    });
  }
}

export interface SecuredServer {
  url: string;
  /** Every JSON log line the server wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  bot: PongBot;
  close(): Promise<void>;
}

/**
 * The real restify server, adapter and authenticator, built from settings through loadConfig as
 * the app builds them, with an app id so authentication is on; listening on a free loopback port.
 */
export async function startSecuredServer(options: {
  metadataUrl: string;
  env?: Record<string, string>;
  keyCache?: KeyCacheOverrides;
  probeStorage?: () => Promise<boolean>;
  /**
   * The signing-key fetch's deadline. Unless a test is about that deadline it is the longest the
   * settings allow (30 s), so that on a busy machine a slow answer from the loopback identity
   * endpoint is not taken for a failed fetch; `'default'` keeps the bot's own 3 s.
   */
  keyFetchDeadline?: 'default' | 'generous';
}): Promise<SecuredServer> {
  const config = loadConfig(
    {
      MicrosoftAppId: TEST_APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TEST_TENANT,
      ALLOWED_TENANT_IDS: `${TEST_TENANT},${OTHER_ALLOWED_TENANT}`,
      PUBLIC_BASE_URL: 'https://hwbc.example.test',
      DOWNLOAD_LINK_SECRET: 'a-test-secret-that-is-at-least-32-characters-long',
      BOT_OPENID_METADATA_URL: options.metadataUrl,
      ...(options.keyFetchDeadline === 'default' ? {} : { BOT_OPENID_TIMEOUT_MS: '30000' }),
      ...options.env,
    },
    () => readFileSync(EXAMPLE_PCN_PATH, 'utf8'),
  );
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', (line) =>
    logs.push(JSON.parse(line) as Record<string, unknown>),
  );
  const bot = new PongBot();
  const server = createServer({
    adapter: createAdapter(config.auth, logger),
    authenticator: createRequestAuthenticator(config.auth, logger.child('auth'), options.keyCache),
    bot,
    logger: logger.child('http'),
    maxBodyBytes: config.maxBodyBytes,
    allowedTenantIds: config.allowedTenantIds,
    storageKind: config.storage.kind,
    probeStorage: options.probeStorage ?? (() => Promise.resolve(true)),
    aboutPages: aboutPages(config.pcn.pcnName, config.sessionLogs.retentionDays),
    downloads: [],
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    logs,
    bot,
    close: async () => {
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
    },
  };
}
