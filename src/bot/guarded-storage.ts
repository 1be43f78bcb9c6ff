import type { Storage, StoreItems } from 'botbuilder';
import { storageError } from '../store/cosmos-errors';

/** Bot state storage whose failures become coded errors the turn-error handler understands. */
export class GuardedStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    try {
      return await this.inner.read(keys);
    } catch (error) {
      throw storageError('read bot state', error);
    }
  }

  async write(changes: StoreItems): Promise<void> {
    try {
      await this.inner.write(changes);
    } catch (error) {
      throw storageError('write bot state', error);
    }
  }

  async delete(keys: string[]): Promise<void> {
    try {
      await this.inner.delete(keys);
    } catch (error) {
      throw storageError('delete bot state', error);
    }
  }
}
