import type { Container } from '@azure/cosmos';
import { earliestSlot, pacedSpacing, pruneHistory } from '../domain/broadcast/rate-limits';
import { cosmosStatus, storageError } from './cosmos-errors';
import type { RateGate, RateKey } from './rate-gate';

interface WindowDoc {
  id: string;
  sends: number[];
  _etag?: string;
}

/**
 * The rate gate over Cosmos DB: each key's recent send times in one document, updated with
 * ETags, so every instance together keeps to the limits. The document last read or written is
 * kept: a reservation writes against its ETag straight away (one request), and reads again only
 * when another instance wrote in between (412).
 */
export class CosmosRateGate implements RateGate {
  private readonly known = new Map<string, WindowDoc>();

  constructor(
    private readonly container: Container,
    private readonly marginMs = 500,
  ) {}

  async reserve(keys: readonly RateKey[], now: () => number): Promise<{ waitMs: number }> {
    for (const key of keys) {
      const wait = await this.reserveOne(key, now);
      if (wait > 0) {
        return { waitMs: wait };
      }
    }
    return { waitMs: 0 };
  }

  expectedWait(keys: readonly RateKey[], nowMs: number): number {
    let wait = 0;
    for (const key of keys) {
      const slot = this.slotFor(key, this.known.get(key.key)?.sends ?? [], nowMs);
      wait = Math.max(wait, slot - nowMs);
    }
    return wait;
  }

  private slotFor(key: RateKey, sends: readonly number[], nowMs: number): number {
    const history = pruneHistory(sends, key.windows, nowMs, this.marginMs);
    const spacing = key.paced ? pacedSpacing(key.windows, this.marginMs) : 0;
    return earliestSlot(history, key.windows, nowMs, this.marginMs, spacing);
  }

  private async reserveOne(key: RateKey, now: () => number): Promise<number> {
    let current = this.known.get(key.key) ?? (await this.read(key.key));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const nowMs = now();
      const slot = this.slotFor(key, current?.sends ?? [], nowMs);
      if (slot > nowMs) {
        return Math.ceil(slot - nowMs);
      }
      const next = {
        id: key.key,
        sends: [...pruneHistory(current?.sends ?? [], key.windows, nowMs, this.marginMs), nowMs],
      };
      try {
        const { resource } = current?._etag
          ? await this.container.item(key.key, key.key).replace<WindowDoc>(next, {
              accessCondition: { type: 'IfMatch', condition: current._etag },
            })
          : await this.container.items.create<WindowDoc>(next);
        this.remember({ ...next, ...(resource?._etag ? { _etag: resource._etag } : {}) });
        return 0;
      } catch (error) {
        const status = cosmosStatus(error);
        if (status !== 412 && status !== 409) {
          this.known.delete(key.key);
          throw storageError('reserve send slot', error);
        }
        // Another instance took a slot in between: read again and recount.
        current = await this.read(key.key);
      }
    }
    return 50;
  }

  async release(key: RateKey, at: number): Promise<void> {
    let current = this.known.get(key.key) ?? (await this.read(key.key));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const index = current?.sends.indexOf(at) ?? -1;
      if (!current?._etag || index < 0) {
        return;
      }
      const next = { id: key.key, sends: current.sends.filter((_t, i) => i !== index) };
      try {
        const { resource } = await this.container.item(key.key, key.key).replace<WindowDoc>(next, {
          accessCondition: { type: 'IfMatch', condition: current._etag },
        });
        this.remember({ ...next, ...(resource?._etag ? { _etag: resource._etag } : {}) });
        return;
      } catch (error) {
        if (cosmosStatus(error) !== 412) {
          this.known.delete(key.key);
          throw storageError('give back send slot', error);
        }
        current = await this.read(key.key);
      }
    }
  }

  private remember(doc: WindowDoc): void {
    if (doc._etag) {
      this.known.set(doc.id, doc);
    } else {
      this.known.delete(doc.id);
    }
  }

  private async read(key: string): Promise<WindowDoc | undefined> {
    try {
      const { resource } = await this.container.item(key, key).read<WindowDoc>();
      if (resource) {
        this.remember(resource);
      }
      return resource;
    } catch (error) {
      if (cosmosStatus(error) === 404) {
        this.known.delete(key);
        return undefined;
      }
      throw storageError('read send window', error);
    }
  }
}
