import { DateTime } from 'luxon';
import { z } from 'zod';
import { csvDocument, type CsvCell } from '../csv';

/**
 * A lead's post of role cards to Teams channels: one job, and one delivery per card, channel
 * and occurrence, each tracked on its own so nothing is lost or sent twice.
 */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'cancelled',
  'uncertain',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const JOB_STATUSES = ['creating', 'active', 'cancelled'] as const;

export const channelTargetSchema = z.object({
  teamId: z.string().min(1),
  teamName: z.string(),
  channelId: z.string().min(1),
  channelName: z.string(),
  serviceUrl: z.string().min(1),
});
export type ChannelTarget = z.infer<typeof channelTargetSchema>;

export const broadcastCardSchema = z.object({
  key: z.string().min(1),
  title: z.string(),
  /** The expanded Adaptive Card exactly as previewed: what is sent is what the lead saw. */
  content: z.record(z.string(), z.unknown()),
});

export const broadcastJobSchema = z.object({
  jobId: z.string().min(1),
  type: z.literal('job'),
  tenantId: z.string().min(1),
  createdBy: z.string().min(1),
  createdByName: z.string(),
  createdAt: z.iso.datetime(),
  status: z.enum(JOB_STATUSES),
  audience: z.string(),
  cards: z.array(broadcastCardSchema).min(1),
  targets: z.array(channelTargetSchema).min(1),
  /** UTC times of each occurrence (one, or weekly repeats). */
  occurrences: z.array(z.iso.datetime()).min(1),
  /** Occurrences (by index) the lead skipped. */
  skipped: z.array(z.number().int().min(0)).optional(),
  /** The post that replaced this one when the lead changed it before it went. */
  replacedBy: z.string().min(1).optional(),
  /** Where the lead's status card is, so the sender can update it. */
  statusCard: z
    .object({ reference: z.record(z.string(), z.unknown()), activityId: z.string() })
    .optional(),
});
export type BroadcastJob = z.infer<typeof broadcastJobSchema>;

export const deliverySchema = z.object({
  jobId: z.string().min(1),
  type: z.literal('delivery'),
  deliveryId: z.string().min(1),
  tenantId: z.string().min(1),
  cardIndex: z.number().int().min(0),
  occurrence: z.number().int().min(0),
  target: channelTargetSchema,
  status: z.enum(DELIVERY_STATUSES),
  /** When it may next be tried (UTC ISO). */
  dueAt: z.iso.datetime(),
  attempts: z.number().int().min(0),
  leaseOwner: z.string().nullable(),
  leaseUntil: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  messageId: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export interface BroadcastRequest {
  jobId: string;
  tenantId: string;
  createdBy: string;
  createdByName: string;
  audience: string;
  cards: BroadcastJob['cards'];
  targets: ChannelTarget[];
  /** Local (Europe/London) wall time of the first post; undefined means now. */
  startLocal?: { date: string; time: string };
  repeatWeeks: number;
}

export const LONDON = 'Europe/London';

/**
 * The occurrence times in UTC. Weekly repeats keep the same London wall-clock time across the
 * clock changes (10:00 stays 10:00 in BST and GMT).
 */
export function occurrenceTimes(
  start: BroadcastRequest['startLocal'],
  repeatWeeks: number,
  now: DateTime,
): string[] | { problem: string } {
  let first = now.setZone(LONDON);
  if (start) {
    first = DateTime.fromISO(`${start.date}T${start.time}`, { zone: LONDON });
    if (!first.isValid) {
      return { problem: 'That date or time is not valid.' };
    }
    if (first < now.minus({ minutes: 1 })) {
      return { problem: 'That time has already passed. Choose a time in the future, or post now.' };
    }
    if (first > now.plus({ days: 366 })) {
      return { problem: 'Choose a time within the next year.' };
    }
  }
  if (!Number.isInteger(repeatWeeks) || repeatWeeks < 1 || repeatWeeks > 12) {
    return { problem: 'Repeat weekly between 1 and 12 times.' };
  }
  return Array.from(
    { length: repeatWeeks },
    (_unused, week) => first.plus({ weeks: week }).toUTC().toISO() ?? '',
  );
}

export function planBroadcast(
  request: BroadcastRequest,
  now: DateTime,
): { job: BroadcastJob; deliveries: Delivery[] } | { problem: string } {
  const occurrences = occurrenceTimes(request.startLocal, request.repeatWeeks, now);
  if (!Array.isArray(occurrences)) {
    return occurrences;
  }
  const job: BroadcastJob = {
    jobId: request.jobId,
    type: 'job',
    tenantId: request.tenantId,
    createdBy: request.createdBy,
    createdByName: request.createdByName,
    createdAt: now.toUTC().toISO() ?? '',
    status: 'creating',
    audience: request.audience,
    cards: request.cards,
    targets: request.targets,
    occurrences,
  };
  const deliveries: Delivery[] = [];
  // Card by card across the channels, so deliveries due at the same time are stored (and read
  // back, oldest first) one channel after another rather than channel by channel.
  occurrences.forEach((dueAt, occurrence) => {
    request.cards.forEach((_card, cardIndex) => {
      request.targets.forEach((target, targetIndex) => {
        deliveries.push({
          jobId: request.jobId,
          type: 'delivery',
          deliveryId: `${request.jobId}-${occurrence}-${targetIndex}-${cardIndex}`,
          tenantId: request.tenantId,
          cardIndex,
          occurrence,
          target,
          status: 'pending',
          dueAt,
          attempts: 0,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
          sentAt: null,
          messageId: null,
        });
      });
    });
  });
  return { job, deliveries };
}

export interface DeliverySummary {
  total: number;
  sent: number;
  pending: number;
  failed: number;
  cancelled: number;
  uncertain: number;
}

export function summarise(deliveries: readonly Delivery[]): DeliverySummary {
  const count = (status: DeliveryStatus): number =>
    deliveries.filter((d) => d.status === status).length;
  return {
    total: deliveries.length,
    sent: count('sent'),
    pending: count('pending') + count('sending'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    uncertain: count('uncertain'),
  };
}

/** The delivery report as CSV, one row per delivery, written by the shared CSV writer. */
export function deliveriesCsv(job: BroadcastJob, deliveries: readonly Delivery[]): string {
  const rows: CsvCell[][] = [
    ['team', 'channel', 'card', 'scheduled_for_utc', 'status', 'attempts', 'sent_at_utc', 'error'],
  ];
  for (const d of [...deliveries].sort((a, b) => a.deliveryId.localeCompare(b.deliveryId))) {
    rows.push([
      d.target.teamName,
      d.target.channelName,
      job.cards[d.cardIndex]?.title ?? String(d.cardIndex),
      job.occurrences[d.occurrence] ?? '',
      d.status,
      d.attempts,
      d.sentAt ?? '',
      d.lastError ?? '',
    ]);
  }
  return csvDocument(rows);
}
