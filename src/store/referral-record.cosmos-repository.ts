import type { Container } from '@azure/cosmos';
import { referralRecordSchema, type ReferralRecord } from '../domain/referral/referral-record';
import { parseStored, queryAll } from './documents';
import { cosmosStatus, storageError } from './cosmos-errors';
import { documentId } from './document-id';
import type { ReferralRecordRepository } from './referral-record.repository';

export class CosmosReferralRecordRepository implements ReferralRecordRepository {
  constructor(
    private readonly container: Container,
    /** Seconds each record is kept; undefined keeps it until deleted. */
    private readonly ttlSeconds?: number,
  ) {}

  async add(key: string, record: ReferralRecord): Promise<boolean> {
    const document = {
      id: documentId('referral', key),
      ...referralRecordSchema.parse(record),
      ...(this.ttlSeconds === undefined ? {} : { ttl: this.ttlSeconds }),
    };
    try {
      await this.container.items.create(document);
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return false;
      }
      throw storageError('save referral record', error);
    }
  }

  async listMonth(month: string): Promise<ReferralRecord[]> {
    const docs = await queryAll<unknown>(
      this.container,
      'referral records',
      'SELECT * FROM c WHERE c.month = @month ORDER BY c.completedAt',
      [{ name: '@month', value: month }],
    );
    return docs.map((doc) => parseStored(referralRecordSchema, 'referral record', doc));
  }
}
