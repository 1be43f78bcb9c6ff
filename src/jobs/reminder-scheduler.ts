import { DateTime } from 'luxon';
import type { BankHolidayCalendar } from '../domain/supervision/bank-holidays';
import { ensureUtc, isLate, nextReminder } from '../domain/supervision/reminder-plan';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { Versioned } from '../store/versioned';
import type { StoredSchedule, SupervisionRepository } from '../store/supervision.repository';
import { PollingLoop } from './polling-loop';
import type { CoachMessenger } from './ports';

/** A reminder Teams throttles or fails is put back this many times at most, then given up. */
export const MAX_REMINDER_RETRIES = 5;
/** However long Teams asks for, a reminder waits at most this long before its next try. */
const MAX_RETRY_WAIT_MS = 15 * 60_000;

export interface ReminderSchedulerOptions {
  pollMs: number;
  batchSize: number;
}

/**
 * Sends supervision reminders that are due. Due schedules come from an indexed query on the
 * next reminder time, so the work grows with what is due, not with how many schedules exist.
 * Each reminder is claimed by moving the schedule's next reminder on, guarded by its ETag: of
 * several instances, exactly one wins and sends it. After downtime, what fell due is sent once,
 * marked late, and the schedule moves on past everything already missed.
 */
export class ReminderScheduler {
  private readonly loop: PollingLoop;
  private readonly batchSize: number;

  constructor(
    private readonly deps: {
      supervision: SupervisionRepository;
      messenger: CoachMessenger;
      holidays: BankHolidayCalendar;
      clock: Clock;
      logger: Logger;
    },
    options: ReminderSchedulerOptions,
  ) {
    this.loop = new PollingLoop(
      () => this.runOnce(),
      options.pollMs,
      deps.logger,
      'reminder_pass_failed',
      false,
    );
    this.batchSize = options.batchSize;
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    const due = await this.deps.supervision.dueReminders(now.toISO() ?? '', this.batchSize);
    let sent = 0;
    for (const item of due) {
      if (await this.handle(item)) {
        sent += 1;
      }
    }
    return sent;
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
    if (kind === 'follow-up') {
      const record = await this.deps.supervision.getRecord(
        stored.schedule.coachId,
        stored.schedule.scheduleId,
        sessionStart.toISO() ?? '',
      );
      if (record) {
        return false;
      }
    }
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
