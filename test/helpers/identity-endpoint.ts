import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An RSA key made for one test run, published as a JWK by the identity endpoint. */
export interface TestSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  endorsements?: string[];
}

export function newSigningKey(kid: string, endorsements?: string[]): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey, ...(endorsements ? { endorsements } : {}) };
}

export type EndpointMode = 'serve' | 'hang' | 'fail';

/**
 * A loopback stand-in for login.botframework.com: an OpenID configuration document and the JWKS
 * it names. It counts what it is asked, and can hang (accept, never answer) or fail with 500.
 */
export class IdentityEndpoint {
  mode: EndpointMode = 'serve';
  published: TestSigningKey[] = [];
  metadataRequests = 0;
  jwksRequests = 0;
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private base = '';

  get metadataUrl(): string {
    return `${this.base}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const isMetadata = req.url === '/v1/.well-known/openidconfiguration';
      if (isMetadata) {
        this.metadataRequests += 1;
      } else if (req.url === '/v1/.well-known/keys') {
        this.jwksRequests += 1;
      }
      this.events.emit('request');
      if (this.mode === 'hang') {
        return;
      }
      if (this.mode === 'fail') {
        this.reply(res, 500, { error: 'boom' });
        return;
      }
      if (isMetadata) {
        this.reply(res, 200, {
          issuer: 'https://api.botframework.com',
          jwks_uri: `${this.base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
        return;
      }
      this.reply(res, 200, {
        keys: this.published.map((key) => ({
          ...key.publicKey.export({ format: 'jwk' }),
          kid: key.kid,
          use: 'sig',
          ...(key.endorsements ? { endorsements: key.endorsements } : {}),
        })),
      });
    });
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.server = server;
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves once the endpoint has been asked `count` requests in all. */
  async requestsSeen(count: number): Promise<void> {
    while (this.metadataRequests + this.jwksRequests < count) {
      await once(this.events, 'request');
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    const server = this.server;
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
