import type { Clock } from '../../domain/clock';
import type { BankHolidayCalendar } from '../../domain/supervision/bank-holidays';
import {
  calendarSequence,
  cancelledCalendar,
  readCalendarKey,
  scheduleCalendar,
} from '../../domain/supervision/calendar';
import type { SupervisionRepository } from '../../store/supervision.repository';
import { isPossibleScheduleId, type DownloadLinks } from './download-links';
import type { DownloadResponse } from './report-routes';

const text = (status: number, body: string): DownloadResponse => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body,
});

export const NO_SUCH_CALENDAR = text(404, 'No such calendar file.');
const EXPIRED = text(
  410,
  'This calendar link has expired. Type "my supervision" in Teams and press "Add to calendar" again for a new one.',
);
const NOT_VALID = text(403, 'This calendar link is not valid.');

const calendar = (body: string, filename: string): DownloadResponse => ({
  status: 200,
  contentType: 'text/calendar; charset=utf-8',
  body,
  filename,
});

/**
 * A supervision schedule's .ics file, for the coach whose schedule it is, through a signed link.
 * A schedule that is no longer theirs to find (deleted) gets a file that cancels the events the
 * link named: the link was only ever signed for their own schedule.
 */
export async function supervisionCalendarDownload(
  deps: {
    links: DownloadLinks;
    supervision: SupervisionRepository;
    clock: Clock;
    holidays?: BankHolidayCalendar;
  },
  path: string,
  params: Record<string, string>,
  query: URLSearchParams,
): Promise<DownloadResponse> {
  const scheduleId = params.scheduleId ?? '';
  const key = readCalendarKey(params.key ?? '');
  if (!isPossibleScheduleId(scheduleId) || !key) {
    return NO_SUCH_CALENDAR;
  }
  const check = deps.links.verify(path, query);
  if (!check.ok) {
    return check.reason === 'expired' ? EXPIRED : NOT_VALID;
  }
  const now = deps.clock.now();
  const file = {
    now,
    sequence: calendarSequence(now),
    ...(deps.holidays ? { holidays: deps.holidays } : {}),
  };
  const stored = await deps.supervision.getSchedule(check.user, scheduleId);
  if (!stored) {
    return calendar(cancelledCalendar(scheduleId, key, file), 'supervision-cancelled.ics');
  }
  return calendar(scheduleCalendar(stored.value.schedule, file), 'supervision.ics');
}
