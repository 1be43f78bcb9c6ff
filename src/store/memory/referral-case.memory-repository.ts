import { referralCaseSchema, type ReferralCase } from '../../domain/referral-loop/referral-case';
import { OPEN_STATES } from '../../domain/referral-loop/referral-case';
import { CONTAINERS } from '../containers';
import type { ReferralCaseRepository } from '../referral-case.repository';
import type { Versioned } from '../versioned';
import { MemoryContainer, type Document } from './memory-container';
import { settle } from './settle';
import { readAs } from './stored-document';

/** Referral cases in memory, partitioned by PCN like the Cosmos container. */
export class MemoryReferralCaseRepository implements ReferralCaseRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.referralCases.partitionKey),
  ) {}

  create(referralCase: ReferralCase): Promise<boolean> {
    return settle(() => this.container.create(document(referralCase)) !== undefined);
  }

  get(pcn: string, reference: string): Promise<Versioned<ReferralCase> | undefined> {
    return settle(() => {
      const stored = this.container.read(reference, pcn);
      return stored ? { value: parse(stored.body), etag: stored.etag } : undefined;
    });
  }

  findBySendKey(
    pcn: string,
    referrerId: string,
    sendKey: string,
  ): Promise<ReferralCase | undefined> {
    return settle(() => {
      const found = this.container.query(
        (d) => d.pcn === pcn && d.referrerId === referrerId && d.sendKey === sendKey,
      )[0];
      return found ? parse(found.body) : undefined;
    });
  }

  replaceIfUnchanged(current: Versioned<ReferralCase>, next: ReferralCase): Promise<boolean> {
    return settle(() => {
      const result = this.container.replace(document(next), current.etag);
      return result !== 'missing' && result !== 'changed';
    });
  }

  listForReferrer(pcn: string, referrerId: string): Promise<ReferralCase[]> {
    return this.list((d) => d.pcn === pcn && d.referrerId === referrerId);
  }

  listOpen(pcn: string): Promise<ReferralCase[]> {
    return this.list(
      (d) => d.pcn === pcn && typeof d.state === 'string' && OPEN_STATES.some((s) => s === d.state),
    );
  }

  listCreatedBetween(pcn: string, from: string, to: string): Promise<ReferralCase[]> {
    return this.list(
      (d) =>
        d.pcn === pcn && typeof d.createdAt === 'string' && d.createdAt >= from && d.createdAt < to,
    );
  }

  listWithPendingUpdates(pcn: string): Promise<Array<Versioned<ReferralCase>>> {
    return settle(() =>
      this.container
        .query((d) => d.pcn === pcn && d.updatePending === true)
        .map(({ body, etag }) => ({ value: parse(body), etag })),
    );
  }

  private list(filter: (d: Document) => boolean): Promise<ReferralCase[]> {
    return settle(() => this.container.query(filter).map(({ body }) => parse(body)));
  }
}

const document = (referralCase: ReferralCase): Document => {
  const value = referralCaseSchema.parse(referralCase);
  return { id: value.reference, ...value, updatePending: value.pendingUpdates.length > 0 };
};

const parse = (body: Document): ReferralCase => readAs(referralCaseSchema, 'referral case', body);
