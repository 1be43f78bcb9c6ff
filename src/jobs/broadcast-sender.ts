import { DateTime } from 'luxon';
import type { Delivery } from '../domain/broadcast/broadcast';
import { summarise } from '../domain/broadcast/broadcast';
import type { RateWindow } from '../domain/broadcast/rate-limits';
import { afterFailure, type RetryOptions } from '../domain/broadcast/retry-policy';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { BroadcastRepository } from '../store/broadcast.repository';
import type { Versioned } from '../store/versioned';
import type { RateGate } from '../store/rate-gate';
import { PollingLoop } from './polling-loop';
import type { BroadcastNotifier, ChannelPoster } from './ports';

export interface BroadcastSenderOptions {
  instanceId: string;
  pollMs: number;
  leaseMs: number;
  batchSize: number;
  threadLimits: readonly RateWindow[];
  tenantLimits: readonly RateWindow[];
  retry: RetryOptions;
  /** Waits shorter than this are slept through; longer ones hand the delivery back for later. */
  maxInlineWaitMs: number;
}

export interface BroadcastSenderDependencies {
  broadcasts: BroadcastRepository;
  rateGate: RateGate;
  poster: ChannelPoster;
  notifier: BroadcastNotifier;
  clock: Clock;
  logger: Logger;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends due channel posts. Any number of instances may run it against one store: each delivery
 * is claimed with an ETag-guarded lease before it is sent, its status is written before and
 * after the send, and send slots come from a rate gate shared through the store. A delivery
 * found mid-send with its lease run out (its instance died) is marked "uncertain", never
 * resent blindly, so nothing is posted twice; the lead sees it and can post again.
 */
export class BroadcastSender {
  private readonly loop: PollingLoop;
  private stopRequested = false;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly deps: BroadcastSenderDependencies,
    private readonly options: BroadcastSenderOptions,
  ) {
    this.sleep = deps.sleep ?? defaultSleep;
    this.random = deps.random ?? Math.random;
    this.loop = new PollingLoop(
      () => this.runOnce(),
      options.pollMs,
      deps.logger,
      'broadcast_pass_failed',
      true,
    );
  }

  start(): void {
    this.stopRequested = false;
    this.loop.start();
  }

