import type { ReferrerFeedback } from '../domain/referral-loop/referrer-feedback';

/** What came of saving a referrer's feedback: saved, or kept the answer they gave before. */
export type FeedbackSaved = 'saved' | 'already-answered';

export interface ReferrerFeedbackRepository {
  /**
   * Save one referrer's answer for its month, once: a second answer for the same month (a
   * second press, a redelivery, another card) keeps the first. The referrer's id is only hashed
   * into the document's id, never stored.
   */
  add(referrerId: string, feedback: ReferrerFeedback): Promise<FeedbackSaved>;
  /** Every answer for the month, oldest first. */
  listMonth(month: string): Promise<ReferrerFeedback[]>;
}
