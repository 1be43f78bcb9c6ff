import type { Container } from '@azure/cosmos';
import { referralCaseSchema, type ReferralCase } from '../domain/referral-loop/referral-case';
import { cosmosStatus, storageError } from './cosmos-errors';
import { parseStored, queryAll, readDocument, type QueryParameters } from './documents';
import type { ReferralCaseRepository } from './referral-case.repository';
import type { Versioned } from './versioned';

type Doc = Record<string, unknown> & { _etag?: string };

/**
 * Referral cases partitioned by PCN, the id being the reference, so that creating a case whose
 * reference is taken fails (409) and the service draws another. Each carries a retention `ttl`.
 */
export class CosmosReferralCaseRepository implements ReferralCaseRepository {
  constructor(
    private readonly container: Container,
    /** Seconds each case is kept (Cosmos `ttl`). */
    private readonly ttlSeconds: number,
  ) {}

  async create(referralCase: ReferralCase): Promise<boolean> {
    try {
      await this.container.items.create(this.document(referralCase));
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return false;
      }
      throw storageError('save referral case', error);
    }
  }

  async get(pcn: string, reference: string): Promise<Versioned<ReferralCase> | undefined> {
    const doc = await readDocument<Doc>(this.container.item(reference, pcn), 'read referral case');
    return doc ? { value: parse(doc), etag: doc._etag ?? '' } : undefined;
  }

  async findBySendKey(
    pcn: string,
    referrerId: string,
    sendKey: string,
  ): Promise<ReferralCase | undefined> {
    const docs = await this.query(
      'SELECT * FROM c WHERE c.pcn = @pcn AND c.referrerId = @referrerId AND c.sendKey = @sendKey',
      [
        { name: '@pcn', value: pcn },
        { name: '@referrerId', value: referrerId },
        { name: '@sendKey', value: sendKey },
      ],
    );
    const first = docs[0];
    return first ? parse(first) : undefined;
  }

  async replaceIfUnchanged(current: Versioned<ReferralCase>, next: ReferralCase): Promise<boolean> {
    try {
      await this.container.item(next.reference, next.pcn).replace(this.document(next), {
        accessCondition: { type: 'IfMatch', condition: current.etag },
      });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) {
        return false;
      }
      throw storageError('update referral case', error);
    }
  }

  async listForReferrer(pcn: string, referrerId: string): Promise<ReferralCase[]> {
    const docs = await this.query(
      'SELECT * FROM c WHERE c.pcn = @pcn AND c.referrerId = @referrerId',
      [
        { name: '@pcn', value: pcn },
        { name: '@referrerId', value: referrerId },
      ],
    );
    return docs.map(parse);
  }

  async listOpen(pcn: string): Promise<ReferralCase[]> {
    const docs = await this.query(
      "SELECT * FROM c WHERE c.pcn = @pcn AND (c.state = 'sent' OR c.state = 'accepted' OR c.state = 'first-contact' OR c.state = 'first-session')",
      [{ name: '@pcn', value: pcn }],
    );
    return docs.map(parse);
  }

  async listCreatedBetween(pcn: string, from: string, to: string): Promise<ReferralCase[]> {
    const docs = await this.query(
      'SELECT * FROM c WHERE c.pcn = @pcn AND c.createdAt >= @from AND c.createdAt < @to',
      [
        { name: '@pcn', value: pcn },
        { name: '@from', value: from },
        { name: '@to', value: to },
      ],
    );
    return docs.map(parse);
  }

  async listWithPendingUpdates(pcn: string): Promise<Array<Versioned<ReferralCase>>> {
    const docs = await this.query('SELECT * FROM c WHERE c.pcn = @pcn AND c.updatePending = true', [
      { name: '@pcn', value: pcn },
    ]);
    return docs.map((doc) => ({ value: parse(doc), etag: doc._etag ?? '' }));
  }

  private document(referralCase: ReferralCase): Doc {
    const value = referralCaseSchema.parse(referralCase);
    return {
      id: value.reference,
      ...value,
      // A flag the pending-updates query can filter on without array functions.
      updatePending: value.pendingUpdates.length > 0,
      ttl: this.ttlSeconds,
    };
  }

  private query(query: string, parameters: QueryParameters): Promise<Doc[]> {
    return queryAll<Doc>(this.container, 'referral cases', query, parameters);
  }
}

function parse(doc: Doc): ReferralCase {
  return parseStored(referralCaseSchema, 'referral case', doc);
}
