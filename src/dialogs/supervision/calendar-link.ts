import type { DateTime } from 'luxon';
import {
  ADD_TO_CALENDAR_HOW,
  REMOVE_FROM_CALENDAR_HOW,
  renderSupervisionCalendarCard,
} from '../../cards/supervision/calendar.card';
import type { CardAttachment } from '../../cards/render';
import { calendarKey, type CalendarLinks } from '../../domain/supervision/calendar';
import { KIND_LABELS, type Schedule } from '../../domain/supervision/schedule';

/** The signed link to a schedule's .ics file, for its coach. */
export const calendarUrl = (
  links: CalendarLinks,
  schedule: Schedule,
  now: DateTime,
  user: string,
): string => links.supervisionCalendar(schedule.scheduleId, calendarKey(schedule, now), user);

/**
 * The card that goes with a saved, changed or moved schedule ("Add to calendar"), or a deleted one
 * ("Remove from calendar"): the same link either way, and the file it serves says which.
 */
export function calendarCard(
  links: CalendarLinks,
  schedule: Schedule,
  now: DateTime,
  user: string,
  change: 'added' | 'removed',
): CardAttachment {
  const label = KIND_LABELS[schedule.kind];
  return renderSupervisionCalendarCard(
    change === 'added'
      ? {
          heading: `Add ${label.toLowerCase()} to your calendar`,
          how: ADD_TO_CALENDAR_HOW,
          actionTitle: 'Add to calendar',
          url: calendarUrl(links, schedule, now, user),
        }
      : {
          heading: `Take ${label.toLowerCase()} out of your calendar`,
          how: REMOVE_FROM_CALENDAR_HOW,
          actionTitle: 'Remove from calendar',
          url: calendarUrl(links, schedule, now, user),
        },
  );
}
