import type { RateWindow } from '../domain/broadcast/rate-limits';

export interface RateKey {
  key: string;
  windows: readonly RateWindow[];
  /** Spread sends over the window (`pacedSpacing`) rather than let them go in a burst. */
  paced?: boolean;
}

/** Reserving a send slot, shared by every sender instance. */
export interface RateGate {
  /**
   * Reserve a slot now for every key, in the order given, or say how long to wait before asking
   * again; a slot taken for an earlier key stays taken. `now` is read as late as possible, just
   * before each slot is written, so the recorded time is close to when the post really leaves.
   */
  reserve(keys: readonly RateKey[], now: () => number): Promise<{ waitMs: number }>;
  /**
   * How long until every key looks free, from what this gate last saw of them, without asking
   * the store (0 for a key it has not seen). Other instances only ever add sends, so a wait
   * said here is at least that long; a 0 may still meet a wait from `reserve`.
   */
  expectedWait(keys: readonly RateKey[], nowMs: number): number;
  /**
   * Give back a slot taken at `at` (the value `now` gave when it was reserved) for a send that
   * Teams refused with 429: a refused request is not one Teams counts, so it must not hold back
   * the sends after it. Nothing happens if the slot has already left the window.
   */
  release(key: RateKey, at: number): Promise<void>;
}
