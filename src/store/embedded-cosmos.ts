import type { AddressInfo } from 'node:net';

export interface EmbeddedCosmos {
  endpoint: string;
  /** A fixed key: the embedded server accepts any. */
  key: string;
  /** How many requests it has answered so far (for the bench's requests-per-post count). */
  requests(): number;
  /** How many TLS connections clients have opened to it so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Start the in-process Cosmos-compatible server on loopback (a free port unless one is given).
 * Data lives in memory and is gone when the process ends.
 *
 * Connections are kept open (the server's `keepAlive` option; it answers `connection: close`
 * otherwise), so each call is not a new TLS handshake. Idle connections are never timed out by
 * the server, so a client's pooled socket cannot be closed under it as it is reused; `close`
 * ends them all. The server's module is loaded here, only when the embedded store is used.
 */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  const { createHttpsServer } = await import('@vercel/cosmosdb-server');
  const server = createHttpsServer({ keepAlive: true });
  server.keepAliveTimeout = 0;
  let answered = 0;
  let connected = 0;
  server.on('request', () => {
    answered += 1;
  });
  server.on('secureConnection', () => {
    connected += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}`,
    key: 'embedded-local-key',
    requests: () => answered,
    connections: () => connected,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
