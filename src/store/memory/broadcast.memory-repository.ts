import {
  broadcastJobSchema,
  deliverySchema,
  type BroadcastJob,
  type Delivery,
} from '../../domain/broadcast/broadcast';
import { AppError } from '../../errors';
import type { BroadcastRepository } from '../broadcast.repository';
import type { Versioned } from '../versioned';
import { CONTAINERS } from '../containers';
import { MemoryContainer, type Document, type Stored } from './memory-container';
import { settle } from './settle';
import { bodiesBy, byField, readAs } from './stored-document';

const jobDocId = (jobId: string): string => `job-${jobId}`;

/** Channel posts and their deliveries in memory, together per job like the Cosmos container. */
export class MemoryBroadcastRepository implements BroadcastRepository {
  constructor(
    private readonly container = new MemoryContainer(CONTAINERS.broadcasts.partitionKey),
  ) {}

  createJob(job: BroadcastJob, deliveries: readonly Delivery[]): Promise<BroadcastJob> {
    return settle(() => {
      // As on Cosmos: a job made before is returned as it is; only a half-made one is finished.
      const stored = this.container.read(jobDocId(job.jobId), job.jobId);
      const existing = stored ? parseJob(stored.body) : undefined;
      if (existing !== undefined && existing.status !== 'creating') {
        return existing;
      }
      this.container.create(jobDocument({ ...job, status: 'creating' }));
      for (const delivery of deliveries) {
        this.container.create(deliveryDocument(delivery));
      }
      const active: BroadcastJob = { ...job, status: 'active' };
      this.container.upsert({ id: jobDocId(job.jobId), ...active });
      return active;
    });
  }

  getJob(jobId: string): Promise<BroadcastJob | undefined> {
    return settle(() => {
      const stored = this.container.read(jobDocId(jobId), jobId);
      return stored ? parseJob(stored.body) : undefined;
    });
  }

  saveJob(job: BroadcastJob): Promise<void> {
    return settle(() => {
      this.container.upsert(jobDocument(job));
    });
  }

  listJobs(tenantId: string, createdBy: string): Promise<BroadcastJob[]> {
    return settle(() =>
      bodiesBy(
        this.container.query(
          (d) => d.type === 'job' && d.tenantId === tenantId && d.createdBy === createdBy,
        ),
        'createdAt',
        'desc',
      ).map(parseJob),
    );
  }

  listDeliveries(jobId: string): Promise<Delivery[]> {
    return settle(() =>
      this.container
        .query((d) => d.jobId === jobId && d.type === 'delivery')
        .map(({ body }) => parseDelivery(body)),
    );
  }

  dueDeliveries(
    nowIso: string,
    limit: number,
    skipChannels: readonly string[] = [],
  ): Promise<Array<Versioned<Delivery>>> {
    const skipped = new Set(skipChannels);
    return settle(() =>
      this.container
        .query((d) => d.type === 'delivery' && isDue(d, nowIso, skipped))
        .sort((a, b) => byField('dueAt')(a.body, b.body))
        .slice(0, Math.max(0, limit))
        .map(versioned),
    );
  }

  replaceIfUnchanged(
    current: Versioned<Delivery>,
    next: Delivery,
  ): Promise<Versioned<Delivery> | undefined> {
    return settle(() => this.replaceDelivery(current, next));
  }

  reviseDeliveries(
    jobId: string,
    revise: (delivery: Delivery) => Delivery | undefined,
  ): Promise<Delivery[]> {
    return settle(() => {
      const changed: Delivery[] = [];
      for (const { body, etag } of this.container.query(
        (d) => d.jobId === jobId && d.type === 'delivery',
      )) {
        const delivery = parseDelivery(body);
        const next = revise(delivery);
        const written = next && this.replaceDelivery({ value: delivery, etag }, next);
        if (written) {
          changed.push(written.value);
        }
      }
      return changed;
    });
  }

  cancelJob(jobId: string): Promise<number> {
    return settle(() => {
      const stored = this.container.read(jobDocId(jobId), jobId);
      if (!stored) {
        return 0;
      }
      this.container.upsert(jobDocument({ ...parseJob(stored.body), status: 'cancelled' }));
      const pending = this.container.query(
        (d) => d.jobId === jobId && d.type === 'delivery' && d.status === 'pending',
      );
      let cancelled = 0;
      for (const { body, etag } of pending) {
        const delivery = parseDelivery(body);
        if (this.replaceDelivery({ value: delivery, etag }, { ...delivery, status: 'cancelled' })) {
          cancelled += 1;
        }
      }
      return cancelled;
    });
  }

  private replaceDelivery(
    current: Versioned<Delivery>,
    next: Delivery,
  ): Versioned<Delivery> | undefined {
    const result = this.container.replace(deliveryDocument(next), current.etag);
    if (result === 'missing') {
      throw new AppError('STORAGE_UNAVAILABLE', 'update delivery (HTTP 404)');
    }
    return result === 'changed' ? undefined : versioned(result);
  }
}

/** Pending and due by now, or sending with a lease that has run out. */
function isDue(d: Document, nowIso: string, skipChannels: ReadonlySet<string>): boolean {
  const before = (value: unknown, strictly: boolean): boolean =>
    typeof value === 'string' && (strictly ? value < nowIso : value <= nowIso);
  const target = d.target as { channelId?: unknown } | undefined;
  const skipped = typeof target?.channelId === 'string' && skipChannels.has(target.channelId);
  return (
    (d.status === 'pending' && before(d.dueAt, false) && !skipped) ||
    (d.status === 'sending' && before(d.leaseUntil, true))
  );
}

const jobDocument = (job: BroadcastJob): Document => ({
  id: jobDocId(job.jobId),
  ...broadcastJobSchema.parse(job),
});

const deliveryDocument = (delivery: Delivery): Document => ({
  id: delivery.deliveryId,
  ...deliverySchema.parse(delivery),
});

const versioned = ({ body, etag }: Stored): Versioned<Delivery> => ({
  value: parseDelivery(body),
  etag,
});

const parseJob = (body: Document): BroadcastJob =>
  readAs(broadcastJobSchema, 'broadcast job', body);

const parseDelivery = (body: Document): Delivery => readAs(deliverySchema, 'delivery', body);
