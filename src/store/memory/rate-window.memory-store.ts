import { z } from 'zod';
import { earliestSlot, pruneHistory, type RateWindow } from '../../domain/broadcast/rate-limits';
import { CONTAINERS } from '../containers';
import type { RateGate, RateKey } from '../rate-gate';
import { MemoryContainer } from './memory-container';
import { settle } from './settle';
import { readAs } from './stored-document';

const windowSchema = z.object({ sends: z.array(z.number()) });

/**
 * The rate gate in memory: each key's recent send times, widened by the same margin as the Cosmos
 * gate. One process only, so a read and the write after it are never interleaved with another's.
 */
export class MemoryRateGate implements RateGate {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.rateWindows.partitionKey),
    private readonly marginMs = 500,
  ) {}

  reserve(keys: readonly RateKey[], now: () => number): Promise<{ waitMs: number }> {
    return settle(() => {
      for (const { key, windows } of keys) {
        const wait = this.reserveOne(key, windows, now);
        if (wait > 0) {
          return { waitMs: wait };
        }
      }
      return { waitMs: 0 };
    });
  }

  private reserveOne(key: string, windows: readonly RateWindow[], now: () => number): number {
    const current = this.container.read(key, key);
    const sends = current ? readAs(windowSchema, 'send window', current.body).sends : [];
    const nowMs = now();
    const history = pruneHistory(sends, windows, nowMs, this.marginMs);
    const slot = earliestSlot(history, windows, nowMs, this.marginMs);
    if (slot > nowMs) {
      return slot - nowMs;
    }
    this.container.upsert({ id: key, sends: [...history, nowMs] });
    return 0;
  }
}
