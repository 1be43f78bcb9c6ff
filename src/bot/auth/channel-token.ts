import { verify, type KeyObject } from 'node:crypto';
import { parseCompactJws } from './compact-jws';
import type { KeyLookup } from './signing-key-cache';

/** Who issues the tokens the Bot Framework channels (Teams among them) send to bots. */
export const BOT_FRAMEWORK_TOKEN_ISSUER = 'https://api.botframework.com';
/** The clock skew botframework-connector allows on exp and nbf. */
export const CLOCK_SKEW_SECONDS = 5 * 60;

/** Why a token was refused: for our logs only, never for the caller. */
export type RefusalReason =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'issuer'
  | 'unknown_key'
  | 'signature'
  | 'expired'
  | 'not_yet_valid'
  | 'audience'
  | 'service_url'
  | 'endorsement'
  | 'unexpected';

export type TokenCheck =
  | { kind: 'verified'; claims: Readonly<Record<string, unknown>> }
  | { kind: 'refused'; reason: RefusalReason }
  | { kind: 'unavailable'; retryAfterSeconds: number };

export interface ChannelTokenRules {
  /** The bot's Microsoft app id: the audience every token must name. */
  appId: string;
  findKey: (kid: string) => Promise<KeyLookup>;
  nowSeconds: () => number;
}

/** The parts of the activity a channel token vouches for. */
export interface ActivityRouting {
  channelId: string;
  serviceUrl: string;
}

const BEARER = /^Bearer (\S+)$/;

const refused = (reason: RefusalReason): TokenCheck => ({ kind: 'refused', reason });

function signatureMatches(signingInput: string, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify('sha256', Buffer.from(signingInput), key, signature);
  } catch {
    return false;
  }
}

/**
 * Checks the Authorization header of a request from a Bot Framework channel, as strictly as
 * botframework-connector's channel validation or more: RS256 only; the key named by `kid` in the
 * published JWKS; issuer https://api.botframework.com; audience the bot's app id; exp required,
 * nbf honoured, 5 minutes' skew; the `serviceurl` claim equal to the activity's serviceUrl; and
 * the key's endorsements naming the activity's channel. Cheap checks come first, so a forged token
 * with the wrong algorithm or issuer never causes a key fetch.
 */
export async function checkChannelToken(
  authorization: string | undefined,
  activity: ActivityRouting,
  rules: ChannelTokenRules,
): Promise<TokenCheck> {
  if (authorization === undefined || authorization.trim() === '') {
    return refused('missing');
  }
  const token = BEARER.exec(authorization)?.[1];
  const jws = token === undefined ? undefined : parseCompactJws(token);
  if (!jws) {
    return refused('malformed');
  }
  const { header, payload } = jws;
  if (header.alg !== 'RS256') {
    return refused('algorithm');
  }
  if (header.crit !== undefined) {
    return refused('malformed');
  }
  if (payload.iss !== BOT_FRAMEWORK_TOKEN_ISSUER) {
    return refused('issuer');
  }
  if (typeof header.kid !== 'string' || header.kid.length === 0) {
    return refused('unknown_key');
  }
  const lookup = await rules.findKey(header.kid);
  if (lookup.kind === 'unavailable') {
    return lookup;
  }
  if (lookup.kind === 'unknown') {
    return refused('unknown_key');
  }
  if (!signatureMatches(jws.signingInput, lookup.key.key, jws.signature)) {
    return refused('signature');
  }
  const now = rules.nowSeconds();
  if (
    typeof payload.exp !== 'number' ||
    (payload.nbf !== undefined && typeof payload.nbf !== 'number')
  ) {
    return refused('malformed');
  }
  if (now > payload.exp + CLOCK_SKEW_SECONDS) {
    return refused('expired');
  }
  if (typeof payload.nbf === 'number' && now + CLOCK_SKEW_SECONDS < payload.nbf) {
    return refused('not_yet_valid');
  }
  if (payload.aud !== rules.appId) {
    return refused('audience');
  }
  if (payload.serviceurl !== activity.serviceUrl) {
    return refused('service_url');
  }
  const { endorsements } = lookup.key;
  if (
    endorsements.length > 0 &&
    activity.channelId.trim() !== '' &&
    !endorsements.includes(activity.channelId)
  ) {
    return refused('endorsement');
  }
  return { kind: 'verified', claims: payload };
}
