import { deliveriesCsv } from '../../domain/broadcast/broadcast';
import type { RoleDirectory } from '../../domain/roles';
import {
  activityReport,
  activityReportCsv,
  reportNames,
  type SessionLogPcn,
} from '../../domain/sessions/activity-report';
import { monthsIn, periodFromKey } from '../../domain/sessions/report-period';
import { systemClock, type Clock } from '../../domain/clock';
import { csvDocument } from '../../domain/csv';
import {
  feedbackMonthFor,
  feedbackReportCsvRows,
} from '../../domain/referral-loop/feedback-report';
import {
  summariseFeedback,
  type ReferrerFeedback,
} from '../../domain/referral-loop/referrer-feedback';
import { findAppError } from '../../errors';
import type { Logger } from '../../logger';
import { cosmosStatus } from '../../store/cosmos-errors';
import type { ReferralRecordRepository } from '../../store/referral-record.repository';
import type { SessionLogRepository } from '../../store/session-log.repository';
import type { BroadcastRepository } from '../../store/broadcast.repository';
import { isPossibleJobId, isPossibleTenantId, type DownloadLinks } from './download-links';

export interface DownloadResponse {
  status: number;
  contentType: string;
  body: string;
  filename?: string;
  /** Seconds, for a Retry-After header. */
  retryAfterSeconds?: number;
}

const text = (status: number, body: string): DownloadResponse => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body,
});

/** The answer for a report that does not exist, or that the link's user may not see. */
export const NO_SUCH_REPORT = text(404, 'No such report.');

export const STORAGE_RETRY_AFTER_SECONDS = 30;

const STORAGE_UNAVAILABLE: DownloadResponse = {
  ...text(503, 'Reports are unavailable just now. Please try the link again in a minute.'),
  retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS,
};

const UNEXPECTED = text(
  500,
  'Something went wrong preparing this report. Please try the link again later.',
);

/**
 * Whether a failure is storage being away, which passes with time. storageError() files every
 * SDK failure but a 412 as STORAGE_UNAVAILABLE; of those, no HTTP status (unreachable, reset,
 * timed out), 408, 429 and 5xx pass with time. Any other 4xx is a request storage will refuse
 * again, a bug, so it is not an outage.
 */
function isStorageOutage(error: unknown): boolean {
  const appError = findAppError(error);
  if (appError?.code !== 'STORAGE_UNAVAILABLE') {
    return false;
  }
  const status = cosmosStatus(appError.cause);
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

/**
 * Every download's answer when it fails: 503 with Retry-After while storage is away, otherwise
 * 500. The body is fixed either way, with no message or stack. One log line says which: the
 * code (and for a 500 the error, so it can be traced; the logs are not the user's to see).
 */
export async function answerDownload(
  route: string,
  logger: Logger,
  handle: () => Promise<DownloadResponse>,
): Promise<DownloadResponse> {
  try {
    return await handle();
  } catch (error) {
    const appError = findAppError(error);
    if (isStorageOutage(error)) {
      logger.warn('download_unavailable', {
        route,
        code: 'STORAGE_UNAVAILABLE',
        storageStatus: cosmosStatus(appError?.cause),
      });
      return STORAGE_UNAVAILABLE;
    }
    logger.error('download_failed', {
      route,
      code: appError?.code ?? 'UNEXPECTED',
      errorName: error instanceof Error ? error.name : typeof error,
    });
    return UNEXPECTED;
  }
}

/** The delivery report of one broadcast, for the lead who made it, through a signed link. */
export async function broadcastCsvDownload(
  links: DownloadLinks,
  broadcasts: BroadcastRepository,
  path: string,
  jobId: string,
  query: URLSearchParams,
): Promise<DownloadResponse> {
  if (!isPossibleJobId(jobId)) {
    return NO_SUCH_REPORT;
  }
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
    return NO_SUCH_REPORT;
  }
  const csv = deliveriesCsv(job, await broadcasts.listDeliveries(jobId));
  return {
    status: 200,
    contentType: 'text/csv; charset=utf-8',
    body: csv,
    filename: `channel-posts-${job.createdAt.slice(0, 10)}.csv`,
  };
}

/**
 * The activity report for a month, quarter or year (aggregates only, per coach and per practice),
 * for the lead who asked for it, through a signed link. The link's `:month` names the period by
 * its key: "2026-11", "2026-Q3" or "2026".
 */
export async function activityCsvDownload(
  deps: {
    links: DownloadLinks;
    roles: RoleDirectory;
    logs: SessionLogRepository;
    referrals: ReferralRecordRepository;
    /** For the coaches' and practices' names; without it they are not named. */
    pcn?: SessionLogPcn;
    /** For the "generated at" time; the system clock if not given. */
    clock?: Clock;
    /** Referrers' feedback (#13): its rows follow the report's, with small numbers hidden. */
    feedback?: { listMonth(month: string): Promise<ReferrerFeedback[]>; threshold: number };
  },
  path: string,
  params: Record<string, string>,
  query: URLSearchParams,
): Promise<DownloadResponse> {
  const tenantId = params.tenantId ?? '';
  const period = periodFromKey(params.month ?? '');
  if (!isPossibleTenantId(tenantId) || !period) {
    return NO_SUCH_REPORT;
  }
  const check = deps.links.verify(path, query);
  if (!check.ok) {
    return check.reason === 'expired'
      ? text(410, 'This download link has expired. Ask for the activity report again.')
      : text(403, 'This download link is not valid.');
  }
  if (!deps.roles.isLead(check.user)) {
    return text(403, 'The activity report is for PCN leads.');
  }
  const referrals = await Promise.all(monthsIn(period).map((m) => deps.referrals.listMonth(m)));
  const report = activityReport(
    period,
    await deps.logs.listForTenantDates(tenantId, period),
    referrals.flat(),
  );
  const now = (deps.clock ?? systemClock).now().toISO() ?? '';
  return {
    status: 200,
    contentType: 'text/csv; charset=utf-8',
    // Feedback is counted by month: the period's last month, as the report card shows it.
    body:
      activityReportCsv(report, reportNames(deps.pcn), now) +
      (await feedbackCsv(deps.feedback, monthsIn(period).at(-1) ?? period.key)),
    filename: `hwbc-activity-${period.key}.csv`,
  };
}

/** The feedback rows for the activity CSV: none when the feedback store is not wired. */
async function feedbackCsv(
  feedback:
    { listMonth(month: string): Promise<ReferrerFeedback[]>; threshold: number } | undefined,
  reportMonth: string,
): Promise<string> {
  if (feedback === undefined) {
    return '';
  }
  const about = feedbackMonthFor(reportMonth);
  const summary = summariseFeedback(about, await feedback.listMonth(about), feedback.threshold);
  return csvDocument(feedbackReportCsvRows(summary));
}
