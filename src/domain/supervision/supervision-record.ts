import { DateTime } from 'luxon';
import { z } from 'zod';
import { isCoachingSupervision, SUPERVISION_KINDS } from './schedule';

/** What happened at one supervision session. */
export const SESSION_OUTCOMES = ['attended', 'missed', 'moved'] as const;

export const supervisionRecordSchema = z.object({
  coachId: z.string().min(1),
  scheduleId: z.string().min(1),
  kind: z.enum(SUPERVISION_KINDS),
  /** The planned start, UTC ISO: with the schedule id, it names the session. */
  sessionStart: z.iso.datetime(),
  outcome: z.enum(SESSION_OUTCOMES),
  durationMinutes: z.number().int().min(0).max(480),
  movedTo: z.iso.datetime().nullable(),
  recordedAt: z.iso.datetime(),
});
export type SupervisionRecord = z.infer<typeof supervisionRecordSchema>;

export interface SupervisionSummary {
  lastCoaching?: string;
  coachingHoursLast12Months: number;
  /** 1-2 hours a month of coaching supervision is the expectation: 12 to 24 hours a year. */
  expectedHoursRange: [number, number];
  overdue: boolean;
}

export function summariseSupervision(
  records: readonly SupervisionRecord[],
  now: DateTime,
  overdueAfterWeeks: number,
): SupervisionSummary {
  const yearAgo = now.minus({ months: 12 });
  // A session counts once it has started, even if it was marked attended from the reminder beforehand.
  const attendedCoaching = records
    .filter(
      (r) =>
        r.outcome === 'attended' &&
        isCoachingSupervision(r.kind) &&
        DateTime.fromISO(r.sessionStart) <= now,
    )
    .sort((a, b) => a.sessionStart.localeCompare(b.sessionStart));
  const hours = attendedCoaching
    .filter(
      (r) => DateTime.fromISO(r.sessionStart) >= yearAgo && DateTime.fromISO(r.sessionStart) <= now,
    )
    .reduce((sum, r) => sum + r.durationMinutes / 60, 0);
  const last = attendedCoaching.at(-1)?.sessionStart;
  const overdue = !last || DateTime.fromISO(last) < now.minus({ weeks: overdueAfterWeeks });
  return {
    ...(last ? { lastCoaching: last } : {}),
    coachingHoursLast12Months: Math.round(hours * 10) / 10,
    expectedHoursRange: [12, 24],
    overdue,
  };
}
