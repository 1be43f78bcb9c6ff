import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../../../src/config';
import { EXAMPLE_PCN_PATH } from '../../helpers/pcn';

const readExample = (): string => readFileSync(EXAMPLE_PCN_PATH, 'utf8');

function problemsOf(
  env: Record<string, string>,
  read: (path: string) => string = readExample,
): readonly string[] {
  try {
    loadConfig(env, read);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('starts locally with no settings: embedded store, loopback, example PCN file', () => {
    const config = loadConfig({}, readExample);
    expect(config.storage).toEqual({ kind: 'embedded', database: 'hwbc' });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.usingExamplePcnConfig).toBe(true);
    expect(config.auth).toEqual({ kind: 'anonymous' });
  });

  it('keeps referral cases 400 days, shows unanswered ones after 2 working days, and sends to coaches by default', () => {
    const config = loadConfig({}, readExample);
    expect(config.referralCases).toEqual({
      retentionDays: 400,
      unansweredWorkingDays: 2,
      updatePollMs: 300_000,
    });
    expect(config.pcn.referralLoop).toEqual({ routes: ['hwbc'] });
    const set = loadConfig(
      { REFERRAL_CASE_RETENTION_DAYS: '200', REFERRAL_UNANSWERED_WORKING_DAYS: '3' },
      readExample,
    );
    expect(set.referralCases).toMatchObject({ retentionDays: 200, unansweredWorkingDays: 3 });
    expect(() => loadConfig({ REFERRAL_CASE_RETENTION_DAYS: '5' }, readExample)).toThrow();
  });

  it('listens on loopback without an app id even when HOST asks for more', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }, readExample).host).toBe('127.0.0.1');
  });

  it('sends the weekly digest on Monday at 08:30 unless set otherwise, and refuses a time it cannot read', () => {
    expect(loadConfig({}, readExample).digest).toEqual({
      enabled: true,
      weekday: 1,
      time: '08:30',
      pollMs: 60_000,
    });
    expect(
      loadConfig(
        { WEEKLY_DIGEST_DAY: '5', WEEKLY_DIGEST_TIME: '16:00', WEEKLY_DIGEST_OFF: 'true' },
        readExample,
      ).digest,
    ).toMatchObject({ enabled: false, weekday: 5, time: '16:00' });
    const keys = problemsOf({ WEEKLY_DIGEST_TIME: '8.30am', WEEKLY_DIGEST_DAY: '8' }).map(
      (p) => p.split(':')[0],
    );
    expect(keys).toEqual(expect.arrayContaining(['WEEKLY_DIGEST_TIME', 'WEEKLY_DIGEST_DAY']));
  });

  it('lists every bad setting at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      COSMOS_ENDPOINT: 'not a url',
      DIALOG_IDLE_MINUTES: '0',
    });
    const keys = problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining(['PORT', 'COSMOS_ENDPOINT', 'DIALOG_IDLE_MINUTES']),
    );
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it('requires a tenant allow-list and a secret once the bot is registered', () => {
    const problems = problemsOf({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555' });
    expect(problems.some((p) => p.startsWith('ALLOWED_TENANT_IDS'))).toBe(true);
    expect(problems.some((p) => p.startsWith('MicrosoftAppPassword'))).toBe(true);
  });

  it('uses a real Cosmos account when an endpoint and key are set', () => {
    const config = loadConfig(
      { COSMOS_ENDPOINT: 'https://pcn.documents.azure.com:443/', COSMOS_KEY: 'k' },
      readExample,
    );
    expect(config.storage).toMatchObject({
      kind: 'cosmos',
      endpoint: 'https://pcn.documents.azure.com:443/',
      allowSelfSigned: false,
    });
  });

  it('signs in to Cosmos with the managed identity when asked, and then needs no key', () => {
    const config = loadConfig(
      {
        COSMOS_ENDPOINT: 'https://pcn.documents.azure.com:443/',
        COSMOS_AUTH: 'managed-identity',
        AZURE_CLIENT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      },
      readExample,
    );
    expect(config.storage).toMatchObject({
      kind: 'cosmos',
      auth: { kind: 'managed-identity', clientId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
    });
    expect(problemsOf({ COSMOS_AUTH: 'managed-identity' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^COSMOS_ENDPOINT: required when COSMOS_AUTH=managed-identity/),
        expect.stringMatching(/^AZURE_CLIENT_ID: required/),
      ]),
    );
    expect(problemsOf({ COSMOS_ENDPOINT: 'https://pcn.documents.azure.com:443/' })).toEqual([
      expect.stringMatching(/^COSMOS_KEY: required when COSMOS_ENDPOINT is set/),
    ]);
  });

  it('reports problems in the PCN file with their path, together with environment problems', () => {
    const broken = JSON.parse(readExample()) as {
      practices: Array<{ odsCode: string }>;
      referral: { minimumAge: number };
    };
    broken.practices[0]!.odsCode = 'bad';
    broken.referral.minimumAge = 3;
    const problems = problemsOf({ PORT: '-1', PCN_CONFIG_PATH: 'pcn.json' }, () =>
      JSON.stringify(broken),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT/),
        expect.stringMatching(/^pcn.json practices\.0\.odsCode/),
        expect.stringMatching(/^pcn.json referral\.minimumAge/),
      ]),
    );
  });

  it('says when the PCN file is missing or not JSON', () => {
    expect(problemsOf({ PCN_CONFIG_PATH: 'x.json' }, () => '{oops')[0]).toMatch(/not valid JSON/);
    expect(
      problemsOf({ PCN_CONFIG_PATH: 'x.json' }, () => {
        throw new Error('ENOENT');
      })[0],
    ).toMatch(/cannot read x.json/);
  });
});
