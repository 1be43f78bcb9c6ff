/**
 * A session log's short reference, such as "S-4F2K": read out or written on a note without
 * naming anyone. It is derived from the log's id (itself a hash of the Teams activity), so it
 * says nothing about the person or the session; four Crockford base-32 characters (no I, L, O
 * or U) tell a coach's few recent logs apart.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function shortReference(logId: string): string {
  // FNV-1a, 32 bits: pure, fast and stable across processes.
  let hash = 0x811c9dc5;
  for (let i = 0; i < logId.length; i += 1) {
    hash ^= logId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let reference = '';
  for (let i = 0; i < 4; i += 1) {
    reference += ALPHABET[hash & 31] ?? '0';
    hash >>>= 5;
  }
  return `S-${reference}`;
}
