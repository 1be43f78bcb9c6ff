import { DateTime } from 'luxon';
import type { BroadcastJob, Delivery } from '../domain/broadcast/broadcast';
import type { RateWindow } from '../domain/broadcast/rate-limits';
import { afterFailure, type RetryOptions } from '../domain/broadcast/retry-policy';
import { interleaveByChannel } from '../domain/broadcast/send-order';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { BroadcastRepository } from '../store/broadcast.repository';
import type { RateGate, RateKey } from '../store/rate-gate';
import type { Versioned } from '../store/versioned';
import { BroadcastProgress } from './broadcast-progress';
import { InFlight } from './in-flight';
import { PollingLoop } from './polling-loop';
import type { BroadcastNotifier, ChannelPoster } from './ports';

export interface BroadcastSenderOptions {
  instanceId: string;
  pollMs: number;
  leaseMs: number;
  /** Due deliveries read per pass. */
  batchSize: number;
  threadLimits: readonly RateWindow[];
  tenantLimits: readonly RateWindow[];
  retry: RetryOptions;
  /**
   * While every due delivery waits only for the tenant's window (which no other delivery could
   * use either), a pass waits for it up to this long; longer, the pass ends and asks again later.
   */
  maxInlineWaitMs: number;
  /** Posts in flight at once: the next is claimed while earlier ones are still on their way. */
  maxInFlight?: number;
  /** How often a job's status card is updated while it is being sent (always at the end). */
  progressEveryMs?: number;
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

const iso = (ms: number): string => DateTime.fromMillis(ms, { zone: 'utc' }).toISO() ?? '';

type Step = 'handled' | 'skipped';

type TakenSlots = { waitMs: number } | { channelAt: number; tenantAt: number };

/**
 * Sends due channel posts. Any number of instances may run it against one store: each delivery
 * is claimed with an ETag-guarded lease just before it is sent, its status is written before and
 * after the send, and send slots come from a rate gate shared through the store, the channel's
 * slot before the tenant's. A delivery found mid-send with its lease run out (its instance died)
 * is marked "uncertain", never resent blindly, so nothing is posted twice; the lead sees it and
 * can post again.
 *
 * A pass takes the due deliveries one channel at a time in turn and sends whichever can go while
 * earlier posts are still in flight. It never waits on one channel: a channel whose own window is
 * full is set aside (left out of the due query until it opens) and the others go on. It waits
 * only for the tenant's window, which every delivery shares; the tenant's sends are paced, so
 * they spread over the window instead of bursting each time it opens, and the next delivery is
 * claimed and given its channel slot just before the tenant's slot opens. Only the sender
 * retries a failed post, through the gate, honouring Retry-After.
 */
export class BroadcastSender {
  private readonly loop: PollingLoop;
  private stopRequested = false;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly progress: BroadcastProgress;
  /** Channels whose window is full, with when it opens (ms): skipped by the due query until then. */
  private readonly heldChannels = new Map<string, number>();
  /** How long claiming a delivery and its channel slot takes (a running average, ms). */
  private leadMs = 5;
  /** The earliest time this sender put a delivery back for (ms), so a quiet pass ends then. */
  private nextPutBack = Infinity;

  constructor(
    private readonly deps: BroadcastSenderDependencies,
    private readonly options: BroadcastSenderOptions,
  ) {
    this.sleep = deps.sleep ?? defaultSleep;
    this.random = deps.random ?? Math.random;
    this.progress = new BroadcastProgress(deps, options.progressEveryMs ?? 2_000);
    this.loop = new PollingLoop(
      () => this.runOnce(),
      options.pollMs,
      deps.logger,
      'broadcast_pass_failed',
      true,
      () => this.untilSomethingOpens(),
    );
  }

  start(): void {
    this.stopRequested = false;
    this.loop.start();
  }

  /** Stop polling and wait for the posts in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.loop.stop();
  }

  /** One pass over what is due. Returns how many deliveries it handled. */
  async runOnce(): Promise<number> {
    const due = await this.deps.broadcasts.dueDeliveries(
      iso(this.nowMs()),
      this.options.batchSize,
      this.stillHeld(this.nowMs()),
    );
    const jobs = new Map<string, Promise<BroadcastJob | undefined>>();
    const inFlight = new InFlight(this.options.maxInFlight ?? 8);
    let handled = 0;
    const pending: Array<Versioned<Delivery>> = [];
    for (const item of due) {
      if (item.value.status === 'sending') {
        handled += (await this.markUncertain(item)) === 'handled' ? 1 : 0;
      } else {
        pending.push(item);
      }
    }
    const queue = interleaveByChannel(pending, (item) => item.value.target.channelId);
    while (queue.length > 0 && !this.stopRequested) {
      const item = await this.nextThatCanGo(queue);
      if (!item) {
        break;
      }
      await inFlight.room();
      handled += (await this.dispatch(item, jobs, inFlight)) === 'handled' ? 1 : 0;
    }
    await inFlight.drained();
    const settled =
      due.length < this.options.batchSize &&
      queue.length === 0 &&
      this.stillHeld(this.nowMs()).length === 0;
    await this.progress.report(this.nowMs(), settled);
    return handled;
  }

