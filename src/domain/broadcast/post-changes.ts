import { DateTime } from 'luxon';
import type { BroadcastJob, Delivery } from './broadcast';

/**
 * What a lead can change on a post already made, each as a rule for one delivery: the new
 * delivery, or undefined to leave it. Each is safe to apply twice (the second time finds nothing).
 */
export type DeliveryRevision = (delivery: Delivery) => Delivery | undefined;

/**
 * A failed delivery goes back to the sender as new: due now, with a fresh set of attempts, so it
 * takes its rate-gate slots and follows the retry policy as every post does. Sent, uncertain (it may
 * have arrived) and cancelled ones are left alone.
 */
export function retryFailed(nowIso: string): DeliveryRevision {
  return (d) =>
    d.status === 'failed'
      ? {
          ...d,
          status: 'pending',
          dueAt: nowIso,
          attempts: 0,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
        }
      : undefined;
}

/** The deliveries of one occurrence that are still waiting are cancelled. */
export function skipOccurrence(occurrence: number): DeliveryRevision {
  return (d) =>
    d.occurrence === occurrence && d.status === 'pending'
      ? { ...d, status: 'cancelled' }
      : undefined;
}

/** Every delivery still waiting is cancelled (the post was changed: a new one replaces it). */
export const cancelWaiting: DeliveryRevision = (d) =>
  d.status === 'pending' ? { ...d, status: 'cancelled' } : undefined;

export interface Upcoming {
  occurrence: number;
  /** UTC ISO time of the occurrence. */
  at: string;
}

/**
 * Occurrences of a weekly post that are still to come: due after now with every delivery still
 * waiting (none being sent), so skipping one cancels all of it or none.
 */
export function upcomingOccurrences(
  job: BroadcastJob,
  deliveries: readonly Delivery[],
  now: DateTime,
): Upcoming[] {
  if (job.status !== 'active') {
    return [];
  }
  return job.occurrences.flatMap((at, occurrence) => {
    const own = deliveries.filter((d) => d.occurrence === occurrence);
    const waiting =
      own.length > 0 &&
      own.every((d) => d.status === 'pending' && d.attempts === 0) &&
      DateTime.fromISO(at, { zone: 'utc' }) > now;
    return waiting ? [{ occurrence, at }] : [];
  });
}

/**
 * Whether nothing of the post has gone or is about to go (its first time is still ahead), so it
 * can be changed as a whole.
 */
export function notStarted(
  job: BroadcastJob,
  deliveries: readonly Delivery[],
  now: DateTime,
): boolean {
  const first = job.occurrences[0];
  return (
    job.status === 'active' &&
    first !== undefined &&
    DateTime.fromISO(first, { zone: 'utc' }) > now.plus({ minutes: 1 }) &&
    deliveries.length > 0 &&
    deliveries.every((d) => d.status === 'pending' && d.attempts === 0)
  );
}
