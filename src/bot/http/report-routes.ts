import { deliveriesCsv } from '../../domain/broadcast/broadcast';
import type { RoleDirectory } from '../../domain/roles';
import { activityReport, activityReportCsv } from '../../domain/sessions/activity-report';
import type { ReferralRecordRepository } from '../../store/referral-record.repository';
import type { SessionLogRepository } from '../../store/session-log.repository';
import type { BroadcastRepository } from '../../store/broadcast.repository';
import type { DownloadLinks } from './download-links';

export interface DownloadResponse {
  status: number;
  contentType: string;
  body: string;
  filename?: string;
}

const text = (status: number, body: string): DownloadResponse => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body,
});

/** The delivery report of one broadcast, for the lead who made it, through a signed link. */
export async function broadcastCsvDownload(
  links: DownloadLinks,
  broadcasts: BroadcastRepository,
  path: string,
  jobId: string,
  query: URLSearchParams,
): Promise<DownloadResponse> {
  const check = links.verify(path, query);
  if (!check.ok) {
    return check.reason === 'expired'
      ? text(
          410,
          'This download link has expired. Press "Download report" on the status card again for a new one.',
        )
      : text(403, 'This download link is not valid.');
  }
  const job = await broadcasts.getJob(jobId);
  if (!job || job.createdBy !== check.user) {
    return text(404, 'No such report.');
  }
  const csv = deliveriesCsv(job, await broadcasts.listDeliveries(jobId));
  return {
    status: 200,
    contentType: 'text/csv; charset=utf-8',
    body: csv,
    filename: `channel-posts-${job.createdAt.slice(0, 10)}.csv`,
  };
}

/** The monthly activity report (aggregates only), for the lead who asked for it, through a signed link. */
export async function activityCsvDownload(
  deps: {
    links: DownloadLinks;
    roles: RoleDirectory;
    logs: SessionLogRepository;
    referrals: ReferralRecordRepository;
  },
  path: string,
  params: Record<string, string>,
  query: URLSearchParams,
): Promise<DownloadResponse> {
  const check = deps.links.verify(path, query);
  if (!check.ok) {
    return check.reason === 'expired'
      ? text(410, 'This download link has expired. Ask for the activity report again.')
      : text(403, 'This download link is not valid.');
  }
  if (!deps.roles.isLead(check.user)) {
    return text(403, 'The activity report is for PCN leads.');
  }
  const month = params.month ?? '';
  if (!/^\d{4}-\d{2}$/.test(month)) {
    return text(404, 'No such report.');
  }
  const report = activityReport(
    month,
    await deps.logs.listForMonth(params.tenantId ?? '', month),
    await deps.referrals.listMonth(month),
  );
  return {
    status: 200,
    contentType: 'text/csv; charset=utf-8',
    body: activityReportCsv(report),
    filename: `hwbc-activity-${month}.csv`,
  };
}
