import { referralRecordSchema, type ReferralRecord } from '../../domain/referral/referral-record';
import { CONTAINERS } from '../containers';
import { documentId } from '../document-id';
import type { ReferralRecordRepository } from '../referral-record.repository';
import { MemoryContainer } from './memory-container';
import { settle } from './settle';
import { bodiesBy, readAs } from './stored-document';

/** Anonymous referral outcomes in memory, partitioned by month like the Cosmos container. */
export class MemoryReferralRecordRepository implements ReferralRecordRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.referralRecords.partitionKey),
  ) {}

  add(key: string, record: ReferralRecord): Promise<boolean> {
    return settle(
      () =>
        this.container.create({
          id: documentId('referral', key),
          ...referralRecordSchema.parse(record),
        }) !== undefined,
    );
  }

  listMonth(month: string): Promise<ReferralRecord[]> {
    return settle(() =>
      bodiesBy(
        this.container.query((d) => d.month === month),
        'completedAt',
      ).map((body) => readAs(referralRecordSchema, 'referral record', body)),
    );
  }
}
