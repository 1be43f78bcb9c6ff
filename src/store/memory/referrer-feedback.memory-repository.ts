import {
  referrerFeedbackSchema,
  type ReferrerFeedback,
} from '../../domain/referral-loop/referrer-feedback';
import { CONTAINERS } from '../containers';
import { documentId } from '../document-id';
import type { FeedbackSaved, ReferrerFeedbackRepository } from '../referrer-feedback.repository';
import { MemoryContainer } from './memory-container';
import { settle } from './settle';
import { bodiesBy, readAs } from './stored-document';

/** Referrers' feedback in memory, partitioned by month like the Cosmos container. */
export class MemoryReferrerFeedbackRepository implements ReferrerFeedbackRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.referrerFeedback.partitionKey),
  ) {}

  add(referrerId: string, feedback: ReferrerFeedback): Promise<FeedbackSaved> {
    return settle(() => {
      const body = referrerFeedbackSchema.parse(feedback);
      const created = this.container.create({
        id: documentId('feedback', body.month, referrerId.toLowerCase()),
        ...body,
      });
      return created === undefined ? 'already-answered' : 'saved';
    });
  }

  listMonth(month: string): Promise<ReferrerFeedback[]> {
    return settle(() =>
      bodiesBy(
        this.container.query((d) => d.month === month),
        'answeredAt',
      ).map((body) => readAs(referrerFeedbackSchema, 'referrer feedback', body)),
    );
  }
}
