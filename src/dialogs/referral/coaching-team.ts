/** A member of the coaching team who can be sent a new referral. */
export interface ReferralCoach {
  aadObjectId: string;
  displayName: string;
}

/**
 * Who takes referrals from a practice. Wired in src/app.ts from the PCN file's coaches today; the
 * roster (kept in Cosmos DB) takes this over, leaving out coaches not taking referrals.
 */
export type CoachesForReferral = (odsCode: string) => Promise<ReadonlyArray<ReferralCoach>>;
