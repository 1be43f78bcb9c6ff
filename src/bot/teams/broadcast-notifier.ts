import type { CloudAdapter } from 'botbuilder';
import type { BroadcastJob, Delivery, DeliverySummary } from '../../domain/broadcast/broadcast';
import type { Clock } from '../../domain/clock';
import { statusCard, type ReportLinks } from '../../cards/broadcast/broadcast-status';
import type { BroadcastNotifier } from '../../jobs/ports';

/**
 * Keeps the lead's status card current by updating it in place. Updates for one job are at most
 * one per `minIntervalMs`, except the last one (nothing left pending), which always goes.
 */
export class StatusCardNotifier implements BroadcastNotifier {
  private readonly lastUpdate = new Map<string, number>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly links: ReportLinks,
    private readonly clock: Clock,
    private readonly minIntervalMs = 2_000,
  ) {}

  async progress(
    job: BroadcastJob,
    summary: DeliverySummary,
    deliveries: readonly Delivery[],
  ): Promise<void> {
    if (!job.statusCard) {
      return;
    }
    const now = this.clock.now().toMillis();
    const last = this.lastUpdate.get(job.jobId) ?? 0;
    if (summary.pending > 0 && now - last < this.minIntervalMs) {
      return;
    }
    this.lastUpdate.set(job.jobId, now);
    const { reference, activityId } = job.statusCard;
    const card = statusCard(job, deliveries, this.links, this.clock);
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.updateActivity({ type: 'message', id: activityId, attachments: [card] });
    });
  }
}
