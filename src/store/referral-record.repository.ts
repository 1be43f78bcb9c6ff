import type { ReferralRecord } from '../domain/referral/referral-record';

export interface ReferralRecordRepository {
  /** Save once: a second save with the same key (a redelivered activity) is a no-op. Returns false then. */
  add(key: string, record: ReferralRecord): Promise<boolean>;
  listMonth(month: string): Promise<ReferralRecord[]>;
}
