import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describeIssues, pcnConfigSchema, type PcnConfig } from './domain/pcn-config';

/**
 * Every setting the bot reads from its environment, in one zod schema. This is the only file that
 * reads process.env. A bad or missing setting stops the start with one message listing them all.
 */

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  );

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim().length > 0 ? value.trim() : undefined));

/** A whole number from `min` to `max`; `fallback` when the setting is not given. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const BOT_FRAMEWORK_OPENID_METADATA_URL =
  'https://login.botframework.com/v1/.well-known/openidconfiguration';

/** https anywhere; plain http only to this machine (a test's own identity endpoint). */
export function isHttpsOrLoopback(value: string): boolean {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  return (
    url?.protocol === 'https:' ||
    (url?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
  );
}

const envSchema = z
  .object({
    PORT: wholeNumber(0, 65535, 3978),
    HOST: optionalText,
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    MicrosoftAppTenantId: optionalText,
    /** Where the Bot Framework's signing keys are published; tests point it at their own endpoint. */
    BOT_OPENID_METADATA_URL: optionalText
      .pipe(
        z
          .string()
          .refine(isHttpsOrLoopback, 'BOT_OPENID_METADATA_URL must be an https URL')
          .optional(),
      )
      .transform((value) => value ?? BOT_FRAMEWORK_OPENID_METADATA_URL),
    /** How long fetching the OpenID metadata and signing keys may take, together. */
    BOT_OPENID_TIMEOUT_MS: wholeNumber(100, 30_000, 3_000),
    ALLOWED_TENANT_IDS: csv.pipe(z.array(z.guid('each allowed tenant id must be a GUID'))),
    COSMOS_ENDPOINT: optionalText.pipe(z.url('COSMOS_ENDPOINT must be an https URL').optional()),
    COSMOS_KEY: optionalText,
    /** How the bot signs in to Cosmos DB: an account key, or the app's managed identity (production). */
    COSMOS_AUTH: z.enum(['key', 'managed-identity']).default('key'),
    /** The user-assigned managed identity's client id, for COSMOS_AUTH=managed-identity. */
    AZURE_CLIENT_ID: optionalText.pipe(z.guid('AZURE_CLIENT_ID must be a GUID').optional()),
    COSMOS_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9-_]{1,64}$/)
      .default('hwbc'),
    COSMOS_ALLOW_SELF_SIGNED: flag,
    PCN_CONFIG_PATH: optionalText,
    DIALOG_IDLE_MINUTES: wholeNumber(1, 24 * 60, 30),
    CONTACTS_REVIEW_MONTHS: wholeNumber(1, 36, 6),
    MAX_BODY_BYTES: wholeNumber(1024, 10 * 1024 * 1024, 256 * 1024),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    PUBLIC_BASE_URL: optionalText.pipe(
      z.url('PUBLIC_BASE_URL must be the https address Teams users reach the bot at').optional(),
    ),
    DOWNLOAD_LINK_SECRET: optionalText.pipe(
      z.string().min(32, 'DOWNLOAD_LINK_SECRET must be at least 32 characters').optional(),
    ),
    DOWNLOAD_LINK_MINUTES: wholeNumber(1, 24 * 60, 15),
    BROADCAST_POLL_MS: wholeNumber(100, 60_000, 2_000),
    BROADCAST_MAX_ATTEMPTS: wholeNumber(1, 20, 6),
    BROADCAST_LEASE_SECONDS: wholeNumber(5, 3600, 120),
    TEAMS_THREAD_LIMITS: z
      .string()
      .regex(
        /^\d+\/\d+(,\d+\/\d+)*$/,
        'write limits as count/seconds pairs, e.g. 7/1,8/2,60/30,1800/3600',
      )
      .default('7/1,8/2,60/30,1800/3600'),
    TEAMS_TENANT_RPS: wholeNumber(1, 1000, 50),
    /** How much wider than Teams' the rate gate keeps each window, for jitter on the way. */
    TEAMS_RATE_MARGIN_MS: wholeNumber(0, 5_000, 500),
    SUPERVISION_POLL_MS: wholeNumber(100, 600_000, 30_000),
    SUPERVISION_OVERDUE_WEEKS: wholeNumber(1, 26, 6),
    SESSION_LOG_RETENTION_DAYS: wholeNumber(30, 3650, 1095),
    SESSION_EDIT_DAYS: wholeNumber(0, 90, 7),
    /** The weekly digest: on unless switched off; the day (1 = Monday) and UK time it goes. */
    WEEKLY_DIGEST_OFF: flag,
    WEEKLY_DIGEST_DAY: wholeNumber(1, 7, 1),
    WEEKLY_DIGEST_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a UK time as HH:mm, e.g. 08:30')
      .default('08:30'),
    WEEKLY_DIGEST_POLL_MS: wholeNumber(1_000, 3_600_000, 60_000),
    /** Days a referral case is kept (Cosmos ttl): docs/retention.md says why 400. */
    REFERRAL_CASE_RETENTION_DAYS: wholeNumber(30, 3650, 400),
    /** Working days after which a referral nobody has accepted is shown to the lead. */
    REFERRAL_UNANSWERED_WORKING_DAYS: wholeNumber(1, 20, 2),
    /** How often the referrers' daily updates are looked for. */
    REFERRAL_UPDATE_POLL_MS: wholeNumber(1_000, 3_600_000, 300_000),
    SUPERVISION_REMINDER_OFFSETS: z
      .string()
      .regex(
        /^-?\d+(,-?\d+)*$/,
        'minutes before the session, comma-separated; -1 means 09:00 on the working day before',
      )
      .default('-1,60'),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && env.ALLOWED_TENANT_IDS.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLOWED_TENANT_IDS'],
        message: 'required when MicrosoftAppId is set: the tenant ids whose users may use the bot',
      });
    }
    if (
      env.MicrosoftAppId &&
      env.MicrosoftAppType !== 'UserAssignedMSI' &&
      !env.MicrosoftAppPassword
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'required when MicrosoftAppId is set, unless MicrosoftAppType is UserAssignedMSI',
      });
    }
    if (
      (env.MicrosoftAppType === 'SingleTenant' || env.MicrosoftAppType === 'UserAssignedMSI') &&
      !env.MicrosoftAppTenantId
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `required for ${env.MicrosoftAppType}`,
      });
    }
    if (env.MicrosoftAppId && !env.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message: 'required when MicrosoftAppId is set: download links point at it',
      });
    }
    if (env.MicrosoftAppId && !env.DOWNLOAD_LINK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['DOWNLOAD_LINK_SECRET'],
        message:
          'required when MicrosoftAppId is set, so links survive restarts and work on every instance',
      });
    }
    if (env.COSMOS_ENDPOINT && env.COSMOS_AUTH === 'key' && !env.COSMOS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['COSMOS_KEY'],
        message: 'required when COSMOS_ENDPOINT is set, unless COSMOS_AUTH=managed-identity',
      });
    }
    if (env.COSMOS_AUTH === 'managed-identity' && !env.COSMOS_ENDPOINT) {
      ctx.addIssue({
        code: 'custom',
        path: ['COSMOS_ENDPOINT'],
        message: 'required when COSMOS_AUTH=managed-identity',
      });
    }
    if (env.COSMOS_AUTH === 'managed-identity' && !env.AZURE_CLIENT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['AZURE_CLIENT_ID'],
        message:
          "required when COSMOS_AUTH=managed-identity: the user-assigned identity's client id",
      });
    }
  });

