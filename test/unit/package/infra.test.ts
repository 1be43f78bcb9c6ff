import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { CONTAINERS } from '../../../src/store/containers';

/*
 * No Bicep compiler can be installed here (not from npm, not from Debian), so this test reads
 * infra/main.bicep as text. The template keeps to plain, one-line entries so this stays reliable.
 */
const ROOT = join(__dirname, '..', '..', '..');
const bicep = readFileSync(join(ROOT, 'infra', 'main.bicep'), 'utf8');
const readExample = (): string => readFileSync(join(ROOT, 'config', 'pcn.example.json'), 'utf8');

/** The text of the top-level `[ ... ]` (closed at the start of a line) that follows `marker`. */
function arrayAfter(marker: string): string {
  const start = bicep.indexOf('[', bicep.indexOf(marker));
  const end = bicep.indexOf('\n]', start);
  if (bicep.indexOf(marker) < 0 || end < 0) {
    throw new Error(`main.bicep has no ${marker} [ ... ]`);
  }
  return bicep.slice(start + 1, end);
}

/** Parses `{ name: 'x', value: ... }` lines of the web app's settings. */
function appSettings(): Map<string, string> {
  const block = bicep.slice(
    bicep.indexOf('appSettings: ['),
    bicep.indexOf(']', bicep.indexOf('appSettings: [')),
  );
  const settings = new Map<string, string>();
  for (const match of block.matchAll(/\{ name: '([^']+)', value: (.+) \}/g)) {
    settings.set(match[1] ?? '', (match[2] ?? '').trim());
  }
  return settings;
}

/**
 * What Azure fills in for each Bicep expression at deployment; literals ('...') stand for
 * themselves. A new expression-valued setting needs a sample here, so the test cannot pass by
 * leaving a setting out of reach.
 */
const DEPLOYED_SAMPLES: Record<string, string> = {
  'identity.properties.clientId': '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'identity.properties.tenantId': '11111111-2222-3333-4444-555555555555',
  allowedTenantIds: '11111111-2222-3333-4444-555555555555',
  "'https://${webAppHost}'": 'https://hwbc-abc123.azurewebsites.net',
  downloadLinkSecret: 'a'.repeat(64),
  'cosmos.properties.documentEndpoint': 'https://hwbc-cosmos-abc123.documents.azure.com:443/',
  databaseName: 'hwbc',
  pcnConfigPath: 'config/pcn.example.json',
  'string(sessionLogRetentionDays)': '1095',
  'string(referralCaseRetentionDays)': '400',
  'appInsights.properties.ConnectionString':
    'InstrumentationKey=00000000-0000-0000-0000-000000000000',
};

function deployedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of appSettings()) {
    const literal = /^'([^'$]*)'$/.exec(value);
    const resolved = literal ? literal[1] : DEPLOYED_SAMPLES[value];
    if (resolved === undefined) {
      throw new Error(`No deployment sample for ${name} = ${value}: add one to DEPLOYED_SAMPLES`);
    }
    env[name] = resolved;
  }
  return env;
}

describe('infra/main.bicep and the code agree', () => {
  it('declares every container the code uses, with the same partition key and TTL setting', () => {
    const declared = [
      ...arrayAfter('var containers =').matchAll(
        /\{ name: '([^']+)', partitionKey: '([^']+)'(?:, defaultTtl: (-?\d+))?(?:, indexedPaths: \[([^\]]*)\])? \}/g,
      ),
    ].map((m) => ({
      id: m[1],
      partitionKey: m[2],
      ...(m[3] === undefined ? {} : { defaultTtl: Number(m[3]) }),
      ...(m[4] === undefined
        ? {}
        : { indexedPaths: [...m[4].matchAll(/'([^']+)'/g)].map((p) => p[1]) }),
    }));
    const sortById = <T extends { id?: string }>(list: T[]): T[] =>
      [...list].sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
    expect(sortById(declared)).toEqual(sortById(Object.values(CONTAINERS)));
  });

  it('indexes only the declared paths, so the due-reminder query is answered from its range index', () => {
    expect(CONTAINERS.supervision.indexedPaths).toContain('/nextReminderAt/?');
    const resource = bicep.slice(bicep.indexOf('resource cosmosContainers'));
    expect(resource).toContain(
      'includedPaths: map(container.?indexedPaths ?? [], path => { path: path })',
    );
    expect(resource).toContain("excludedPaths: [{ path: '/*' }]");
    expect(resource).toContain("indexingMode: 'consistent'");
  });

  it('sets every setting src/config.ts requires in production: the deployed settings load as-is', () => {
    const config = loadConfig(deployedEnvironment(), readExample);
    expect(config.auth).toMatchObject({ kind: 'bot-framework', appType: 'UserAssignedMSI' });
    expect(config.storage).toMatchObject({
      kind: 'cosmos',
      auth: {
        kind: 'managed-identity',
        clientId: DEPLOYED_SAMPLES['identity.properties.clientId'],
      },
      database: 'hwbc',
      allowSelfSigned: false,
    });
    expect(config.host).toBe('0.0.0.0');
  });

  it('would notice a required setting going missing', () => {
    const env = deployedEnvironment();
    delete env.AZURE_CLIENT_ID;
    expect(() => loadConfig(env, readExample)).toThrow(/AZURE_CLIENT_ID/);
  });

  it('uses one identity for the bot and for Cosmos, with a data-plane role and keys switched off', () => {
    expect(bicep).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bicep).toContain('msaAppId: identity.properties.clientId');
    expect(bicep).toContain('principalId: identity.properties.principalId');
    expect(bicep).toContain('disableLocalAuth: true');
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  it('points the App Service health check at readiness (storage answers), not bare liveness', () => {
    expect(bicep).toContain("healthCheckPath: '/readyz'");
  });

  it('the parameter file sets only parameters the template has, and every required one but the secret', () => {
    const parameters = Object.keys(
      (
        JSON.parse(readFileSync(join(ROOT, 'infra', 'main.parameters.json'), 'utf8')) as {
          parameters: Record<string, unknown>;
        }
      ).parameters,
    );
    const declared = [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((m) => ({
      name: m[1] ?? '',
      required: m[2] === undefined,
    }));
    expect(parameters.filter((p) => !declared.some((d) => d.name === p))).toEqual([]);
    // The download-link secret is passed on the command line (docs/deploy.md), never committed.
    expect(
      declared.filter((d) => d.required && !parameters.includes(d.name)).map((d) => d.name),
    ).toEqual(['downloadLinkSecret']);
  });
});
