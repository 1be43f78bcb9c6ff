import { createHash } from 'node:crypto';

/** Cosmos ids may not hold '/', '\\', '?' or '#'; Teams ids can. Hash the parts into a safe, stable id. */
export function documentId(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}
