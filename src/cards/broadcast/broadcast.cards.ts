import { DateTime } from 'luxon';
import { z } from 'zod';
import { LONDON, type BroadcastJob, type DeliverySummary } from '../../domain/broadcast/broadcast';
import composeTemplate from './broadcast-compose.card.json';
import listTemplate from './broadcast-list.card.json';
import previewTemplate from './broadcast-preview.card.json';
import statusTemplate from './broadcast-status.card.json';
import cancelConfirmTemplate from './broadcast-cancel-confirm.card.json';
import { renderWith } from '../render';

const choice = z.object({ title: z.string(), value: z.string() });

export const broadcastComposeSchema = z.object({
  /** Said plainly above the form (e.g. that a post is being changed); '' for none. */
  note: z.string(),
  problem: z.string(),
  cardChoices: z.array(choice).min(1),
  audienceChoices: z.array(choice).min(1),
  channelChoices: z.array(choice).min(1),
  selectedCards: z.string(),
  selectedAudience: z.string(),
  selectedChannels: z.string(),
  selectedWhen: z.enum(['now', 'later']),
  date: z.string(),
  time: z.string(),
  repeat: z.number().int().min(1).max(12),
});
export type BroadcastComposeData = z.infer<typeof broadcastComposeSchema>;

export const renderBroadcastComposeCard = renderWith(composeTemplate, broadcastComposeSchema);

export const broadcastPreviewSchema = z.object({
  draftId: z.string(),
  cards: z.string(),
  audience: z.string(),
  channels: z.string(),
  when: z.string(),
  total: z.string(),
});
export type BroadcastPreviewData = z.infer<typeof broadcastPreviewSchema>;

export const renderBroadcastPreviewCard = renderWith(previewTemplate, broadcastPreviewSchema);

/** "now", or the London times of each occurrence. */
export function describeOccurrences(occurrences: readonly string[], createdAt: string): string {
  const local = occurrences.map((iso) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(LONDON));
  const first = local[0];
  if (!first) {
    return '';
  }
  const immediate =
    Math.abs(first.diff(DateTime.fromISO(createdAt, { zone: 'utc' }), 'seconds').seconds) < 90;
  const start = immediate ? 'now' : first.toFormat("ccc d LLL yyyy 'at' HH:mm");
  return local.length > 1
    ? `${start}, then weekly, ${local.length} times in all (last ${local[local.length - 1]?.toFormat('d LLL') ?? ''})`
    : start;
}

export const broadcastStatusSchema = z.object({
  jobId: z.string(),
  headline: z.string(),
  cards: z.string(),
  channels: z.string(),
  when: z.string(),
  // Strings: a FactSet shows text, and a bare 0 would come out blank.
  total: z.string(),
  sent: z.string(),
  pending: z.string(),
  failed: z.string(),
  uncertain: z.string(),
  cancelled: z.string(),
  problems: z.array(z.string()),
  updated: z.string(),
  csvUrl: z.string(),
  canCancel: z.boolean(),
  canRetry: z.boolean(),
  canChange: z.boolean(),
  /** Occurrences still to come, each with its Skip button. */
  upcoming: z.array(z.object({ jobId: z.string(), occurrence: z.string(), when: z.string() })),
  /** The occurrences the lead skipped, or ''. */
  skipped: z.string(),
});
export type BroadcastStatusData = z.infer<typeof broadcastStatusSchema>;

export function broadcastStatusData(
  job: BroadcastJob,
  summary: DeliverySummary,
  problems: string[],
  csvUrl: string,
  now: DateTime,
  changes: { upcoming: ReadonlyArray<{ occurrence: number; at: string }>; canChange: boolean } = {
    upcoming: [],
    canChange: false,
  },
): BroadcastStatusData {
  const headline =
    job.status === 'cancelled'
      ? 'Post cancelled'
      : summary.pending > 0
        ? 'Posting role cards'
        : summary.failed + summary.uncertain > 0
          ? 'Posted, with problems'
          : 'All posted';
  return {
    jobId: job.jobId,
    headline,
    cards: job.cards.map((c) => c.title).join(', '),
    channels: job.targets.map((t) => `${t.teamName} › ${t.channelName}`).join(', '),
    when: describeOccurrences(job.occurrences, job.createdAt),
    total: String(summary.total),
    sent: String(summary.sent),
    pending: String(summary.pending),
    failed: String(summary.failed),
    uncertain: String(summary.uncertain),
    cancelled: String(summary.cancelled),
    problems: problems.slice(0, 10),
    updated: now.setZone(LONDON).toFormat('HH:mm:ss'),
    csvUrl,
    canCancel: job.status === 'active' && summary.pending > 0,
    canRetry: job.status === 'active' && summary.failed > 0,
    canChange: job.status === 'active' && changes.canChange,
    upcoming:
      job.occurrences.length > 1
        ? changes.upcoming.map((u) => ({
            jobId: job.jobId,
            occurrence: String(u.occurrence),
            when: londonTime(u.at),
          }))
        : [],
    skipped: (job.skipped ?? [])
      .map((index) => job.occurrences[index])
      .filter((at): at is string => at !== undefined)
      .map(londonTime)
      .join(', '),
  };
}

/** "Mon 30 Nov 2026 at 10:00", in UK time. */
export function londonTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(LONDON)
    .toFormat("ccc d LLL yyyy 'at' HH:mm");
}

export const renderBroadcastStatusCard = renderWith(statusTemplate, broadcastStatusSchema);

export const broadcastListSchema = z.object({
  jobs: z.array(
    z.object({
      jobId: z.string(),
      cards: z.string(),
      channels: z.string(),
      when: z.string(),
      state: z.string(),
      canCancel: z.boolean(),
    }),
  ),
});

export const renderBroadcastListCard = renderWith(listTemplate, broadcastListSchema);

export const broadcastCancelConfirmSchema = z.object({
  jobId: z.string(),
  cards: z.string(),
  channels: z.string(),
  when: z.string(),
  waiting: z.string(),
});

export const renderBroadcastCancelConfirmCard = renderWith(
  cancelConfirmTemplate,
  broadcastCancelConfirmSchema,
);
