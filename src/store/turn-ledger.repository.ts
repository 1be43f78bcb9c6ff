/**
 * What the edge keeps about inbound activities: which ones were applied (so a Teams redelivery
 * is answered without being applied again) and which user-conversations have a turn running (so
 * two turns of one person never interleave, across every instance).
 */
export interface TurnLedger {
  /**
   * Claim an activity key for applying. False when it was already applied, or is being applied
   * now by a turn whose lease has not run out.
   */
  claimActivity(key: string, nowMs: number, leaseMs: number): Promise<boolean>;
  /** The claimed activity was applied: keep it (for `keepSeconds`) so redeliveries are skipped. */
  completeActivity(key: string, keepSeconds: number): Promise<void>;
  /** The turn failed and applied nothing durable: let a redelivery apply it. */
  releaseActivity(key: string): Promise<void>;
  /** Take the turn lease for a user in a conversation; false while another turn holds it. */
  acquireLease(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean>;
  releaseLease(key: string, owner: string): Promise<void>;
}
