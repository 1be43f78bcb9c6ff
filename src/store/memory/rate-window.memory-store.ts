import { z } from 'zod';
import { earliestSlot, pacedSpacing, pruneHistory } from '../../domain/broadcast/rate-limits';
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
      for (const key of keys) {
        const wait = this.reserveOne(key, now);
        if (wait > 0) {
          return { waitMs: wait };
        }
      }
      return { waitMs: 0 };
    });
  }

  expectedWait(keys: readonly RateKey[], nowMs: number): number {
    return Math.max(0, ...keys.map((key) => this.slotFor(key, nowMs) - nowMs));
  }

  release(key: RateKey, at: number): Promise<void> {
    return settle(() => {
      const sends = this.sends(key.key);
      const index = sends.indexOf(at);
      if (index >= 0) {
        this.container.upsert({ id: key.key, sends: sends.filter((_t, i) => i !== index) });
      }
    });
  }

  private sends(key: string): number[] {
    const current = this.container.read(key, key);
    return current ? readAs(windowSchema, 'send window', current.body).sends : [];
  }

  private slotFor(key: RateKey, nowMs: number): number {
    const history = pruneHistory(this.sends(key.key), key.windows, nowMs, this.marginMs);
    const spacing = key.paced ? pacedSpacing(key.windows, this.marginMs) : 0;
    return earliestSlot(history, key.windows, nowMs, this.marginMs, spacing);
  }

  private reserveOne(key: RateKey, now: () => number): number {
    const nowMs = now();
    const slot = this.slotFor(key, nowMs);
    if (slot > nowMs) {
      return Math.ceil(slot - nowMs);
    }
    const history = pruneHistory(this.sends(key.key), key.windows, nowMs, this.marginMs);
    this.container.upsert({ id: key.key, sends: [...history, nowMs] });
    return 0;
  }
}
