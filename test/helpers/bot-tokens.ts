import { createHmac, sign, type KeyObject } from 'node:crypto';
import type { TestSigningKey } from './identity-endpoint';

/** The Microsoft app id the tests' bot is registered with. */
export const TEST_APP_ID = '11111111-2222-3333-4444-555555555555';

/** The claims the Bot Framework puts in a token it sends to a bot, valid for an hour from now. */
export function channelClaims(
  appId: string,
  serviceUrl: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
    iss: 'https://api.botframework.com',
    aud: appId,
    ...overrides,
  };
}

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const DIGESTS = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' } as const;

/**
 * An RSA-signed token (RS256 unless `alg` says otherwise); `signWith` lets a test sign with a key
 * other than the one `kid` names.
 */
export function signedToken(
  key: TestSigningKey,
  claims: Record<string, unknown>,
  options: { signWith?: KeyObject; alg?: keyof typeof DIGESTS } = {},
): string {
  const alg = options.alg ?? 'RS256';
  const input = `${part({ alg, typ: 'JWT', kid: key.kid })}.${part(claims)}`;
  const signature = sign(DIGESTS[alg], Buffer.from(input), options.signWith ?? key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

/** `alg: none`: no signature at all. */
export function unsignedToken(kid: string, claims: Record<string, unknown>): string {
  return `${part({ alg: 'none', typ: 'JWT', kid })}.${part(claims)}.`;
}

/** The key-confusion forgery: HS256 with the RSA public key's PEM text as the HMAC secret. */
export function hs256WithPublicKey(key: TestSigningKey, claims: Record<string, unknown>): string {
  const input = `${part({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${part(claims)}`;
  const secret = key.publicKey.export({ format: 'pem', type: 'spki' });
  const signature = createHmac('sha256', secret).update(input).digest('base64url');
  return `${input}.${signature}`;
}
