import type { ReferralCase } from '../domain/referral-loop/referral-case';
import type { Schedule } from '../domain/supervision/schedule';
import type {
  BroadcastJob,
  ChannelTarget,
  Delivery,
  DeliverySummary,
} from '../domain/broadcast/broadcast';

/** What posting one card to one channel came to. */
export type PostOutcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'failed'; status?: number; retryAfterMs?: number; message: string };

/** Posts a card as a new thread in a Teams channel. Implemented on the Bot Framework in src/bot. */
export interface ChannelPoster {
  post(
    target: ChannelTarget,
    tenantId: string,
    card: Record<string, unknown>,
  ): Promise<PostOutcome>;
}

/** Tells the lead how their broadcast is going (updates their status card). */
export interface BroadcastNotifier {
  /** `deliveries` are the job's, as just read: the summary is made from them. */
  progress(
    job: BroadcastJob,
    summary: DeliverySummary,
    deliveries: readonly Delivery[],
  ): Promise<void>;
}

/** One supervision reminder for a coach. */
export interface ReminderMessage {
  tenantId: string;
  schedule: Schedule;
  sessionStart: string;
  /** When the reminder was due (UTC ISO). */
  dueAt: string;
  kind: 'before' | 'follow-up';
  /** True when it goes out well after it was due (the bot was down). */
  late: boolean;
}

/**
 * What became of a reminder: sent; unreachable for good (the coach does not have the app); or
 * worth trying again after a while (Teams throttled it, failed, or did not answer).
 */
export type ReminderResult =
  | { kind: 'sent' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'retry'; afterMs: number; reason: string };

/** Sends a coach a 1:1 message, opening the chat if there is none yet. */
export interface CoachMessenger {
  sendReminder(message: ReminderMessage): Promise<ReminderResult>;
}

/** One person's weekly digest, ready to be put on a card. */
export interface DigestMessage {
  tenantId: string;
  userId: string;
  /** "Monday 30 November 2026": the week it covers. */
  weekOf: string;
  /** When digests come, in words: "every Monday at 08:30". */
  when: string;
  blocks: ReadonlyArray<{ title: string; lines: readonly string[] }>;
}

/** Sends a person their weekly digest in their 1:1 chat (the same outcomes as a reminder). */
export interface DigestMessenger {
  sendDigest(message: DigestMessage): Promise<ReminderResult>;
}

/** Sends a referrer one card with the changes to a referral since their last update. */
export interface ReferrerNotifier {
  sendUpdate(
    referralCase: ReferralCase,
    changes: ReferralCase['pendingUpdates'],
  ): Promise<ReminderResult>;
}
