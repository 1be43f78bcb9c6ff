import type { Logger } from '../logger';

/**
 * Runs one pass of a background job, then waits and runs the next, until stopped. A pass that
 * did some work is followed at once; a quiet one after `pollMs` (or sooner, if the job says);
 * a failed one after five times that. Stopping waits for the pass in progress, so its results are recorded.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly pass: () => Promise<number>,
    private readonly pollMs: number,
    private readonly logger: Logger,
    private readonly event: string,
    /** Run again at once after a pass that did something (a backlog), rather than wait. */
    private readonly continueWhileBusy: boolean,
    /** After a quiet pass, how long to wait: at most `pollMs`, sooner when the job knows better. */
    private readonly quietDelayMs: () => number = () => pollMs,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.pass()
        .then((handled) =>
          this.schedule(
            this.continueWhileBusy && handled > 0
              ? 0
              : Math.max(0, Math.min(this.pollMs, this.quietDelayMs())),
          ),
        )
        .catch((error: unknown) => {
          this.logger.error(this.event, {}, error);
          this.schedule(this.pollMs * 5);
        });
    }, delayMs);
  }
}
