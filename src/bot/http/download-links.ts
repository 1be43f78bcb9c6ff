import { signLink, verifyLink, type LinkCheck } from '../../domain/signed-link';
import type { Clock } from '../../domain/clock';
import type { ReportLinks } from '../../cards/broadcast/broadcast-status';

export const BROADCAST_CSV_PATH = '/reports/broadcasts/:jobId/deliveries.csv';
export const ACTIVITY_CSV_PATH = '/reports/activity/:tenantId/:month/activity.csv';

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

  verify(path: string, query: URLSearchParams): LinkCheck {
    return verifyLink(this.secret, path, query, Math.floor(this.clock.now().toSeconds()));
  }
}
