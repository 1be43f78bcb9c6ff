import type { Logger } from '../logger';
import { PollingLoop } from './polling-loop';

/**
 * A job that makes one pass every `pollMs` (the weekly digest, referrers' daily updates, the
 * monthly practice cards): start, stop, and `runOnce` for the tests. A pass that throws is logged
 * as `failedEvent` and the next one comes on time.
 */
export abstract class PeriodicJob {
  private readonly loop: PollingLoop;

  protected constructor(logger: Logger, pollMs: number, failedEvent: string) {
    this.loop = new PollingLoop(() => this.runOnce(), pollMs, logger, failedEvent, false);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** One pass: returns how many things it did. */
  abstract runOnce(): Promise<number>;
}
