import type { BroadcastJob, Delivery } from '../domain/broadcast/broadcast';

import type { Versioned } from './versioned';

export interface BroadcastRepository {
  /** Save the job and all its deliveries; the job only becomes active once every delivery is stored. */
  createJob(job: BroadcastJob, deliveries: readonly Delivery[]): Promise<BroadcastJob>;
  getJob(jobId: string): Promise<BroadcastJob | undefined>;
  saveJob(job: BroadcastJob): Promise<void>;
  listJobs(tenantId: string, createdBy: string): Promise<BroadcastJob[]>;
  listDeliveries(jobId: string): Promise<Delivery[]>;
  /**
   * Pending deliveries due by `nowIso`, except those to `skipChannels` (the sender knows their
   * windows are full), and sending ones whose lease has run out, wherever they go; oldest first.
   */
  dueDeliveries(
    nowIso: string,
    limit: number,
    skipChannels?: readonly string[],
  ): Promise<Array<Versioned<Delivery>>>;
  /** Replace a delivery only if it is unchanged since it was read. Undefined when someone else changed it first. */
  replaceIfUnchanged(
    delivery: Versioned<Delivery>,
    next: Delivery,
  ): Promise<Versioned<Delivery> | undefined>;
  /**
   * Change the job's deliveries one by one: `revise` returns the new delivery, or undefined to
   * leave it. Each write is made only if the delivery is unchanged since it was read, so one the
   * sender claimed meanwhile is left to the sender. Returns the deliveries that were changed.
   */
  reviseDeliveries(
    jobId: string,
    revise: (delivery: Delivery) => Delivery | undefined,
  ): Promise<Delivery[]>;
  /** Cancel the job and every delivery not yet sent. Returns how many deliveries were cancelled. */
  cancelJob(jobId: string): Promise<number>;
}