  private nowMs(): number {
    return this.deps.clock.now().toMillis();
  }

  private threadKey(delivery: Delivery): RateKey {
    return { key: `thread:${delivery.target.channelId}`, windows: this.options.threadLimits };
  }

  private tenantKey(delivery: Delivery): RateKey {
    return { key: `tenant:${delivery.tenantId}`, windows: this.options.tenantLimits, paced: true };
  }

  /**
   * Take from the queue the first delivery that can go now, or as soon as its claim would be
   * ready. Channels whose own window is fuller than the tenant's are set aside with all their
   * deliveries; while only the tenant's window holds the rest, wait for it (up to
   * `maxInlineWaitMs`). Undefined ends the pass.
   */
  private async nextThatCanGo(
    queue: Array<Versioned<Delivery>>,
  ): Promise<Versioned<Delivery> | undefined> {
    const gate = this.deps.rateGate;
    while (!this.stopRequested) {
      const nowMs = this.nowMs();
      let soonest = Infinity;
      let setAside: string | undefined;
      for (const [index, item] of queue.entries()) {
        const channelWait = gate.expectedWait([this.threadKey(item.value)], nowMs);
        const tenantWait = gate.expectedWait([this.tenantKey(item.value)], nowMs);
        if (channelWait <= 0 && tenantWait <= this.leadMs) {
          queue.splice(index, 1);
          return item;
        }
        if (channelWait > tenantWait) {
          this.hold(item.value.target.channelId, nowMs + channelWait);
          setAside = item.value.target.channelId;
          break;
        }
        soonest = Math.min(soonest, tenantWait - this.leadMs);
      }
      if (setAside !== undefined) {
        const channel = setAside;
        const others = queue.filter((item) => item.value.target.channelId !== channel);
        queue.splice(0, queue.length, ...others);
        continue;
      }
      if (queue.length === 0 || soonest > this.options.maxInlineWaitMs) {
        return undefined;
      }
      await this.sleep(soonest);
    }
    return undefined;
  }

  private hold(channelId: string, untilMs: number): void {
    this.heldChannels.set(channelId, Math.max(untilMs, this.heldChannels.get(channelId) ?? 0));
  }

  private stillHeld(nowMs: number): string[] {
    for (const [channelId, untilMs] of this.heldChannels) {
      if (untilMs <= nowMs) {
        this.heldChannels.delete(channelId);
      }
    }
    return [...this.heldChannels.keys()];
  }

  /**
   * After a quiet pass: wait until the first channel set aside opens, or the first delivery this
   * sender put back falls due, if that is sooner than the poll.
   */
  private untilSomethingOpens(): number {
    const nowMs = this.nowMs();
    if (this.nextPutBack <= nowMs) {
      this.nextPutBack = Infinity;
    }
    const opens = Math.min(this.nextPutBack, ...this.heldChannels.values());
    return Number.isFinite(opens) ? opens - nowMs : this.options.pollMs;
  }

  private putBackUntil(ms: number): string {
    this.nextPutBack = Math.min(this.nextPutBack, ms);
    return iso(ms);
  }

  private job(
    jobs: Map<string, Promise<BroadcastJob | undefined>>,
    jobId: string,
  ): Promise<BroadcastJob | undefined> {
    const known = jobs.get(jobId);
    if (known) {
      return known;
    }
    const read = this.deps.broadcasts.getJob(jobId);
    jobs.set(jobId, read);
    return read;
  }

  /** Its instance stopped mid-send: it may or may not have been posted. Don't guess. */
  private async markUncertain(item: Versioned<Delivery>): Promise<Step> {
    const marked = await this.deps.broadcasts.replaceIfUnchanged(item, {
      ...item.value,
      status: 'uncertain',
      leaseOwner: null,
      leaseUntil: null,
      lastError: 'The sender stopped while posting this; it may not have been posted.',
    });
    if (!marked) {
      return 'skipped';
    }
    this.progress.touched(item.value.jobId);
    return 'handled';
  }

