import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, type Environment } from '../../../src/config';
import { TEST_APP_ID } from '../../helpers/bot-tokens';
import { TEST_TENANT } from '../../helpers/http-activities';
import { EXAMPLE_PCN_PATH } from '../../helpers/pcn';

const registered: Environment = {
  MicrosoftAppId: TEST_APP_ID,
  MicrosoftAppPassword: 'not-a-real-secret',
  ALLOWED_TENANT_IDS: TEST_TENANT,
  PUBLIC_BASE_URL: 'https://hwbc.example.test',
  DOWNLOAD_LINK_SECRET: 'a-test-secret-that-is-at-least-32-characters-long',
};

const load = (env: Environment) => loadConfig(env, () => readFileSync(EXAMPLE_PCN_PATH, 'utf8'));

function problemsOf(env: Environment): readonly string[] {
  try {
    load(env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)];
  }
}

describe('the settings for fetching the Bot Framework signing keys', () => {
  it("default to botframework's OpenID metadata and a 3 second deadline", () => {
    expect(load(registered).auth).toMatchObject({
      kind: 'bot-framework',
      openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      openIdTimeoutMs: 3_000,
    });
  });

  it('take another https URL, or a loopback http one (a test identity endpoint)', () => {
    for (const url of [
      'https://login.example.test/v1/.well-known/openidconfiguration',
      'http://127.0.0.1:4567/v1/.well-known/openidconfiguration',
    ]) {
      expect(
        load({ ...registered, BOT_OPENID_METADATA_URL: url, BOT_OPENID_TIMEOUT_MS: '750' }).auth,
      ).toMatchObject({ openIdMetadataUrl: url, openIdTimeoutMs: 750 });
    }
  });

  it('refuse plain http off this machine, and a deadline outside 100 ms to 30 s', () => {
    const problems = problemsOf({
      ...registered,
      BOT_OPENID_METADATA_URL: 'http://login.example.test/openid',
      BOT_OPENID_TIMEOUT_MS: '0',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'BOT_OPENID_METADATA_URL',
      'BOT_OPENID_TIMEOUT_MS',
    ]);
    expect(problemsOf({ ...registered, BOT_OPENID_TIMEOUT_MS: '60000' })).toHaveLength(1);
  });
});
