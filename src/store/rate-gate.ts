import type { RateWindow } from '../domain/broadcast/rate-limits';

export interface RateKey {
  key: string;
  windows: readonly RateWindow[];
}

/** Reserving a send slot, shared by every sender instance. */
export interface RateGate {
  /**
   * Reserve a slot now for every key, or say how long to wait before asking again. `now` is read
   * as late as possible, just before each slot is written, so the recorded time is close to when
   * the post really leaves.
   */
  reserve(keys: readonly RateKey[], now: () => number): Promise<{ waitMs: number }>;
}
