import type { StatePropertyAccessor } from 'botbuilder';
import type { Clock } from '../../domain/clock';
import type { OpeningRead } from '../../domain/referral/language/opening-read';
import type { PcnConfig } from '../../domain/pcn-config';
import type { RoleDirectory } from '../../domain/roles';
import type { ReferralRecordRepository } from '../../store/referral-record.repository';

/** What the referral dialogs need from the rest of the app. */
export interface ReferralDependencies {
  /** The answers behind the last outcome, per user and conversation (dialog state storage). */
  lastReferral: StatePropertyAccessor<unknown>;
  /** How long those answers may still be changed, as the dialogs' idle time. */
  idleMinutes: number;
  /** Reads a description typed where an answer was expected (language/opening-read.ts). */
  readOpening: (text: string) => OpeningRead;
  pcn: PcnConfig;
  records: ReferralRecordRepository;
  roles: RoleDirectory;
  clock: Clock;
  /** Months after which local contacts count as stale. */
  contactsReviewMonths: number;
}
