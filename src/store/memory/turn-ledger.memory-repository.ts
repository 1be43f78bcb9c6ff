import type { TurnLedger } from '../turn-ledger.repository';

interface Entry {
  state: 'applying' | 'applied' | 'lease';
  owner?: string;
  expiresAt: number;
}

/** The turn ledger in one process's memory, with the Cosmos one's rules (for tests and tools). */
export class MemoryTurnLedger implements TurnLedger {
  private readonly activities = new Map<string, Entry>();
  private readonly leases = new Map<string, Entry>();

  claimActivity(key: string, nowMs: number, leaseMs: number): Promise<boolean> {
    const current = this.activities.get(key);
    if (current && !(current.state === 'applying' && current.expiresAt <= nowMs)) {
      return Promise.resolve(false);
    }
    this.activities.set(key, { state: 'applying', expiresAt: nowMs + leaseMs });
    return Promise.resolve(true);
  }

  completeActivity(key: string): Promise<void> {
    this.activities.set(key, { state: 'applied', expiresAt: Number.MAX_SAFE_INTEGER });
    return Promise.resolve();
  }

  releaseActivity(key: string): Promise<void> {
    this.activities.delete(key);
    return Promise.resolve();
  }

  acquireLease(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    const current = this.leases.get(key);
    if (current && current.expiresAt > nowMs) {
      return Promise.resolve(false);
    }
    this.leases.set(key, { state: 'lease', owner, expiresAt: nowMs + leaseMs });
    return Promise.resolve(true);
  }

  releaseLease(key: string, owner: string): Promise<void> {
    if (this.leases.get(key)?.owner === owner) {
      this.leases.delete(key);
    }
    return Promise.resolve();
  }
}