export type StorageSettings =
  | { kind: 'embedded'; database: string }
  | {
      kind: 'cosmos';
      endpoint: string;
      auth: CosmosAuthSettings;
      database: string;
      allowSelfSigned: boolean;
    };

/** A key (emulator, local) or the app's user-assigned managed identity (production, no keys). */
export type CosmosAuthSettings =
  { kind: 'key'; key: string } | { kind: 'managed-identity'; clientId: string };

export type BotAuthSettings =
  | { kind: 'anonymous' }
  | {
      kind: 'bot-framework';
      appId: string;
      password?: string;
      appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
      tenantId?: string;
      /** The OpenID configuration that names the JWKS inbound tokens are signed with. */
      openIdMetadataUrl: string;
      /** The most fetching that configuration and its keys may take. */
      openIdTimeoutMs: number;
    };

export interface AppConfig {
  port: number;
  host: string;
  auth: BotAuthSettings;
  allowedTenantIds: readonly string[];
  storage: StorageSettings;
  pcn: PcnConfig;
  pcnConfigPath: string;
  usingExamplePcnConfig: boolean;
  dialogIdleMinutes: number;
  contactsReviewMonths: number;
  maxBodyBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Where users reach the bot; undefined locally, where the listening address is used. */
  publicBaseUrl: string | undefined;
  /** Undefined locally: a random secret is made at start. */
  downloadLinkSecret: string | undefined;
  downloadLinkMinutes: number;
  supervision: { pollMs: number; overdueWeeks: number; reminderOffsets: number[] };
  sessionLogs: { retentionDays: number; editDays: number };
  /** The weekly digest: the day of the week (1 = Monday) and UK time it goes out. */
  digest: { enabled: boolean; weekday: number; time: string; pollMs: number };
  referralCases: { retentionDays: number; unansweredWorkingDays: number; updatePollMs: number };
  broadcast: {
    pollMs: number;
    maxAttempts: number;
    leaseMs: number;
    threadLimits: Array<{ limit: number; seconds: number }>;
    tenantLimits: Array<{ limit: number; seconds: number }>;
    /** The rate gate's margin on every window (ms). */
    rateMarginMs: number;
  };
}

