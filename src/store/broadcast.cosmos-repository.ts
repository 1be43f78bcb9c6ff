import type { Container } from '@azure/cosmos';
import {
  broadcastJobSchema,
  deliverySchema,
  type BroadcastJob,
  type Delivery,
} from '../domain/broadcast/broadcast';
import { AppError } from '../errors';
import { cosmosStatus, storageError } from './cosmos-errors';
import type { BroadcastRepository } from './broadcast.repository';
import { parseStored, queryAll, readDocument, type QueryParameters } from './documents';
import type { Versioned } from './versioned';

type Document = Record<string, unknown> & { _etag?: string };

const jobDocId = (jobId: string): string => `job-${jobId}`;

export class CosmosBroadcastRepository implements BroadcastRepository {
  constructor(private readonly container: Container) {}

  async createJob(job: BroadcastJob, deliveries: readonly Delivery[]): Promise<BroadcastJob> {
    try {
      // A job made before (another instance, or a pass repeated) is returned as it is: nothing
      // already sent, cancelled or under way is written over. Only a half-made one is finished.
      const existing = await this.getJob(job.jobId);
      if (existing !== undefined && existing.status !== 'creating') {
        return existing;
      }
      if (existing === undefined) {
        const made = await this.createIfAbsent({
          id: jobDocId(job.jobId),
          ...broadcastJobSchema.parse({ ...job, status: 'creating' }),
        });
        const now = made ? undefined : await this.getJob(job.jobId);
        if (now !== undefined && now.status !== 'creating') {
          return now;
        }
      }
      for (const delivery of deliveries) {
        await this.createIfAbsent({ id: delivery.deliveryId, ...deliverySchema.parse(delivery) });
      }
      const active: BroadcastJob = { ...job, status: 'active' };
      await this.container.items.upsert({ id: jobDocId(job.jobId), ...active });
      return active;
    } catch (error) {
      throw error instanceof AppError ? error : storageError('create broadcast', error);
    }
  }

  /** Create a document; false when its id is already taken (Cosmos answers 409), which is kept. */
  private async createIfAbsent(document: Document): Promise<boolean> {
    try {
      await this.container.items.create(document);
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        return false;
      }
      throw error;
    }
  }

  async getJob(jobId: string): Promise<BroadcastJob | undefined> {
    const resource = await readDocument<Document>(
      this.container.item(jobDocId(jobId), jobId),
      'read broadcast',
    );
    return resource === undefined ? undefined : parseJob(resource);
  }

  async saveJob(job: BroadcastJob): Promise<void> {
    try {
      await this.container.items.upsert({
        id: jobDocId(job.jobId),
        ...broadcastJobSchema.parse(job),
      });
    } catch (error) {
      throw storageError('save broadcast', error);
    }
  }

  async listJobs(tenantId: string, createdBy: string): Promise<BroadcastJob[]> {
    const docs = await this.query(
      `SELECT * FROM c WHERE c.type = 'job' AND c.tenantId = @tenantId AND c.createdBy = @createdBy ORDER BY c.createdAt DESC`,
      [
        { name: '@tenantId', value: tenantId },
        { name: '@createdBy', value: createdBy },
      ],
    );
    return docs.map(parseJob);
  }

  async listDeliveries(jobId: string): Promise<Delivery[]> {
    const docs = await this.query(
      `SELECT * FROM c WHERE c.jobId = @jobId AND c.type = 'delivery'`,
      [{ name: '@jobId', value: jobId }],
    );
    return docs.map(parseDelivery);
  }

  async dueDeliveries(
    nowIso: string,
    limit: number,
    skipChannels: readonly string[] = [],
  ): Promise<Array<Versioned<Delivery>>> {
    const docs = await this.query(
      `SELECT TOP @limit * FROM c WHERE c.type = 'delivery' AND ((c.status = 'pending' AND c.dueAt <= @now AND NOT ARRAY_CONTAINS(@skip, c.target.channelId)) OR (c.status = 'sending' AND c.leaseUntil < @now)) ORDER BY c.dueAt`,
      [
        { name: '@now', value: nowIso },
        { name: '@limit', value: limit },
        { name: '@skip', value: [...skipChannels] },
      ],
    );
    return docs.map((doc) => ({ value: parseDelivery(doc), etag: doc._etag ?? '' }));
  }

  async replaceIfUnchanged(
    current: Versioned<Delivery>,
    next: Delivery,
  ): Promise<Versioned<Delivery> | undefined> {
    try {
      const { resource } = await this.container
        .item(next.deliveryId, next.jobId)
        .replace<Document>(
          { id: next.deliveryId, ...deliverySchema.parse(next) },
          { accessCondition: { type: 'IfMatch', condition: current.etag } },
        );
      return resource ? { value: parseDelivery(resource), etag: resource._etag ?? '' } : undefined;
    } catch (error) {
      if (cosmosStatus(error) === 412) {
        return undefined;
      }
      throw storageError('update delivery', error);
    }
  }

  async reviseDeliveries(
    jobId: string,
    revise: (delivery: Delivery) => Delivery | undefined,
  ): Promise<Delivery[]> {
    const docs = await this.query(
      `SELECT * FROM c WHERE c.jobId = @jobId AND c.type = 'delivery'`,
      [{ name: '@jobId', value: jobId }],
    );
    const changed: Delivery[] = [];
    for (const doc of docs) {
      const delivery = parseDelivery(doc);
      const next = revise(delivery);
      if (next) {
        const written = await this.replaceIfUnchanged(
          { value: delivery, etag: doc._etag ?? '' },
          next,
        );
        if (written) {
          changed.push(written.value);
        }
      }
    }
    return changed;
  }

  async cancelJob(jobId: string): Promise<number> {
    const job = await this.getJob(jobId);
    if (!job) {
      return 0;
    }
    await this.saveJob({ ...job, status: 'cancelled' });
    let cancelled = 0;
    const docs = await this.query(
      `SELECT * FROM c WHERE c.jobId = @jobId AND c.type = 'delivery' AND c.status = 'pending'`,
      [{ name: '@jobId', value: jobId }],
    );
    for (const doc of docs) {
      const delivery = parseDelivery(doc);
      if (
        await this.replaceIfUnchanged(
          { value: delivery, etag: doc._etag ?? '' },
          { ...delivery, status: 'cancelled' },
        )
      ) {
        cancelled += 1;
      }
    }
    return cancelled;
  }

  private async query(query: string, parameters: QueryParameters): Promise<Document[]> {
    return queryAll<Document>(this.container, 'broadcasts', query, parameters);
  }
}

function parseJob(doc: Document): BroadcastJob {
  return parseStored(broadcastJobSchema, 'broadcast job', doc);
}

function parseDelivery(doc: Document): Delivery {
  return parseStored(deliverySchema, 'delivery', doc);
}
