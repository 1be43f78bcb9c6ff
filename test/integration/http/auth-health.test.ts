import { startSecuredServer, type SecuredServer } from '../../helpers/secured-server';

/** The readiness and liveness routes need no identity endpoint: nothing here is authenticated. */
const NO_IDENTITY = 'http://127.0.0.1:9/v1/.well-known/openidconfiguration';

const servers: SecuredServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.close();
  }
});

async function serverWithStorage(probeStorage: () => Promise<boolean>): Promise<SecuredServer> {
  const server = await startSecuredServer({ metadataUrl: NO_IDENTITY, probeStorage });
  servers.push(server);
  return server;
}

async function get(server: SecuredServer, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: await response.text() };
}

describe('health routes, without a token', () => {
  it('/healthz says only that the process answers, even with storage down', async () => {
    const server = await serverWithStorage(() => Promise.resolve(false));
    expect(await get(server, '/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
  });

  it('/readyz: 200 ready with the storage kind when storage answers', async () => {
    const server = await serverWithStorage(() => Promise.resolve(true));
    const { status, body } = await get(server, '/readyz');
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ status: 'ready', storage: 'embedded' });
  });

  it('/readyz: 503 not ready when storage fails, or does not answer in time', async () => {
    const failing = await serverWithStorage(() =>
      Promise.reject(new Error('ECONNREFUSED 10.0.0.1')),
    );
    const silent = await serverWithStorage(() => new Promise<boolean>(() => undefined));
    for (const server of [failing, silent]) {
      const { status, body } = await get(server, '/readyz');
      expect(status).toBe(503);
      expect(JSON.parse(body)).toEqual({ status: 'not ready', storage: 'embedded' });
    }
  });
});
