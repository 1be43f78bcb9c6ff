/** Work started and not yet finished, at most `limit` at once. Each piece must not reject. */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.running.size;
  }

  add(work: Promise<void>): void {
    const tracked: Promise<void> = work.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Resolves once there is room for one more. */
  async room(): Promise<void> {
    while (this.running.size >= this.limit) {
      await Promise.race(this.running);
    }
  }

  /** Resolves once everything started has finished. */
  async drained(): Promise<void> {
    await Promise.all(this.running);
  }
}
