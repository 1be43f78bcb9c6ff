import { createHash } from 'node:crypto';

/** The first `length` hex characters of a text's SHA-256: an id or tag that says nothing of it. */
export function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
