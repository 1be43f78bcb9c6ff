import type { Container } from '@azure/cosmos';
import { earliestSlot, pruneHistory, type RateWindow } from '../domain/broadcast/rate-limits';
import { cosmosStatus, storageError } from './cosmos-errors';
import { readDocument } from './documents';
import type { RateGate, RateKey } from './rate-gate';

interface WindowDoc {
  id: string;
  sends: number[];
  _etag?: string;
}

/** The rate gate over Cosmos DB: each key's recent send times in one document, updated with ETags. */
export class CosmosRateGate implements RateGate {
  constructor(
    private readonly container: Container,
    private readonly marginMs = 500,
  ) {}

  async reserve(keys: readonly RateKey[], now: () => number): Promise<{ waitMs: number }> {
    for (const { key, windows } of keys) {
      const wait = await this.reserveOne(key, windows, now);
      if (wait > 0) {
        return { waitMs: wait };
      }
    }
    return { waitMs: 0 };
  }

  private async reserveOne(
    key: string,
    windows: readonly RateWindow[],
    now: () => number,
  ): Promise<number> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const current = await this.read(key);
      const nowMs = now();
      const history = pruneHistory(current?.sends ?? [], windows, nowMs);
      const slot = earliestSlot(history, windows, nowMs, this.marginMs);
      if (slot > nowMs) {
        return slot - nowMs;
      }
      const next = { id: key, sends: [...history, nowMs] };
      try {
        if (current?._etag) {
          await this.container
            .item(key, key)
            .replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag } });
        } else {
          await this.container.items.create(next);
        }
        return 0;
      } catch (error) {
        const status = cosmosStatus(error);
        if (status !== 412 && status !== 409) {
          throw storageError('reserve send slot', error);
        }
        // Another instance took a slot at the same moment: read again and recount.
      }
    }
    return 50;
  }

  private read(key: string): Promise<WindowDoc | undefined> {
    return readDocument<WindowDoc>(this.container.item(key, key), 'read send window');
  }
}