  /** Claim the delivery, take its slots, and start its post (recorded when it is answered). */
  private async dispatch(
    item: Versioned<Delivery>,
    jobs: Map<string, Promise<BroadcastJob | undefined>>,
    inFlight: InFlight,
  ): Promise<Step> {
    const delivery = item.value;
    const now = this.deps.clock.now();
    const job = await this.job(jobs, delivery.jobId);
    if (!job || job.status !== 'active') {
      // A cancelled job, or one whose creation never finished: never send half of it.
      const abandoned =
        !job ||
        job.status === 'cancelled' ||
        DateTime.fromISO(job.createdAt) < now.minus({ minutes: 10 });
      if (!abandoned) {
        return 'skipped';
      }
      await this.deps.broadcasts.replaceIfUnchanged(item, {
        ...delivery,
        status: 'cancelled',
        lastError: job ? null : 'The post was never fully created.',
      });
      this.progress.touched(delivery.jobId);
      return 'handled';
    }

    const started = this.nowMs();
    const claimed = await this.deps.broadcasts.replaceIfUnchanged(item, {
      ...delivery,
      status: 'sending',
      attempts: delivery.attempts + 1,
      leaseOwner: this.options.instanceId,
      leaseUntil: iso(started + this.options.leaseMs),
    });
    if (!claimed) {
      return 'skipped';
    }
    const slots = await this.takeSlots(delivery, started);
    if ('waitMs' in slots) {
      const { waitMs } = slots;
      // Another instance took the slot first: hand it back for when the window opens.
      await this.deps.broadcasts.replaceIfUnchanged(claimed, {
        ...claimed.value,
        status: 'pending',
        attempts: delivery.attempts,
        leaseOwner: null,
        leaseUntil: null,
        dueAt: this.putBackUntil(this.nowMs() + waitMs),
      });
      return 'handled';
    }

    const card = job.cards[claimed.value.cardIndex];
    if (!card) {
      await this.finish(claimed, {
        status: 'failed',
        lastError: 'The card is missing from the job.',
      });
      return 'handled';
    }
    inFlight.add(this.postAndRecord(claimed, card.content, slots));
    return 'handled';
  }

  /**
   * The channel's slot, then the tenant's, waiting for the tenant's while the wait is short (no
   * other delivery could use it either). The times the slots were taken at, or how long to wait.
   */
  private async takeSlots(delivery: Delivery, claimStarted: number): Promise<TakenSlots> {
    const gate = this.deps.rateGate;
    // The gate reads the time just before it writes a slot: the last reading is the slot's time.
    let lastRead = 0;
    const now = (): number => (lastRead = this.nowMs());
    const channel = await gate.reserve([this.threadKey(delivery)], now);
    if (channel.waitMs > 0) {
      this.hold(delivery.target.channelId, this.nowMs() + channel.waitMs);
      return { waitMs: channel.waitMs };
    }
    const channelAt = lastRead;
    this.leadMs = Math.min(50, this.leadMs * 0.8 + (this.nowMs() - claimStarted) * 0.2);
    let wait = gate.expectedWait([this.tenantKey(delivery)], this.nowMs());
    for (;;) {
      if (wait > 0) {
        if (wait > this.options.maxInlineWaitMs || this.stopRequested) {
          return { waitMs: wait };
        }
        await this.sleep(wait);
      }
      const tenant = await gate.reserve([this.tenantKey(delivery)], now);
      if (tenant.waitMs <= 0) {
        return { channelAt, tenantAt: lastRead };
      }
      wait = tenant.waitMs;
    }
  }

  /** Post, then record what came of it. Never rejects: a result it cannot write is logged. */
  private async postAndRecord(
    claimed: Versioned<Delivery>,
    content: Record<string, unknown>,
    slots: { channelAt: number; tenantAt: number },
  ): Promise<void> {
    const delivery = claimed.value;
    try {
      const outcome = await this.deps.poster.post(delivery.target, delivery.tenantId, content);
      if (outcome.kind === 'failed' && outcome.status === 429) {
        // Refused, so not counted by Teams: the slots go to the sends after it.
        await this.deps.rateGate.release(this.threadKey(delivery), slots.channelAt);
        await this.deps.rateGate.release(this.tenantKey(delivery), slots.tenantAt);
      }
      if (outcome.kind === 'sent') {
        await this.finish(claimed, {
          status: 'sent',
          sentAt: this.deps.clock.now().toISO(),
          messageId: outcome.messageId,
          lastError: null,
        });
        return;
      }
      const next = afterFailure(
        outcome.status,
        outcome.retryAfterMs,
        delivery.attempts,
        this.options.retry,
        this.random,
      );
      this.deps.logger.warn('broadcast_post_failed', {
        jobId: delivery.jobId,
        deliveryId: delivery.deliveryId,
        status: outcome.status,
        attempt: delivery.attempts,
        decision: next.kind,
      });
      await this.finish(
        claimed,
        next.kind === 'retry'
          ? {
              status: 'pending',
              dueAt: this.putBackUntil(this.nowMs() + next.delayMs),
              lastError: next.reason,
            }
          : { status: 'failed', lastError: next.reason },
      );
    } catch (error) {
      this.deps.logger.error(
        'broadcast_result_lost',
        { deliveryId: delivery.deliveryId, status: 'unknown' },
        error,
      );
    } finally {
      this.progress.touched(delivery.jobId);
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
}

export function newInstanceId(clockNow: DateTime, random: () => number = Math.random): string {
  return `sender-${clockNow.toMillis().toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;
}
