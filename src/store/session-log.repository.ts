import type { DateRange } from '../domain/sessions/report-period';
import type { SessionLog } from '../domain/sessions/session-log';

export interface SessionLogRepository {
  /** Store once: the same log id again (a submit delivered twice) changes nothing. Returns false then. */
  add(log: SessionLog): Promise<boolean>;
  get(coachId: string, logId: string): Promise<SessionLog | undefined>;
  replace(log: SessionLog): Promise<void>;
  remove(coachId: string, logId: string): Promise<void>;
  listForCoach(coachId: string, month: string): Promise<SessionLog[]>;
  /** Every coach's logs for a month: for aggregate reports only. */
  listForMonth(tenantId: string, month: string): Promise<SessionLog[]>;
  /** A coach's logs of sessions dated within `dates`. */
  listForCoachDates(coachId: string, dates: DateRange): Promise<SessionLog[]>;
  /** Every coach's logs of sessions dated within `dates`: for aggregate reports only. */
  listForTenantDates(tenantId: string, dates: DateRange): Promise<SessionLog[]>;
  /** A coach's logs made at or after `since` (an ISO instant), whatever the session's date. */
  listMadeSince(coachId: string, since: string): Promise<SessionLog[]>;
}
