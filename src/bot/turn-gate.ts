import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { TurnLedger } from '../store/turn-ledger.repository';
import { shortHash } from './short-hash';

export interface TurnGateOptions {
  /** How long a turn may hold its user's lease before another instance may take it over. */
  leaseMs: number;
  /** How long a turn waits for the same user's previous turn before giving up. */
  waitMs: number;
  /** How often a waiting turn asks again for a lease another instance holds. */
  pollMs: number;
  /** How long an applied activity id is kept, to recognise Teams' redeliveries. */
  keepSeconds: number;
}

export const DEFAULT_TURN_GATE: TurnGateOptions = {
  leaseMs: 30_000,
  waitMs: 10_000,
  pollMs: 50,
  keepSeconds: 24 * 3600,
};

export type GateResult = 'applied' | 'redelivered';

/** The parts of an activity that say which it is and whose. */
export interface InboundIds {
  id?: string;
  conversation?: { id?: string };
  from?: { id?: string };
}

const hash = (text: string): string => shortHash(text, 40);

/**
 * Exactly once per activity, one turn at a time per person in a conversation. Every inbound
 * activity id is claimed in the ledger before the turn runs: a redelivery (Teams retrying) finds
 * it applied and is answered without being applied again; a turn that fails releases its claim,
 * so Teams' retry can apply it. Two turns of the same user in one conversation queue behind each
 * other, in this process and, through a lease in the ledger, across instances.
 */
export class TurnGate {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly owner = randomUUID();

  constructor(
    private readonly ledger: TurnLedger,
    private readonly now: () => number,
    private readonly logger: Logger,
    private readonly options: TurnGateOptions = DEFAULT_TURN_GATE,
  ) {}

  async run(activity: InboundIds, turn: () => Promise<void>): Promise<GateResult> {
    const conversationId = activity.conversation?.id;
    const userId = activity.from?.id;
    if (!conversationId || !userId) {
      await turn();
      return 'applied';
    }
    const userKey = hash(`${conversationId}|${userId}`);
    return this.inQueue(userKey, async () => {
      await this.acquire(userKey);
      try {
        return await this.once(activity.id, conversationId, turn);
      } finally {
        await this.ledger.releaseLease(userKey, this.owner).catch(() => undefined);
      }
    });
  }

  private async once(
    activityId: string | undefined,
    conversationId: string,
    turn: () => Promise<void>,
  ): Promise<GateResult> {
    if (!activityId) {
      await turn();
      return 'applied';
    }
    const key = hash(`${conversationId}|${activityId}`);
    if (!(await this.ledger.claimActivity(key, this.now(), this.options.leaseMs))) {
      this.logger.info('activity_redelivered', { activity: key.slice(0, 12) });
      return 'redelivered';
    }
    try {
      await turn();
    } catch (error) {
      await this.ledger.releaseActivity(key).catch(() => undefined);
      throw error;
    }
    await this.ledger.completeActivity(key, this.options.keepSeconds);
    return 'applied';
  }

  /** This process's turns for one user run one after another. */
  private async inQueue<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(work);
    const settled = result.catch(() => undefined);
    this.queues.set(key, settled);
    try {
      return await result;
    } finally {
      if (this.queues.get(key) === settled) {
        this.queues.delete(key);
      }
    }
  }

  /** The lease other instances see; waits for theirs, up to `waitMs`. */
  private async acquire(userKey: string): Promise<void> {
    const deadline = this.now() + this.options.waitMs;
    for (;;) {
      if (await this.ledger.acquireLease(userKey, this.owner, this.now(), this.options.leaseMs)) {
        return;
      }
      if (this.now() >= deadline) {
        this.logger.warn('turn_busy', { user: userKey.slice(0, 12) });
        throw new AppError('TURN_BUSY', 'waiting for the previous turn');
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
    }
  }
}
