import type { RateWindow } from '../domain/broadcast/rate-limits';
import type { Clock } from '../domain/clock';
import { londonDate, updateDue } from '../domain/referral-loop/case-deadlines';
import type { ReferralCase } from '../domain/referral-loop/referral-case';
import type { Logger } from '../logger';
import type { RateGate } from '../store/rate-gate';
import type { ReferralCaseRepository } from '../store/referral-case.repository';
import type { Versioned } from '../store/versioned';
import { PeriodicJob } from './periodic-job';
import type { ReferrerNotifier } from './ports';

/**
 * Tells referrers what became of their referrals: at most one card per referral per day (London
 * date), holding every change since the last. Each update is claimed before it is sent by
 * writing the day's marker and emptying the case's pending changes, guarded by the case's ETag,
 * so of several instances exactly one sends it and a restart never sends it twice. A send Teams
 * throttles or fails is put back (marker and changes) for the next pass.
 */
export class ReferralUpdateSender extends PeriodicJob {
  constructor(
    private readonly deps: {
      cases: ReferralCaseRepository;
      pcnKey: string;
      notifier: ReferrerNotifier;
      clock: Clock;
      logger: Logger;
      /** Teams' per-tenant limit, shared with channel posts and reminders. */
      rateGate?: { gate: RateGate; tenantLimits: readonly RateWindow[] };
      sleep?: (ms: number) => Promise<void>;
    },
    pollMs: number,
  ) {
    super(deps.logger, pollMs, 'referral_update_pass_failed');
  }

  /** One pass: every referral with news and no update yet today. Returns how many were sent. */
  async runOnce(): Promise<number> {
    const today = londonDate(this.deps.clock.now());
    const pending = await this.deps.cases.listWithPendingUpdates(this.deps.pcnKey);
    let sent = 0;
    for (const current of pending) {
      if (updateDue(current.value, today) && (await this.sendOne(current, today))) {
        sent += 1;
      }
    }
    return sent;
  }

  private async sendOne(current: Versioned<ReferralCase>, today: string): Promise<boolean> {
    const changes = current.value.pendingUpdates;
    const claimed: ReferralCase = { ...current.value, pendingUpdates: [], lastUpdateOn: today };
    if (!(await this.deps.cases.replaceIfUnchanged(current, claimed))) {
      // Changed since it was read (a new step, or another instance): the next pass sees it.
      return false;
    }
    await this.takeTenantSlot(claimed.tenantId);
    const result = await this.deps.notifier.sendUpdate(claimed, changes);
    if (result.kind === 'sent') {
      return true;
    }
    if (result.kind === 'unreachable') {
      this.deps.logger.warn('referral_update_unreachable', {});
      return false;
    }
    await this.putBack(claimed, changes, current.value.lastUpdateOn);
    return false;
  }

  /** Wait for, and take, a slot of the tenant's limit (no gate: nothing to wait for). */
  private async takeTenantSlot(tenantId: string): Promise<void> {
    const { rateGate, clock } = this.deps;
    if (!rateGate) {
      return;
    }
    const sleep =
      this.deps.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    const key = { key: `tenant:${tenantId}`, windows: rateGate.tenantLimits, paced: true };
    let wait = rateGate.gate.expectedWait([key], clock.now().toMillis());
    for (;;) {
      if (wait > 0) {
        await sleep(wait);
      }
      wait = (await rateGate.gate.reserve([key], () => clock.now().toMillis())).waitMs;
      if (wait <= 0) {
        return;
      }
    }
  }

  /** Give a claimed update back: its changes first, then those that came since. */
  private async putBack(
    claimed: ReferralCase,
    changes: ReferralCase['pendingUpdates'],
    lastUpdateOn: string | null,
  ): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = await this.deps.cases.get(claimed.pcn, claimed.reference);
      if (!now) {
        return;
      }
      const restored: ReferralCase = {
        ...now.value,
        pendingUpdates: [...changes, ...now.value.pendingUpdates],
        lastUpdateOn,
      };
      if (await this.deps.cases.replaceIfUnchanged(now, restored)) {
        return;
      }
    }
    this.deps.logger.warn('referral_update_not_restored', {});
  }
}
