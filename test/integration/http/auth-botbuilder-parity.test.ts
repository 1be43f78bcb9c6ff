import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import {
  createRequestAuthenticator,
  type RequestAuthenticator,
} from '../../../src/bot/auth/request-authenticator';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { channelClaims, signedToken, TEST_APP_ID } from '../../helpers/bot-tokens';
import {
  forgedTokenCases,
  stricterThanBotbuilderCases,
  TOKEN_SERVICE_URL,
  tokenKeys,
  type TokenCase,
} from '../../helpers/forged-tokens';
import { personalMessage, TEST_TENANT } from '../../helpers/http-activities';
import { IdentityEndpoint } from '../../helpers/identity-endpoint';
import { EXAMPLE_PCN_PATH } from '../../helpers/pcn';

/*
 * The edge validates tokens itself (botbuilder's check has no deadline on its key fetch and
 * answers forgeries with 500 and its error text). This holds it to botbuilder's standard: against
 * the same published keys, every token botbuilder's own channel validation refuses, the edge
 * refuses too; the valid ones both accept; and the few the edge refuses on purpose are listed.
 */

const keys = tokenKeys();
let identity: IdentityEndpoint;
let edge: RequestAuthenticator;

beforeAll(async () => {
  identity = await new IdentityEndpoint().start();
  identity.published = [keys.key, keys.teamsOnlyKey];
  edge = edgeAuthenticator();
});

afterAll(async () => {
  await identity.stop();
});

const SETTINGS = {
  MicrosoftAppId: TEST_APP_ID,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TEST_TENANT,
};

function edgeAuthenticator(): RequestAuthenticator {
  const config = loadConfig(
    {
      ...SETTINGS,
      ALLOWED_TENANT_IDS: TEST_TENANT,
      PUBLIC_BASE_URL: 'https://hwbc.example.test',
      DOWNLOAD_LINK_SECRET: 'a-test-secret-that-is-at-least-32-characters-long',
      BOT_OPENID_METADATA_URL: identity.metadataUrl,
    },
    () => readFileSync(EXAMPLE_PCN_PATH, 'utf8'),
  );
  return createRequestAuthenticator(config.auth, silentLogger);
}

/** botbuilder's own verdict, as CloudAdapter.process would reach it. */
async function botbuilderAccepts(tokenCase: TokenCase): Promise<boolean> {
  // The public cloud's settings, with only the metadata URL pointed at the test's endpoint.
  const authentication = new ConfigurationBotFrameworkAuthentication({
    ...SETTINGS,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
  });
  // botbuilder prints each refusal with console.error; keep the test output readable.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await authentication.authenticateRequest(activityFor(tokenCase), tokenCase.authorization ?? '');
    return true;
  } catch {
    return false;
  } finally {
    quiet.mockRestore();
  }
}

function activityFor(tokenCase: TokenCase): Activity {
  return { ...personalMessage({ text: 'ping' }), ...tokenCase.activity } as unknown as Activity;
}

async function edgeAccepts(tokenCase: TokenCase): Promise<boolean> {
  const outcome = await edge.authenticate(tokenCase.authorization, activityFor(tokenCase));
  return outcome.kind === 'verified';
}

const valid: TokenCase[] = [
  {
    name: 'a valid token',
    authorization: `Bearer ${signedToken(keys.key, channelClaims(TEST_APP_ID, TOKEN_SERVICE_URL))}`,
    reason: '',
  },
  {
    name: 'a valid token from a key endorsed for msteams',
    authorization: `Bearer ${signedToken(keys.teamsOnlyKey, channelClaims(TEST_APP_ID, TOKEN_SERVICE_URL))}`,
    reason: '',
  },
];

describe('the edge is at least as strict as botbuilder', () => {
  it.each(valid.map((c) => [c.name, c] as const))('%s: both accept', async (_name, tokenCase) => {
    expect(await botbuilderAccepts(tokenCase)).toBe(true);
    expect(await edgeAccepts(tokenCase)).toBe(true);
  });

  it.each(forgedTokenCases(keys).map((c) => [c.name, c] as const))(
    '%s: both refuse',
    async (_name, tokenCase) => {
      expect(await botbuilderAccepts(tokenCase)).toBe(false);
      expect(await edgeAccepts(tokenCase)).toBe(false);
    },
  );

  it.each(stricterThanBotbuilderCases(keys).map((c) => [c.name, c] as const))(
    '%s: botbuilder accepts, the edge refuses on purpose',
    async (_name, tokenCase) => {
      expect(await botbuilderAccepts(tokenCase)).toBe(true);
      expect(await edgeAccepts(tokenCase)).toBe(false);
    },
  );
});

describe('for any mix of claims, signer and channel', () => {
  const minutes = (n: number) => Math.floor(Date.now() / 1000) + n * 60;
  /** Mostly the right value, sometimes one of the wrong ones. */
  const mostly = <T>(right: T, ...wrong: T[]) =>
    fc.oneof(
      { arbitrary: fc.constant(right), weight: 5 },
      { arbitrary: fc.constantFrom(...wrong), weight: 1 },
    );
  const generated = fc
    .record({
      signer: mostly(keys.key, keys.teamsOnlyKey, keys.impostor, keys.unpublished),
      alg: mostly<'RS256' | 'RS512'>('RS256', 'RS512'),
      iss: mostly<string | undefined>(
        'https://api.botframework.com',
        'https://sts.windows.net/x/',
        undefined,
      ),
      aud: mostly<unknown>(TEST_APP_ID, 'another-bot', undefined, [TEST_APP_ID]),
      serviceurl: mostly<string | undefined>(
        TOKEN_SERVICE_URL,
        'https://evil.example.test/',
        undefined,
      ),
      // Minutes from now, made into times as each token is signed: times fixed when the file
      // loads would drift across the 5 minutes of clock skew while the runs go on.
      exp: mostly<number | string | undefined>(60, -10, -4, undefined, 'soon'),
      nbf: mostly<number | string | undefined>(-1, undefined, 4, 6, 'now'),
      channelId: mostly('msteams', 'webchat'),
    })
    .map(({ signer, alg, channelId, exp, nbf, ...rest }) => {
      const at = (value: number | string | undefined) =>
        typeof value === 'number' ? minutes(value) : value;
      const claims = { ...rest, exp: at(exp), nbf: at(nbf) };
      return {
        tokenCase: {
          name: 'generated',
          authorization: `Bearer ${signedToken(signer, claims, { alg })}`,
          reason: '',
          activity: { channelId },
        },
        refusedOnPurpose: alg !== 'RS256' || claims.exp === undefined,
      };
    });

  it('the edge accepts exactly what botbuilder accepts, less the tokens it refuses on purpose', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(generated, async ({ tokenCase, refusedOnPurpose }) => {
        const byEdge = await edgeAccepts(tokenCase);
        const byBotbuilder = await botbuilderAccepts(tokenCase);
        accepted += byEdge ? 1 : 0;
        expect(byEdge).toBe(byBotbuilder && !refusedOnPurpose);
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(10);
  });
});
