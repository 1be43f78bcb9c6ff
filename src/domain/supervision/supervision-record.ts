import { DateTime } from 'luxon';
import { z } from 'zod';
import { isCoachingSupervision, LONDON, SUPERVISION_KINDS, type SupervisionKind } from './schedule';

/** What happened at one supervision session. */
export const SESSION_OUTCOMES = ['attended', 'missed', 'moved'] as const;

/** The schedule id of supervision recorded without a schedule ("I had group supervision yesterday"). */
export const UNSCHEDULED = 'unscheduled';

export const supervisionRecordSchema = z.object({
  coachId: z.string().min(1),
  scheduleId: z.string().min(1),
  kind: z.enum(SUPERVISION_KINDS),
  /**
   * The planned start, UTC ISO: with the schedule id, it names the session, wherever it was moved
   * to (so one session has one record, whichever card it was recorded from).
   */
  sessionStart: z.iso.datetime(),
  /** When an attended session actually started, if not at its planned time (it was moved). */
  heldAt: z.iso.datetime().optional(),
  outcome: z.enum(SESSION_OUTCOMES),
  durationMinutes: z.number().int().min(0).max(480),
  movedTo: z.iso.datetime().nullable(),
  recordedAt: z.iso.datetime(),
});
export type SupervisionRecord = z.infer<typeof supervisionRecordSchema>;

/** When the session took place: its new time if it was moved, else its planned time. */
export const heldAt = (record: SupervisionRecord): DateTime =>
  DateTime.fromISO(record.heldAt ?? record.sessionStart, { zone: 'utc' });

export interface KindTotals {
  kind: SupervisionKind;
  minutesThisMonth: number;
  minutesThisYear: number;
}

export interface SupervisionSummary {
  lastCoaching?: string;
  coachingHoursLast12Months: number;
  /** Minutes of coaching supervision (1:1 and group) attended in the last 12 months. */
  coachingMinutesLast12Months: number;
  /** 1-2 hours a month of coaching supervision is the expectation: 12 to 24 hours a year. */
  expectedHoursRange: [number, number];
  overdue: boolean;
  /** Every kind's attended minutes this calendar month and this calendar year (London time). */
  byKind: KindTotals[];
}

export function summariseSupervision(
  records: readonly SupervisionRecord[],
  now: DateTime,
  overdueAfterWeeks: number,
): SupervisionSummary {
  const yearAgo = now.minus({ months: 12 });
  // A session counts once it has started, even if it was marked attended from the reminder beforehand.
  const attended = records
    .filter((r) => r.outcome === 'attended' && heldAt(r) <= now)
    .sort((a, b) => heldAt(a).toMillis() - heldAt(b).toMillis());
  const attendedCoaching = attended.filter((r) => isCoachingSupervision(r.kind));
  const minutes = attendedCoaching
    .filter((r) => heldAt(r) >= yearAgo)
    .reduce((sum, r) => sum + r.durationMinutes, 0);
  const last = attendedCoaching.at(-1);
  const overdue = !last || heldAt(last) < now.minus({ weeks: overdueAfterWeeks });
  const local = now.setZone(LONDON);
  const byKind = SUPERVISION_KINDS.map((kind) => {
    const ofKind = attended
      .filter((r) => r.kind === kind)
      .map((r) => ({
        at: heldAt(r).setZone(LONDON),
        minutes: r.durationMinutes,
      }));
    const thisYear = ofKind.filter((r) => r.at.year === local.year);
    return {
      kind,
      minutesThisYear: thisYear.reduce((sum, r) => sum + r.minutes, 0),
      minutesThisMonth: thisYear
        .filter((r) => r.at.month === local.month)
        .reduce((sum, r) => sum + r.minutes, 0),
    };
  });
  return {
    ...(last ? { lastCoaching: heldAt(last).toISO() ?? last.sessionStart } : {}),
    coachingHoursLast12Months: Math.round((minutes / 60) * 10) / 10,
    coachingMinutesLast12Months: minutes,
    expectedHoursRange: [12, 24],
    overdue,
    byKind,
  };
}
