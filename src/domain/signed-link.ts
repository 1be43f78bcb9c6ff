import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Expiring signed links for downloads from the bot's own server: the link names the resource,
 * the user it was made for and an expiry, and carries an HMAC over all three.
 */
export interface LinkClaims {
  resource: string;
  user: string;
  /** Expiry, seconds since the epoch. */
  expires: number;
}

function signature(secret: string, claims: LinkClaims): string {
  return createHmac('sha256', secret)
    .update(`${claims.resource}\n${claims.user}\n${claims.expires}`)
    .digest('base64url');
}

export function signLink(secret: string, claims: LinkClaims): string {
  const params = new URLSearchParams({
    u: claims.user,
    exp: String(claims.expires),
    sig: signature(secret, claims),
  });
  return `${claims.resource}?${params.toString()}`;
}

export type LinkCheck = { ok: true; user: string } | { ok: false; reason: 'expired' | 'invalid' };

export function verifyLink(
  secret: string,
  resource: string,
  query: URLSearchParams,
  nowSeconds: number,
): LinkCheck {
  const user = query.get('u');
  const expires = Number(query.get('exp'));
  const given = query.get('sig');
  if (!user || !given || !Number.isInteger(expires)) {
    return { ok: false, reason: 'invalid' };
  }
  const expected = Buffer.from(signature(secret, { resource, user, expires }));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: 'invalid' };
  }
  return expires < nowSeconds ? { ok: false, reason: 'expired' } : { ok: true, user };
}
