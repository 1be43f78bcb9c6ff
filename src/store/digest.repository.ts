import type { DigestPreference } from '../domain/digest/digest-preference';

/** The weekly digest's own records: each person's choice, and which weeks they have been sent. */
export interface DigestRepository {
  getPreference(tenantId: string, userId: string): Promise<DigestPreference | undefined>;
  setPreference(preference: DigestPreference): Promise<void>;
  /**
   * Claim one person's digest for one ISO week before sending it. Of all the callers at once
   * (passes, instances, restarts), exactly one is told true; the rest false.
   */
  claimWeek(tenantId: string, userId: string, week: string, claimedAt: string): Promise<boolean>;
  /** Give a claim back when the digest could not be sent, so a later pass tries again. */
  releaseWeek(tenantId: string, userId: string, week: string): Promise<void>;
}
