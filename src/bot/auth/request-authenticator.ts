import type { BotAuthSettings } from '../../config';
import type { Logger } from '../../logger';
import { checkChannelToken, type ActivityRouting, type TokenCheck } from './channel-token';
import { fetchSigningKeys } from './openid-keys-fetch';
import {
  DEFAULT_KEY_CACHE_OPTIONS,
  SigningKeyCache,
  type SigningKeyCacheOptions,
} from './signing-key-cache';

/** What the edge learnt about who sent a request. */
export type AuthOutcome = TokenCheck | { kind: 'anonymous' };

/** The outcomes a turn may run with. */
export type TurnIdentity = Extract<AuthOutcome, { kind: 'verified' | 'anonymous' }>;

export interface RequestAuthenticator {
  /** Never throws: anything unexpected is a refusal. */
  authenticate(authorization: string | undefined, activity: ActivityRouting): Promise<AuthOutcome>;
}

/** Tests may shorten the cache's intervals or give it a clock. */
export type KeyCacheOverrides = Partial<SigningKeyCacheOptions>;

/**
 * With an app id, every request must carry a Bot Framework channel token (see checkChannelToken);
 * the keys come from the configured OpenID metadata, fetched with a deadline and shared. Without
 * one (local use only, on loopback) every request is anonymous.
 */
export function createRequestAuthenticator(
  auth: BotAuthSettings,
  logger: Logger,
  keyCache: KeyCacheOverrides = {},
): RequestAuthenticator {
  if (auth.kind === 'anonymous') {
    return { authenticate: () => Promise.resolve({ kind: 'anonymous' }) };
  }
  const keys = new SigningKeyCache(
    () => fetchSigningKeys(auth.openIdMetadataUrl, auth.openIdTimeoutMs),
    logger,
    { ...DEFAULT_KEY_CACHE_OPTIONS, ...keyCache },
  );
  const rules = {
    appId: auth.appId,
    findKey: (kid: string) => keys.find(kid),
    nowSeconds: () => Math.floor(Date.now() / 1000),
  };
  return {
    authenticate: async (authorization, activity) => {
      try {
        return await checkChannelToken(authorization, activity, rules);
      } catch {
        return { kind: 'refused', reason: 'unexpected' };
      }
    },
  };
}
