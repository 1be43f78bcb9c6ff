import type { Logger } from '../logger';
import { PollingLoop } from './polling-loop';

/** How often each instance reads the roster again, for changes made through other instances. */
export const ROSTER_REFRESH_MS = 5 * 60_000;

/**
 * Reads the roster into the role snapshot every few minutes. Changes made through this instance
 * take effect at once (the roster feature refreshes the snapshot after each write); this only
 * bounds how long another instance's change takes to arrive here.
 */
export class RosterRefresh {
  private readonly loop: PollingLoop;

  constructor(refresh: () => Promise<number>, logger: Logger, everyMs = ROSTER_REFRESH_MS) {
    this.loop = new PollingLoop(
      async () => {
        await refresh();
        return 0;
      },
      everyMs,
      logger,
      'roster_refresh_failed',
      false,
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
