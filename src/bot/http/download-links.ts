import { signLink, verifyLink, type LinkCheck } from '../../domain/signed-link';
import type { Clock } from '../../domain/clock';
import type { ReportLinks } from '../../cards/broadcast/broadcast-status';

export const BROADCAST_CSV_PATH = '/reports/broadcasts/:jobId/deliveries.csv';
export const ACTIVITY_CSV_PATH = '/reports/activity/:tenantId/:month/activity.csv';
/** A supervision schedule's .ics file; the key names its events' starts (domain/supervision/calendar.ts). */
export const SUPERVISION_CALENDAR_PATH = '/calendar/supervision/:scheduleId/:key/supervision.ics';

/**
 * The ids a download link can name, as the app makes them: a job id is a `randomUUID()` (lower
 * case), a tenant id is an Entra ID GUID, a month is luxon's `yyyy-MM`. Anything else (a `/`,
 * `..`, control characters, something too long) names no report, so it is refused before any
 * storage is asked.
 */
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A schedule id is a `randomUUID()` or a card's draft id (at most 100 characters, see supervision.actions.ts). */
const SCHEDULE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const isPossibleJobId = (jobId: string): boolean => JOB_ID.test(jobId);
export const isPossibleTenantId = (tenantId: string): boolean => TENANT_ID.test(tenantId);
export const isPossibleMonth = (month: string): boolean => MONTH.test(month);
export const isPossibleScheduleId = (scheduleId: string): boolean => SCHEDULE_ID.test(scheduleId);

/** Expiring signed download links on the bot's own server, bound to the user they were made for. */
export class DownloadLinks implements ReportLinks {
  constructor(
    private readonly secret: string,
    private readonly baseUrl: string,
    private readonly ttlMinutes: number,
    private readonly clock: Clock,
  ) {}

  broadcastCsv(jobId: string, user: string): string {
    const resource = BROADCAST_CSV_PATH.replace(':jobId', encodeURIComponent(jobId));
    const expires = Math.floor(this.clock.now().toSeconds()) + this.ttlMinutes * 60;
    return `${this.baseUrl}${signLink(this.secret, { resource, user, expires })}`;
  }

  activityCsv(tenantId: string, month: string, user: string): string {
    const resource = ACTIVITY_CSV_PATH.replace(':tenantId', encodeURIComponent(tenantId)).replace(
      ':month',
      encodeURIComponent(month),
    );
    const expires = Math.floor(this.clock.now().toSeconds()) + this.ttlMinutes * 60;
    return `${this.baseUrl}${signLink(this.secret, { resource, user, expires })}`;
  }

  supervisionCalendar(scheduleId: string, key: string, user: string): string {
    const resource = SUPERVISION_CALENDAR_PATH.replace(
      ':scheduleId',
      encodeURIComponent(scheduleId),
    ).replace(':key', encodeURIComponent(key));
    const expires = Math.floor(this.clock.now().toSeconds()) + this.ttlMinutes * 60;
    return `${this.baseUrl}${signLink(this.secret, { resource, user, expires })}`;
  }

  verify(path: string, query: URLSearchParams): LinkCheck {
    return verifyLink(this.secret, path, query, Math.floor(this.clock.now().toSeconds()));
  }
}
