import { channelClaims, signedToken, TEST_APP_ID } from '../../helpers/bot-tokens';
import {
  forgedTokenCases,
  stricterThanBotbuilderCases,
  TOKEN_SERVICE_URL,
  tokenKeys,
  type TokenCase,
} from '../../helpers/forged-tokens';
import { personalMessage, postActivity } from '../../helpers/http-activities';
import { IdentityEndpoint, type TestSigningKey } from '../../helpers/identity-endpoint';
import { startSecuredServer, type SecuredServer } from '../../helpers/secured-server';

const keys = tokenKeys();
const { key, teamsOnlyKey } = keys;

let identity: IdentityEndpoint;
let server: SecuredServer;

beforeAll(async () => {
  identity = await new IdentityEndpoint().start();
  identity.published = [key, teamsOnlyKey];
  server = await startSecuredServer({ metadataUrl: identity.metadataUrl });
});

afterAll(async () => {
  await server.close();
  await identity.stop();
});

afterEach(() => {
  jest.restoreAllMocks();
});

const claims = (overrides: Record<string, unknown> = {}) =>
  channelClaims(TEST_APP_ID, TOKEN_SERVICE_URL, overrides);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const minutes = (n: number) => Math.floor(Date.now() / 1000) + n * 60;

/** A personal message to the bot, with a bearer token `signer` signed over `tokenClaims`. */
const pingSignedBy = (signer: TestSigningKey, tokenClaims = claims()) =>
  postActivity(
    server.url,
    personalMessage({ text: 'ping' }),
    bearer(signedToken(signer, tokenClaims)),
  );

/** Whatever botbuilder, jsonwebtoken or the network would have said. */
const LIBRARY_TEXT =
  /signature|algorithm|expired|active|audience|issuer|jwt|token|key|ENOTFOUND|ECONNREFUSED|at .*\.(js|ts):\d+/i;

describe('a valid Bot Framework token', () => {
  it('reaches the bot (200, its reply) with the caller id botbuilder sets for Azure channels', async () => {
    const result = await pingSignedBy(key);
    expect(result.status).toBe(200);
    expect(result.replies.map((reply) => reply.text)).toEqual(['pong']);
    expect(server.bot.seen.at(-1)?.callerId).toBe('urn:botframework:azure');
  });

  it('signed by a key endorsed for msteams, on a Teams activity: 200', async () => {
    const result = await pingSignedBy(teamsOnlyKey);
    expect(result.status).toBe(200);
  });

  it('within the 5 minutes of clock skew either side: 200', async () => {
    const result = await pingSignedBy(key, claims({ exp: minutes(-4), nbf: minutes(4) }));
    expect(result.status).toBe(200);
  });
});

describe('every token that fails validation: 401, a fixed body, one log line, nothing on stderr', () => {
  const cases: Array<[string, TokenCase]> = [
    ...forgedTokenCases(keys),
    ...stricterThanBotbuilderCases(keys),
  ].map((tokenCase) => [tokenCase.name, tokenCase]);

  it.each(cases)('%s', async (_name, { authorization, reason, activity = {} }) => {
    const stderr = jest.spyOn(process.stderr, 'write');
    const consoleError = jest.spyOn(console, 'error');
    const consoleWarn = jest.spyOn(console, 'warn');
    const before = server.logs.length;

    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ ...personalMessage({ text: 'ping' }), ...activity }),
    });
    const body = await response.text();

    expect(response.status).toBe(401);
    expect(body).toBe('{"error":"Unauthorized"}');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const lines = server.logs.slice(before);
    expect(lines).toEqual([expect.objectContaining({ event: 'auth_rejected', reason })]);
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual([
      'event',
      'level',
      'reason',
      'scope',
      'time',
    ]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(written).not.toMatch(LIBRARY_TEXT);
  });

  it('none of them reached the bot, and none caused another key fetch', () => {
    expect(server.bot.seen.every((activity) => activity.channelId === 'msteams')).toBe(true);
    expect(server.bot.seen).toHaveLength(3);
    expect(identity.metadataRequests).toBe(1);
    expect(identity.jwksRequests).toBe(1);
  });
});
