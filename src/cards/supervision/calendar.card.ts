import { z } from 'zod';
import { renderWith } from '../render';
import calendarTemplate from './supervision-calendar.card.json';

export const ADD_TO_CALENDAR_HOW = 'Open the file and choose Add to calendar in Outlook.';
export const REMOVE_FROM_CALENDAR_HOW =
  'If you added it to your calendar, open the file and choose Remove from calendar in Outlook.';

const calendarSchema = z.object({
  heading: z.string(),
  how: z.string(),
  actionTitle: z.enum(['Add to calendar', 'Remove from calendar']),
  /** A signed link to the schedule's .ics file, for this coach only. */
  url: z.url(),
});
export type SupervisionCalendarData = z.infer<typeof calendarSchema>;

/** After a schedule is saved, changed, moved or deleted: the .ics file for Outlook, and how to use it. */
export const renderSupervisionCalendarCard = renderWith(calendarTemplate, calendarSchema);
