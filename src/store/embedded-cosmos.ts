import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

export interface EmbeddedCosmos {
  endpoint: string;
  /** A fixed key: the embedded server accepts any. */
  key: string;
  close(): Promise<void>;
}

/**
 * Start the in-process Cosmos-compatible server on loopback (a free port unless one is given).
 * Data lives in memory and is gone when the process ends.
 */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  const server = createHttpsServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}`,
    key: 'embedded-local-key',
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
