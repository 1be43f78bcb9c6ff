import type { ReferralCase } from '../domain/referral-loop/referral-case';
import type { Versioned } from './versioned';

/** Referral cases, per PCN: a reference is unique within its PCN. */
export interface ReferralCaseRepository {
  /** Store a new case; false when its reference is already taken in the PCN (then try another). */
  create(referralCase: ReferralCase): Promise<boolean>;
  get(pcn: string, reference: string): Promise<Versioned<ReferralCase> | undefined>;
  /** The case an outcome card's send key made for this referrer, if it made one. */
  findBySendKey(
    pcn: string,
    referrerId: string,
    sendKey: string,
  ): Promise<ReferralCase | undefined>;
  /** Write `next` only if the case is still as read; false when someone changed it first. */
  replaceIfUnchanged(current: Versioned<ReferralCase>, next: ReferralCase): Promise<boolean>;
  listForReferrer(pcn: string, referrerId: string): Promise<ReferralCase[]>;
  /** Cases the coaching team still has work on: sent, accepted, first contact, first session. */
  listOpen(pcn: string): Promise<ReferralCase[]>;
  /** Cases made from `from` (inclusive) to `to` (exclusive), UTC ISO times: a month's referrals. */
  listCreatedBetween(pcn: string, from: string, to: string): Promise<ReferralCase[]>;
  /** Cases whose referrer has changes not yet sent (a case's updates, batched per day). */
  listWithPendingUpdates(pcn: string): Promise<Array<Versioned<ReferralCase>>>;
}
