import { summarise } from '../domain/broadcast/broadcast';
import type { Logger } from '../logger';
import type { BroadcastRepository } from '../store/broadcast.repository';
import type { BroadcastNotifier } from './ports';

/**
 * Which jobs' status cards are owed an update, and when to send it: at most once every
 * `everyMs` per job while it is being sent, and always once nothing due is left, so the last
 * update always goes. Reading a job's deliveries for its card is one query, so this is what keeps
 * the lead's card from costing a query per post.
 */
export class BroadcastProgress {
  private readonly owed = new Set<string>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly deps: {
      broadcasts: BroadcastRepository;
      notifier: BroadcastNotifier;
      logger: Logger;
    },
    private readonly everyMs: number,
  ) {}

  /** Something changed in this job. */
  touched(jobId: string): void {
    this.owed.add(jobId);
  }

  /** Update the cards that are owed one; `settled` says nothing due is left that the sender knows of. */
  async report(nowMs: number, settled: boolean): Promise<void> {
    for (const jobId of [...this.owed]) {
      if (!settled && nowMs - (this.lastSent.get(jobId) ?? -Infinity) < this.everyMs) {
        continue;
      }
      this.owed.delete(jobId);
      this.lastSent.set(jobId, nowMs);
      await this.notify(jobId);
    }
  }

  private async notify(jobId: string): Promise<void> {
    try {
      const job = await this.deps.broadcasts.getJob(jobId);
      if (job) {
        const deliveries = await this.deps.broadcasts.listDeliveries(jobId);
        await this.deps.notifier.progress(job, summarise(deliveries), deliveries);
      }
    } catch (error) {
      this.deps.logger.warn('broadcast_notify_failed', {
        jobId,
        errorName: error instanceof Error ? error.name : typeof error,
      });
    }
  }
}
