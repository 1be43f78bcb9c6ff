import {
  channelClaims,
  hs256WithPublicKey,
  signedToken,
  TEST_APP_ID,
  unsignedToken,
} from './bot-tokens';
import { newSigningKey, type TestSigningKey } from './identity-endpoint';

export const TOKEN_SERVICE_URL = 'https://smba.example.test/uk/';

/** The keys the identity endpoint publishes for these cases, and one it never does. */
export interface TokenKeys {
  key: TestSigningKey;
  /** Endorsed for msteams only. */
  teamsOnlyKey: TestSigningKey;
  /** Same kid as `key`, different key: a forger's. */
  impostor: TestSigningKey;
  unpublished: TestSigningKey;
}

export function tokenKeys(): TokenKeys {
  return {
    key: newSigningKey('key-1'),
    teamsOnlyKey: newSigningKey('key-teams', ['msteams']),
    impostor: newSigningKey('key-1'),
    unpublished: newSigningKey('key-unknown'),
  };
}

export interface TokenCase {
  name: string;
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** What our edge logs as the reason for refusing it. */
  reason: string;
  /** Fields changed on the otherwise ordinary Teams activity. */
  activity?: Record<string, unknown>;
}

const minutesFromNow = (n: number): number => Math.floor(Date.now() / 1000) + n * 60;

/** Every way a request's token should fail, with the reason class our log gives. */
export function forgedTokenCases(keys: TokenKeys): TokenCase[] {
  const claims = (overrides: Record<string, unknown> = {}) =>
    channelClaims(TEST_APP_ID, TOKEN_SERVICE_URL, overrides);
  const bearer = (token: string): string => `Bearer ${token}`;
  const { key, teamsOnlyKey, impostor, unpublished } = keys;
  return [
    {
      name: 'a wrong signature',
      authorization: bearer(signedToken(key, claims(), { signWith: impostor.privateKey })),
      reason: 'signature',
    },
    {
      name: 'an unknown key id',
      authorization: bearer(signedToken(unpublished, claims())),
      reason: 'unknown_key',
    },
    {
      name: 'alg: none',
      authorization: bearer(unsignedToken(key.kid, claims())),
      reason: 'algorithm',
    },
    {
      name: 'HS256 signed with the public key',
      authorization: bearer(hs256WithPublicKey(key, claims())),
      reason: 'algorithm',
    },
    // These two are signed when read, so they are a minute past the 5 minutes of clock skew when
    // checked: made when the file loads, "not yet valid" would be valid a minute later.
    {
      name: 'an expired token',
      get authorization() {
        return bearer(signedToken(key, claims({ exp: minutesFromNow(-6) })));
      },
      reason: 'expired',
    },
    {
      name: 'a token not yet valid',
      get authorization() {
        return bearer(signedToken(key, claims({ nbf: minutesFromNow(6) })));
      },
      reason: 'not_yet_valid',
    },
    {
      name: 'the wrong audience',
      authorization: bearer(signedToken(key, claims({ aud: 'another-bot' }))),
      reason: 'audience',
    },
    {
      name: 'the wrong issuer',
      authorization: bearer(signedToken(key, claims({ iss: 'https://sts.windows.net/x/' }))),
      reason: 'issuer',
    },
    {
      name: 'a serviceUrl claim for another service',
      authorization: bearer(signedToken(key, claims({ serviceurl: 'https://evil.example.test/' }))),
      reason: 'service_url',
    },
    {
      name: 'a key endorsed for another channel',
      authorization: bearer(signedToken(teamsOnlyKey, claims())),
      reason: 'endorsement',
      activity: { channelId: 'webchat' },
    },
    { name: 'no Authorization header', authorization: undefined, reason: 'missing' },
    { name: 'a garbage header', authorization: 'Bearer not.a.token', reason: 'malformed' },
    {
      name: 'another scheme',
      authorization: `Basic ${Buffer.from('a:b').toString('base64')}`,
      reason: 'malformed',
    },
  ];
}

/** Tokens botbuilder would take that this bot refuses on purpose. */
export function stricterThanBotbuilderCases(keys: TokenKeys): TokenCase[] {
  const claims = (overrides: Record<string, unknown> = {}) =>
    channelClaims(TEST_APP_ID, TOKEN_SERVICE_URL, overrides);
  return [
    {
      name: 'no expiry (jsonwebtoken checks exp only when present)',
      authorization: `Bearer ${signedToken(keys.key, claims({ exp: undefined }))}`,
      reason: 'malformed',
    },
    {
      name: 'RS512 (botbuilder allows RS256, RS384 and RS512; channels sign with RS256)',
      authorization: `Bearer ${signedToken(keys.key, claims(), { alg: 'RS512' })}`,
      reason: 'algorithm',
    },
  ];
}
