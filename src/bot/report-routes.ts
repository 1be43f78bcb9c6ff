import { deliveriesCsv } from '../domain/broadcast/broadcast';
import type { BroadcastRepository } from '../store/broadcast.repository';
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
