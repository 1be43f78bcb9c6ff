import type { z } from 'zod';
import { parseStored } from '../documents';
import type { Document, Stored } from './memory-container';

/** A stored document read back through its schema, refused as the Cosmos repositories refuse it. */
export function readAs<S extends z.ZodType>(schema: S, what: string, body: Document): z.infer<S> {
  return parseStored(schema, what, body);
}

/** Ordinal order on a string field, as Cosmos DB's ORDER BY sorts strings. */
export function byField(field: string, direction: 'asc' | 'desc' = 'asc') {
  return (a: Document, b: Document): number => {
    const x = textOf(a[field]);
    const y = textOf(b[field]);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return direction === 'asc' ? order : -order;
  };
}

/** The bodies of `found`, as a Cosmos query with ORDER BY `field` returns them. */
export function bodiesBy(
  found: readonly Stored[],
  field: string,
  direction: 'asc' | 'desc' = 'asc',
): Document[] {
  return found.map(({ body }) => body).sort(byField(field, direction));
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
