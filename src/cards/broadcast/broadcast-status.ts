import { broadcastStatusData, renderBroadcastStatusCard } from './broadcast.cards';
import type { CardAttachment } from '../render';
import { summarise, type BroadcastJob, type Delivery } from '../../domain/broadcast/broadcast';
import type { Clock } from '../../domain/clock';
import { notStarted, upcomingOccurrences } from '../../domain/broadcast/post-changes';

/** Builds download links for reports on the bot's own server. */
export interface ReportLinks {
  broadcastCsv(jobId: string, user: string): string;
}

/** The lead's status card for a job, from its deliveries. */
export function statusCard(
  job: BroadcastJob,
  deliveries: readonly Delivery[],
  links: ReportLinks,
  clock: Clock,
): CardAttachment {
  const problems = deliveries
    .filter((d) => (d.status === 'failed' || d.status === 'uncertain') && d.lastError)
    .map((d) => `${d.target.teamName} › ${d.target.channelName}: ${d.lastError ?? ''}`);
  return renderBroadcastStatusCard(
    broadcastStatusData(
      job,
      summarise(deliveries),
      [...new Set(problems)],
      links.broadcastCsv(job.jobId, job.createdBy),
      clock.now(),
      {
        upcoming: upcomingOccurrences(job, deliveries, clock.now()),
        canChange: notStarted(job, deliveries, clock.now()),
      },
    ),
  );
}
