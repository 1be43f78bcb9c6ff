import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { channelClaims, signedToken, TEST_APP_ID } from '../../helpers/bot-tokens';
import { personalMessage, postActivity, type PostResult } from '../../helpers/http-activities';
import {
  IdentityEndpoint,
  newSigningKey,
  type TestSigningKey,
} from '../../helpers/identity-endpoint';
import { startSecuredServer, type SecuredServer } from '../../helpers/secured-server';

const SERVICE_URL = 'https://smba.example.test/uk/';
const HOUR = 60 * 60 * 1000;
const key = newSigningKey('key-1');
const rotated = newSigningKey('key-2');

const tokenFor = (signer: TestSigningKey): string =>
  `Bearer ${signedToken(signer, channelClaims(TEST_APP_ID, SERVICE_URL))}`;

const post = (server: SecuredServer, authorization = tokenFor(key)): Promise<PostResult> =>
  postActivity(server.url, personalMessage({ text: 'ping' }), { authorization });

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function identityEndpoint(mode: IdentityEndpoint['mode']): Promise<IdentityEndpoint> {
  const endpoint = await new IdentityEndpoint().start();
  endpoint.mode = mode;
  endpoint.published = [key];
  cleanups.push(() => endpoint.stop());
  return endpoint;
}

async function securedServer(
  options: Parameters<typeof startSecuredServer>[0],
): Promise<SecuredServer> {
  const server = await startSecuredServer(options);
  cleanups.push(() => server.close());
  return server;
}

/** The key cache's clock, moved by the test, so no test waits for an interval to pass. */
function testClock(): { now: () => number; advance: (ms: number) => void } {
  let now = Date.now();
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

/** An identity endpoint in `mode`, and a server whose key cache reads `clock`. */
async function serverOnTestClock(mode: IdentityEndpoint['mode']) {
  const endpoint = await identityEndpoint(mode);
  const clock = testClock();
  const server = await securedServer({
    metadataUrl: endpoint.metadataUrl,
    keyCache: { now: clock.now },
  });
  return { endpoint, clock, server };
}

const events = (server: SecuredServer, event: string) =>
  server.logs.filter((line) => line.event === event);

function expectUnavailable(result: PostResult, retryAfter: string | null): void {
  expect(result.status).toBe(503);
  expect(result.body).toBe('{"error":"ServiceUnavailable"}');
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
}

async function postWithHeaders(
  server: SecuredServer,
): Promise<{ result: PostResult; retryAfter: string | null }> {
  const response = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: tokenFor(key) },
    body: JSON.stringify(personalMessage({ text: 'ping' })),
  });
  const body = await response.text();
  return {
    result: { status: response.status, body, replies: [] },
    retryAfter: response.headers.get('retry-after'),
  };
}

describe('while the signing keys cannot be fetched', () => {
  it('an endpoint that accepts and never answers: 100 concurrent requests get 503 with Retry-After within the default timeout, from exactly one fetch', async () => {
    const endpoint = await identityEndpoint('hang');
    // The cool-down's clock stands still: however long a busy machine takes to answer all 100,
    // the request after them is still inside the cool-down (real time could carry it past).
    const clock = testClock();
    const server = await securedServer({
      metadataUrl: endpoint.metadataUrl,
      keyFetchDeadline: 'default',
      keyCache: { now: clock.now },
    });

    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 100 }, () => postWithHeaders(server)));
    const elapsedMs = Date.now() - started;

    for (const { result, retryAfter } of answers) {
      expectUnavailable(result, retryAfter);
    }
    // A safety bound, not a speed check: without the fetch's deadline these requests would wait
    // for the endpoint for ever. The log line below says it was the deadline that ended them.
    expect(elapsedMs).toBeLessThan(30_000);
    expect(endpoint.metadataRequests).toBe(1);
    expect(endpoint.jwksRequests).toBe(0);
    expect(events(server, 'signing_keys_unavailable')).toEqual([
      expect.objectContaining({ reason: 'timeout', usingHeldKeys: false }),
    ]);
    expect(events(server, 'auth_unavailable')).toHaveLength(100);

    // Within the cool-down the next request is answered at once, without another fetch.
    const next = await postWithHeaders(server);
    expectUnavailable(next.result, next.retryAfter);
    expect(endpoint.metadataRequests).toBe(1);
  });

  it('no network (nothing listening): 503 at once, the log naming a reason class only', async () => {
    const closed = createNetServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const server = await securedServer({
      metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    });

    const { result, retryAfter } = await postWithHeaders(server);

    expectUnavailable(result, retryAfter);
    expect(events(server, 'signing_keys_unavailable')).toEqual([
      expect.objectContaining({ reason: 'network' }),
    ]);
    expect(JSON.stringify(server.logs)).not.toMatch(/ECONNREFUSED|fetch failed|stack/);
  });

  it('an endpoint answering 500: 503; once it recovers and the cool-down has passed, the next request gets 200', async () => {
    const { endpoint, clock, server } = await serverOnTestClock('fail');

    const failed = await postWithHeaders(server);
    expectUnavailable(failed.result, failed.retryAfter);
    expect(events(server, 'signing_keys_unavailable')).toEqual([
      expect.objectContaining({ reason: 'http_status', status: 500 }),
    ]);

    endpoint.mode = 'serve';
    expect((await post(server)).status).toBe(503);
    expect(endpoint.metadataRequests).toBe(1);

    clock.advance(Number(failed.retryAfter) * 1000);
    expect((await post(server)).status).toBe(200);
    expect(endpoint.metadataRequests).toBe(2);
  });
});

