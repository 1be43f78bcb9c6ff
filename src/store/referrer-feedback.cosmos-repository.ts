import type { Container } from '@azure/cosmos';
import {
  referrerFeedbackSchema,
  type ReferrerFeedback,
} from '../domain/referral-loop/referrer-feedback';
import { cosmosStatus, storageError } from './cosmos-errors';
import { documentId } from './document-id';
import { parseStored, queryAll } from './documents';
import type { FeedbackSaved, ReferrerFeedbackRepository } from './referrer-feedback.repository';

/** Referrers' feedback in the `referrerFeedback` container, partitioned by month. */
export class CosmosReferrerFeedbackRepository implements ReferrerFeedbackRepository {
  constructor(private readonly container: Container) {}

  async add(referrerId: string, feedback: ReferrerFeedback): Promise<FeedbackSaved> {
    const body = referrerFeedbackSchema.parse(feedback);
    const document = { id: documentId('feedback', body.month, referrerId.toLowerCase()), ...body };
    try {
      await this.container.items.create(document);
      return 'saved';
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return 'already-answered';
      }
      throw storageError('save referrer feedback', error);
    }
  }

  async listMonth(month: string): Promise<ReferrerFeedback[]> {
    const docs = await queryAll<unknown>(
      this.container,
      'referrer feedback',
      'SELECT * FROM c WHERE c.month = @month ORDER BY c.answeredAt',
      [{ name: '@month', value: month }],
    );
    return docs.map((doc) => parseStored(referrerFeedbackSchema, 'referrer feedback', doc));
  }
}
