import { z } from 'zod';
import { scheduleSchema, type Schedule } from '../domain/supervision/schedule';
import type { SupervisionRecord } from '../domain/supervision/supervision-record';
import type { Versioned } from './versioned';

/** A schedule with where its reminders have got to. */
export interface StoredSchedule {
  schedule: Schedule;
  tenantId: string;
  /** The next reminder to send (UTC ISO), or null when paused or nothing is left. */
  nextReminderAt: string | null;
  nextReminderSession: string | null;
  nextReminderKind: 'before' | 'follow-up' | null;
  /** How many times the next reminder has been put back because Teams throttled or failed it. */
  deliveryRetries?: number;
}

/** What a stored schedule must look like, checked on every write and read. */
export const storedScheduleSchema = z.object({
  schedule: scheduleSchema,
  tenantId: z.string(),
  nextReminderAt: z.iso.datetime().nullable(),
  nextReminderSession: z.iso.datetime().nullable(),
  nextReminderKind: z.enum(['before', 'follow-up']).nullable(),
  deliveryRetries: z.number().int().min(0).optional(),
});

export interface SupervisionRepository {
  saveSchedule(schedule: StoredSchedule): Promise<void>;
  getSchedule(coachId: string, scheduleId: string): Promise<Versioned<StoredSchedule> | undefined>;
  listSchedules(coachId: string): Promise<StoredSchedule[]>;
  deleteSchedule(coachId: string, scheduleId: string): Promise<void>;
  /** Schedules whose next reminder is due by `nowIso`, earliest first: cost grows with what is due. */
  dueReminders(nowIso: string, limit: number): Promise<Array<Versioned<StoredSchedule>>>;
  replaceIfUnchanged(current: Versioned<StoredSchedule>, next: StoredSchedule): Promise<boolean>;
  /** One record per session: recording again replaces it. */
  saveRecord(record: SupervisionRecord): Promise<void>;
  getRecord(
    coachId: string,
    scheduleId: string,
    sessionStart: string,
  ): Promise<SupervisionRecord | undefined>;
  listRecords(coachId: string): Promise<SupervisionRecord[]>;
  /**
   * Marks that the coach was nudged on `day` (a London date); false when they already were that
   * day, so a lead pressing Nudge twice (or two leads) sends one reminder.
   */
  claimNudge(coachId: string, day: string): Promise<boolean>;
}
