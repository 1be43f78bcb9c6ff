import type { Container, Item, ItemDefinition } from '@azure/cosmos';
import type { z } from 'zod';
import { AppError } from '../errors';
import { cosmosStatus, storageError } from './cosmos-errors';

export type QueryParameters = Array<{ name: string; value: string | number | boolean | string[] }>;

/** Every document a query finds; a storage failure becomes STORAGE_UNAVAILABLE (or CONFLICT). */
export async function queryAll<T>(
  container: Container,
  what: string,
  query: string,
  parameters: QueryParameters,
): Promise<T[]> {
  try {
    const { resources } = await container.items.query<T>({ query, parameters }).fetchAll();
    return resources;
  } catch (error) {
    throw storageError(`query ${what}`, error);
  }
}

/**
 * The document `item` names, or undefined when there is none; a storage failure becomes
 * STORAGE_UNAVAILABLE (or CONFLICT) for `operation`.
 */
export async function readDocument<T extends ItemDefinition>(
  item: Item,
  operation: string,
): Promise<T | undefined> {
  try {
    const { resource } = await item.read<T>();
    return resource;
  } catch (error) {
    if (cosmosStatus(error) === 404) {
      return undefined;
    }
    throw storageError(operation, error);
  }
}

/** Writes `doc`, replacing any document of its id; a storage failure becomes a coded error. */
export async function upsertDocument(
  container: Container,
  doc: ItemDefinition,
  operation: string,
): Promise<void> {
  try {
    await container.items.upsert(doc);
  } catch (error) {
    throw storageError(operation, error);
  }
}

/** A stored document read through its schema: one that no longer fits is an error, never a guess. */
export function parseStored<S extends z.ZodType>(
  schema: S,
  what: string,
  doc: unknown,
): z.output<S> {
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    throw new AppError('STORED_DOCUMENT_INVALID', what);
  }
  return parsed.data;
}
