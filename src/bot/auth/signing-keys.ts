import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** One RSA public key from the Bot Framework's JWKS, with the channels it may sign for. */
export interface SigningKey {
  readonly kid: string;
  readonly key: KeyObject;
  /** Channel ids (e.g. `msteams`) the key is endorsed for; empty means no restriction. */
  readonly endorsements: readonly string[];
}

const MIN_MODULUS_BITS = 2_048;

const jwksSchema = z.object({ keys: z.array(z.unknown()) }).loose();

const rsaJwkSchema = z
  .object({
    kty: z.literal('RSA'),
    kid: z.string().min(1),
    n: z.string().min(1),
    e: z.string().min(1),
    use: z.string().optional(),
    endorsements: z.array(z.string()).optional(),
  })
  .loose();

function toSigningKey(entry: unknown): SigningKey | undefined {
  const parsed = rsaJwkSchema.safeParse(entry);
  if (!parsed.success || (parsed.data.use !== undefined && parsed.data.use !== 'sig')) {
    return undefined;
  }
  const { kid, n, e, endorsements } = parsed.data;
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' });
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return bits >= MIN_MODULUS_BITS ? { kid, key, endorsements: endorsements ?? [] } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The usable signing keys of a JWKS document (RSA, for signatures, at least 2048 bits), or
 * undefined when the document is not a JWKS at all. Keys of other kinds are left out.
 */
export function parseJwks(document: unknown): SigningKey[] | undefined {
  const parsed = jwksSchema.safeParse(document);
  if (!parsed.success) {
    return undefined;
  }
  return parsed.data.keys.map(toSigningKey).filter((key): key is SigningKey => key !== undefined);
}
