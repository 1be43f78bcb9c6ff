import type { BroadcastJob, ChannelTarget, DeliverySummary } from '../domain/broadcast/broadcast';

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
  progress(job: BroadcastJob, summary: DeliverySummary): Promise<void>;
}
