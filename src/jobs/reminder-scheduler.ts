import { DateTime } from 'luxon';
import type { RateWindow } from '../domain/broadcast/rate-limits';
import type { BankHolidayCalendar } from '../domain/supervision/bank-holidays';
import { ensureUtc, isLate, nextReminder } from '../domain/supervision/reminder-plan';
import { isSettled, occurrenceKey, occurrenceOf } from '../domain/supervision/session-occurrence';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { RateGate } from '../store/rate-gate';
import type { Versioned } from '../store/versioned';
import type { StoredSchedule, SupervisionRepository } from '../store/supervision.repository';
import { InFlight } from './in-flight';
import { PollingLoop } from './polling-loop';
import type { CoachMessenger } from './ports';

/** A reminder Teams throttles or fails is put back this many times at most, then given up. */
export const MAX_REMINDER_RETRIES = 5;
/** However long Teams asks for, a reminder waits at most this long before its next try. */
const MAX_RETRY_WAIT_MS = 15 * 60_000;

export interface ReminderSchedulerOptions {
  pollMs: number;
  /** Due schedules read per pass; a pass that finds this many is followed at once. */
  batchSize: number;
  /** Reminders on their way at once. */
  concurrency?: number;
  /** Teams' per-tenant limit, shared with channel posts through the rate gate. */
  tenantLimits?: readonly RateWindow[];
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends supervision reminders that are due. Due schedules come from a range query on the next
 * reminder time with a limit, which Cosmos DB answers from the index declared for it
 * (src/store/containers.ts, infra/main.bicep), so the work grows with what is due, not with how
 * many schedules exist. Each reminder is claimed by moving the schedule's next reminder on,
 * guarded by its ETag: of several instances, exactly one wins and sends it. After downtime, what
 * fell due is sent once, marked late, and the schedule moves on past everything already missed.
 * A pass that finds a full batch is followed at once, until nothing is due; several reminders
 * are on their way at once, each taking a slot of the tenant's limit from the rate gate first.
 */
export class ReminderScheduler {
  private readonly loop: PollingLoop;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Slots are asked for one at a time, so this instance's reminders never race each other. */
  private slotTurn: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      supervision: SupervisionRepository;
      messenger: CoachMessenger;
      holidays: BankHolidayCalendar;
      clock: Clock;
      logger: Logger;
      rateGate?: RateGate;
      sleep?: (ms: number) => Promise<void>;
    },
    private readonly options: ReminderSchedulerOptions,
  ) {
    this.sleep = deps.sleep ?? defaultSleep;
    this.loop = new PollingLoop(
      async () => ((await this.pass()).full ? 1 : 0),
      options.pollMs,
      deps.logger,
      'reminder_pass_failed',
      true,
    );
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** One pass over what is due. Returns how many reminders it sent. */
  async runOnce(): Promise<number> {
    return (await this.pass()).sent;
  }

  private async pass(): Promise<{ sent: number; full: boolean }> {
    const now = this.deps.clock.now();
    const due = await this.deps.supervision.dueReminders(now.toISO() ?? '', this.options.batchSize);
    const inFlight = new InFlight(this.options.concurrency ?? 8);
    let sent = 0;
    const failures: unknown[] = [];
    for (const item of due) {
      if (failures.length > 0) {
        break;
      }
      await inFlight.room();
      inFlight.add(
        this.handle(item).then(
          (wasSent) => {
            sent += wasSent ? 1 : 0;
          },
          (error: unknown) => {
            failures.push(error);
          },
        ),
      );
    }
    await inFlight.drained();
    if (failures.length > 0) {
      // As a pass that failed: the loop logs it and waits before the next.
      throw failures[0];
    }
    return { sent, full: due.length >= this.options.batchSize };
  }

  /** Wait for, and take, a slot of the tenant's limit (no gate: nothing to wait for). */
  private takeTenantSlot(tenantId: string): Promise<void> {
    const { rateGate } = this.deps;
    const windows = this.options.tenantLimits;
    if (!rateGate || !windows) {
      return Promise.resolve();
    }
    const key = { key: `tenant:${tenantId}`, windows, paced: true };
    const turn = this.slotTurn.then(async () => {
      let wait = rateGate.expectedWait([key], this.deps.clock.now().toMillis());
      for (;;) {
        if (wait > 0) {
          await this.sleep(wait);
        }
        wait = (await rateGate.reserve([key], () => this.deps.clock.now().toMillis())).waitMs;
        if (wait <= 0) {
          return;
        }
      }
    });
    this.slotTurn = turn.catch(() => undefined);
    return turn;
  }

  private async handle(item: Versioned<StoredSchedule>): Promise<boolean> {
    const stored = item.value;
    const now = this.deps.clock.now();
    if (!stored.nextReminderAt || !stored.nextReminderSession || !stored.nextReminderKind) {
      return false;
    }
    const plannedAt = ensureUtc(stored.nextReminderAt);
    const sessionStart = ensureUtc(stored.nextReminderSession);
    let kind = stored.nextReminderKind;
    // A "coming up" reminder that only goes out after the session began is no use: ask how it went instead.
    if (kind === 'before' && sessionStart <= now) {
      kind = 'follow-up';
    }
    const following = nextReminder(
      stored.schedule,
      kind === 'follow-up'
        ? DateTime.max(sessionStart.plus({ minutes: stored.schedule.durationMinutes + 61 }), now)
        : now,
      this.deps.holidays,
    );
    const afterClaim: StoredSchedule = {
      ...stored,
      nextReminderAt: following?.at.toISO() ?? null,
      nextReminderSession: following?.sessionStart.toISO() ?? null,
      nextReminderKind: following?.kind ?? null,
      deliveryRetries: 0,
    };
    const claimed = await this.deps.supervision.replaceIfUnchanged(item, afterClaim);
    if (!claimed) {
      return false;
    }
    // Nothing to remind about once the session was recorded as held or not happening (from any
    // card: the record is named by the session's planned start, wherever it was moved).
    const record = await this.deps.supervision.getRecord(
      stored.schedule.coachId,
      stored.schedule.scheduleId,
      occurrenceKey(occurrenceOf(stored.schedule, sessionStart)),
    );
    if (isSettled(record)) {
      return false;
    }
    await this.takeTenantSlot(stored.tenantId);
    const result = await this.deps.messenger.sendReminder({
      tenantId: stored.tenantId,
      schedule: stored.schedule,
      sessionStart: sessionStart.toISO() ?? '',
      dueAt: plannedAt.toISO() ?? '',
      kind,
      late: isLate(plannedAt, now),
    });
    this.deps.logger.info('supervision_reminder', {
      scheduleId: stored.schedule.scheduleId,
      kind,
      result: result.kind,
      late: isLate(plannedAt, now),
    });
    if (result.kind === 'retry') {
      await this.putBack(afterClaim, stored, sessionStart, kind, result.afterMs);
    }
    return result.kind === 'sent';
  }

  /**
   * Teams throttled or failed the reminder: make it the schedule's next reminder again, after the
   * wait Teams asked for, unless the schedule changed meanwhile or it has been tried enough.
   */
  private async putBack(
    afterClaim: StoredSchedule,
    before: StoredSchedule,
    sessionStart: DateTime,
    kind: 'before' | 'follow-up',
    afterMs: number,
  ): Promise<void> {
    const retries = (before.deliveryRetries ?? 0) + 1;
    const { coachId, scheduleId } = before.schedule;
    if (retries > MAX_REMINDER_RETRIES) {
      this.deps.logger.warn('reminder_given_up', { scheduleId, retries: retries - 1 });
      return;
    }
    const current = await this.deps.supervision.getSchedule(coachId, scheduleId);
    if (!current || current.value.nextReminderAt !== afterClaim.nextReminderAt) {
      return;
    }
    const wait = Math.min(Math.max(afterMs, 1_000), MAX_RETRY_WAIT_MS);
    await this.deps.supervision.replaceIfUnchanged(current, {
      ...current.value,
      nextReminderAt: this.deps.clock.now().plus({ milliseconds: wait }).toUTC().toISO(),
      nextReminderSession: sessionStart.toISO(),
      nextReminderKind: kind,
      deliveryRetries: retries,
    });
  }
}