export const EXAMPLE_PCN_CONFIG_PATH = 'config/pcn.example.json';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The bot cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;
export type FileReader = (path: string) => string;

function readPcnConfig(
  path: string,
  readFile: FileReader,
): { pcn?: PcnConfig; problems: string[] } {
  let raw: string;
  try {
    raw = readFile(path);
  } catch (error) {
    return {
      problems: [
        `PCN_CONFIG_PATH: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`,
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return {
      problems: [
        `PCN_CONFIG_PATH: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      ],
    };
  }
  const parsed = pcnConfigSchema.safeParse(json);
  if (!parsed.success) {
    return { problems: describeIssues(parsed.error).map((problem) => `${path} ${problem}`) };
  }
  return { pcn: parsed.data, problems: [] };
}

/** Parse the environment (and the PCN configuration file it names) or throw a ConfigError listing every problem. */
export function loadConfig(
  env: Environment = process.env,
  readFile: FileReader = (p) => readFileSync(resolve(p), 'utf8'),
): AppConfig {
  const parsedEnv = envSchema.safeParse(env);
  const problems: string[] = parsedEnv.success ? [] : describeIssues(parsedEnv.error);
  const pcnPath =
    (parsedEnv.success ? parsedEnv.data.PCN_CONFIG_PATH : undefined) ??
    env.PCN_CONFIG_PATH ??
    EXAMPLE_PCN_CONFIG_PATH;
  const pcnResult = readPcnConfig(pcnPath, readFile);
  problems.push(...pcnResult.problems);
  if (!parsedEnv.success || !pcnResult.pcn || problems.length > 0) {
    throw new ConfigError(problems);
  }
  const e = parsedEnv.data;
  const auth: BotAuthSettings = e.MicrosoftAppId
    ? {
        kind: 'bot-framework',
        appId: e.MicrosoftAppId,
        appType: e.MicrosoftAppType ?? 'MultiTenant',
        openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
        openIdTimeoutMs: e.BOT_OPENID_TIMEOUT_MS,
        ...(e.MicrosoftAppPassword ? { password: e.MicrosoftAppPassword } : {}),
        ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
      }
    : { kind: 'anonymous' };
  const cosmosAuth: CosmosAuthSettings | undefined =
    e.COSMOS_AUTH === 'managed-identity' && e.AZURE_CLIENT_ID
      ? { kind: 'managed-identity', clientId: e.AZURE_CLIENT_ID }
      : e.COSMOS_KEY
        ? { kind: 'key', key: e.COSMOS_KEY }
        : undefined;
  const storage: StorageSettings =
    e.COSMOS_ENDPOINT && cosmosAuth
      ? {
          kind: 'cosmos',
          endpoint: e.COSMOS_ENDPOINT,
          auth: cosmosAuth,
          database: e.COSMOS_DATABASE,
          allowSelfSigned: e.COSMOS_ALLOW_SELF_SIGNED,
        }
      : { kind: 'embedded', database: e.COSMOS_DATABASE };
  return {
    port: e.PORT,
    // Without an app id nothing checks who is calling, so the server must not leave this machine.
    host: auth.kind === 'anonymous' ? '127.0.0.1' : (e.HOST ?? '0.0.0.0'),
    auth,
    allowedTenantIds: e.ALLOWED_TENANT_IDS.map((id) => id.toLowerCase()),
    storage,
    pcn: pcnResult.pcn,
    pcnConfigPath: pcnPath,
    usingExamplePcnConfig: pcnPath === EXAMPLE_PCN_CONFIG_PATH,
    dialogIdleMinutes: e.DIALOG_IDLE_MINUTES,
    contactsReviewMonths: e.CONTACTS_REVIEW_MONTHS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    logLevel: e.LOG_LEVEL,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    downloadLinkSecret: e.DOWNLOAD_LINK_SECRET,
    downloadLinkMinutes: e.DOWNLOAD_LINK_MINUTES,
    sessionLogs: { retentionDays: e.SESSION_LOG_RETENTION_DAYS, editDays: e.SESSION_EDIT_DAYS },
    digest: {
      enabled: !e.WEEKLY_DIGEST_OFF,
      weekday: e.WEEKLY_DIGEST_DAY,
      time: e.WEEKLY_DIGEST_TIME,
      pollMs: e.WEEKLY_DIGEST_POLL_MS,
    },
    referralCases: {
      retentionDays: e.REFERRAL_CASE_RETENTION_DAYS,
      unansweredWorkingDays: e.REFERRAL_UNANSWERED_WORKING_DAYS,
      updatePollMs: e.REFERRAL_UPDATE_POLL_MS,
    },
    supervision: {
      pollMs: e.SUPERVISION_POLL_MS,
      overdueWeeks: e.SUPERVISION_OVERDUE_WEEKS,
      reminderOffsets: e.SUPERVISION_REMINDER_OFFSETS.split(',').map(Number),
    },
    broadcast: {
      pollMs: e.BROADCAST_POLL_MS,
      maxAttempts: e.BROADCAST_MAX_ATTEMPTS,
      leaseMs: e.BROADCAST_LEASE_SECONDS * 1000,
      threadLimits: e.TEAMS_THREAD_LIMITS.split(',').map((pair) => {
        const [limit, seconds] = pair.split('/').map(Number);
        return { limit: limit ?? 1, seconds: seconds ?? 1 };
      }),
      tenantLimits: [{ limit: e.TEAMS_TENANT_RPS, seconds: 1 }],
      rateMarginMs: e.TEAMS_RATE_MARGIN_MS,
    },
  };
}

/** What the bot logs about its settings at start: no secrets. */
export function redactedSummary(config: AppConfig): Record<string, string | number | boolean> {
  return {
    port: config.port,
    host: config.host,
    auth:
      config.auth.kind === 'anonymous'
        ? 'none (local only)'
        : `${config.auth.appType} ${config.auth.appId}`,
    allowedTenants: config.allowedTenantIds.length,
    storage:
      config.storage.kind === 'cosmos'
        ? `cosmos ${new URL(config.storage.endpoint).host}/${config.storage.database}`
        : 'embedded (in memory)',
    pcn: config.pcn.pcnName,
    pcnConfig: config.pcnConfigPath,
    dialogIdleMinutes: config.dialogIdleMinutes,
  };
}