describe('the signing keys are fetched once and shared', () => {
  it('20 concurrent valid requests on a cold start: one fetch of each document, all 200', async () => {
    const endpoint = await identityEndpoint('serve');
    const server = await securedServer({ metadataUrl: endpoint.metadataUrl });

    const results = await Promise.all(Array.from({ length: 20 }, () => post(server)));

    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
    expect([endpoint.metadataRequests, endpoint.jwksRequests]).toEqual([1, 1]);
  });

  it('fetched again after 24 hours', async () => {
    const { endpoint, clock, server } = await serverOnTestClock('serve');
    expect((await post(server)).status).toBe(200);
    clock.advance(23 * HOUR);
    expect((await post(server)).status).toBe(200);
    expect(endpoint.metadataRequests).toBe(1);

    clock.advance(HOUR);
    expect((await post(server)).status).toBe(200);
    expect(endpoint.metadataRequests).toBe(2);
  });

  it('a refresh that fails after 24 hours leaves the keys held in use', async () => {
    const { endpoint, clock, server } = await serverOnTestClock('serve');
    expect((await post(server)).status).toBe(200);

    endpoint.mode = 'fail';
    clock.advance(25 * HOUR);
    expect((await post(server)).status).toBe(200);
    expect((await post(server)).status).toBe(200);
    expect(endpoint.metadataRequests).toBe(2);
    expect(events(server, 'signing_keys_unavailable')).toEqual([
      expect.objectContaining({ reason: 'http_status', usingHeldKeys: true }),
    ]);
  });

  it('a token naming a key published since: fetched again, but at most once per 5 minutes', async () => {
    const { endpoint, clock, server } = await serverOnTestClock('serve');
    expect((await post(server)).status).toBe(200);
    endpoint.published = [key, rotated];

    clock.advance(4 * 60 * 1000);
    expect((await post(server, tokenFor(rotated))).status).toBe(401);
    expect(endpoint.metadataRequests).toBe(1);

    clock.advance(60 * 1000);
    expect((await post(server, tokenFor(rotated))).status).toBe(200);
    expect(endpoint.metadataRequests).toBe(2);
  });

  it('forged tokens naming unknown key ids, 50 at once: one fetch, then none within 5 minutes', async () => {
    const { endpoint, clock, server } = await serverOnTestClock('serve');
    expect((await post(server)).status).toBe(200);
    clock.advance(5 * 60 * 1000);

    const forgers = Array.from({ length: 5 }, (_, i) => newSigningKey(`forged-${i}`));
    const forged = Array.from({ length: 50 }, (_, i) => tokenFor(forgers[i % 5] ?? key));
    const results = await Promise.all(forged.map((token) => post(server, token)));
    expect(results.map((result) => result.status)).toEqual(Array(50).fill(401));
    expect(endpoint.metadataRequests).toBe(2);

    const more = await Promise.all(forged.slice(0, 10).map((token) => post(server, token)));
    expect(more.map((result) => result.status)).toEqual(Array(10).fill(401));
    expect(endpoint.metadataRequests).toBe(2);
  });
});