  /** Stop polling and wait for the send in progress to be recorded. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.loop.stop();
  }

  /** One pass over what is due. Returns how many deliveries it handled. */
  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.broadcasts.dueDeliveries(now.toISO() ?? '', this.options.batchSize);
    const touchedJobs = new Set<string>();
    let handled = 0;
    for (const item of due) {
      if (this.stopRequested) {
        break;
      }
      if (await this.handle(item)) {
        handled += 1;
        touchedJobs.add(item.value.jobId);
      }
    }
    for (const jobId of touchedJobs) {
      await this.notify(jobId);
    }
    return handled;
  }

  private async handle(item: Versioned<Delivery>): Promise<boolean> {
    const now = this.deps.clock.now();
    const nowIso = now.toISO() ?? '';
    const delivery = item.value;

    if (delivery.status === 'sending') {
      // Its instance stopped mid-send: it may or may not have been posted. Don't guess.
      const marked = await this.deps.broadcasts.replaceIfUnchanged(item, {
        ...delivery,
        status: 'uncertain',
        leaseOwner: null,
        leaseUntil: null,
        lastError: 'The sender stopped while posting this; it may not have been posted.',
      });
      return marked !== undefined;
    }

    const job = await this.deps.broadcasts.getJob(delivery.jobId);
    if (!job || job.status !== 'active') {
      // A cancelled job, or one whose creation never finished: never send half of it.
      const abandoned =
        !job ||
        job.status === 'cancelled' ||
        DateTime.fromISO(job.createdAt) < now.minus({ minutes: 10 });
      if (abandoned) {
        await this.deps.broadcasts.replaceIfUnchanged(item, {
          ...delivery,
          status: 'cancelled',
          lastError: job ? null : 'The post was never fully created.',
        });
        return true;
      }
      return false;
    }

    const claimed = await this.deps.broadcasts.replaceIfUnchanged(item, {
      ...delivery,
      status: 'sending',
      attempts: delivery.attempts + 1,
      leaseOwner: this.options.instanceId,
      leaseUntil: now.plus({ milliseconds: this.options.leaseMs }).toISO() ?? nowIso,
    });
    if (!claimed) {
      return false;
    }

    const slotWait = await this.waitForSlot(claimed.value);
    if (slotWait > 0) {
      const released = await this.deps.broadcasts.replaceIfUnchanged(claimed, {
        ...claimed.value,
        status: 'pending',
        attempts: delivery.attempts,
        leaseOwner: null,
        leaseUntil: null,
        dueAt: this.deps.clock.now().plus({ milliseconds: slotWait }).toISO() ?? nowIso,
      });
      return released !== undefined;
    }

    const card = job.cards[claimed.value.cardIndex];
    if (!card) {
      await this.finish(claimed, {
        status: 'failed',
        lastError: 'The card is missing from the job.',
      });
      return true;
    }
    const outcome = await this.deps.poster.post(
      claimed.value.target,
      claimed.value.tenantId,
      card.content,
    );
    if (outcome.kind === 'sent') {
      await this.finish(claimed, {
        status: 'sent',
        sentAt: this.deps.clock.now().toISO(),
        messageId: outcome.messageId,
        lastError: null,
      });
      return true;
    }
    const next = afterFailure(
      outcome.status,
      outcome.retryAfterMs,
      claimed.value.attempts,
      this.options.retry,
      this.random,
    );
    this.deps.logger.warn('broadcast_post_failed', {
      jobId: delivery.jobId,
      deliveryId: delivery.deliveryId,
      status: outcome.status,
      attempt: claimed.value.attempts,
      decision: next.kind,
    });
    if (next.kind === 'retry') {
      await this.finish(claimed, {
        status: 'pending',
        dueAt: this.deps.clock.now().plus({ milliseconds: next.delayMs }).toISO() ?? nowIso,
        lastError: next.reason,
      });
    } else {
      await this.finish(claimed, { status: 'failed', lastError: next.reason });
    }
    return true;
  }

  /** Sleep through short waits for a send slot; return the wait when it is too long to hold the lease. */
  private async waitForSlot(delivery: Delivery): Promise<number> {
    for (;;) {
      const { waitMs } = await this.deps.rateGate.reserve(
        [
          { key: `tenant:${delivery.tenantId}`, windows: this.options.tenantLimits },
          { key: `thread:${delivery.target.channelId}`, windows: this.options.threadLimits },
        ],
        () => this.deps.clock.now().toMillis(),
      );
      if (waitMs <= 0) {
        return 0;
      }
      if (waitMs > this.options.maxInlineWaitMs || this.stopRequested) {
        return Math.max(waitMs, 1);
      }
      await this.sleep(waitMs);
    }
  }

  private async finish(claimed: Versioned<Delivery>, change: Partial<Delivery>): Promise<void> {
    const written = await this.deps.broadcasts.replaceIfUnchanged(claimed, {
      ...claimed.value,
      leaseOwner: null,
      leaseUntil: null,
      ...change,
    });
    if (!written) {
      this.deps.logger.error('broadcast_result_lost', {
        deliveryId: claimed.value.deliveryId,
        status: change.status ?? '',
      });
    }
  }

  private async notify(jobId: string): Promise<void> {
    try {
      const job = await this.deps.broadcasts.getJob(jobId);
      if (job) {
        await this.deps.notifier.progress(
          job,
          summarise(await this.deps.broadcasts.listDeliveries(jobId)),
        );
      }
    } catch (error) {
      this.deps.logger.warn('broadcast_notify_failed', {
        jobId,
        errorName: error instanceof Error ? error.name : typeof error,
      });
    }
  }
}

export function newInstanceId(clockNow: DateTime, random: () => number = Math.random): string {
  return `sender-${clockNow.toMillis().toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;
}
