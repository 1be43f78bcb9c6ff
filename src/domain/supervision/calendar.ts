import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import type { BankHolidayCalendar } from './bank-holidays';
import { KIND_LABELS, LONDON, nextSessions, type Schedule } from './schedule';

/**
 * A supervision schedule as an iCalendar file for Outlook: one VEVENT per schedule with an RRULE
 * where the cadence is regular, one VEVENT per date for one-off dates, and a moved session as a
 * RECURRENCE-ID override with the same UID. Times are London wall-clock with TZID=Europe/London
 * and the zone's VTIMEZONE, so Outlook shows them right on both sides of a clock change.
 *
 * UIDs come from the schedule id only, so a later file updates (or cancels) what an earlier one
 * added; SEQUENCE is given by the caller and must grow from one file to the next.
 */

const PRODUCT = { company: 'HWBC Assistant', product: 'Supervision', language: 'EN' };
const UID_DOMAIN = 'hwbc-assistant';
const LOCAL = "yyyyMMdd'T'HHmm";

/**
 * Europe/London since 1996: GMT in winter, BST from the last Sunday of March (01:00 GMT) to the
 * last Sunday of October (02:00 BST). The rules Outlook itself writes for "(UTC+00:00) London".
 */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON}`,
  'BEGIN:STANDARD',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19960331T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
].join('\r\n');

const vtimezone = (zone: string): string | null => (zone === LONDON ? LONDON_VTIMEZONE : null);

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export const seriesUid = (scheduleId: string): string => `supervision-${scheduleId}@${UID_DOMAIN}`;
export const dateUid = (scheduleId: string, day: DateTime): string =>
  `supervision-${scheduleId}-${day.setZone(LONDON).toFormat('yyyyMMdd')}@${UID_DOMAIN}`;

/** What the file holds: the schedule's events, or that they are cancelled. */
export interface CalendarFile {
  /** Seconds of a clock that only goes forward, so each file supersedes the one before. */
  sequence: number;
  now: DateTime;
  /** With a calendar, the description names the coming year's sessions that fall on a bank holiday. */
  holidays?: BankHolidayCalendar;
}

const DESCRIPTION = 'Supervision set up in the HWBC Assistant in Teams.';

/** The description, with a note of the sessions in the next year that fall on a bank holiday. */
function description(schedule: Schedule, file: CalendarFile): string {
  const { holidays } = file;
  if (!holidays) {
    return DESCRIPTION;
  }
  const yearAhead = file.now.plus({ years: 1 });
  const onHolidays = nextSessions(schedule, file.now, 60)
    .filter((start) => start <= yearAhead)
    .flatMap((start) => {
      const holiday = holidays.holidayOn(start);
      return holiday ? [`${start.toFormat('ccc d LLL yyyy')} (${holiday})`] : [];
    });
  return onHolidays.length === 0
    ? DESCRIPTION
    : `${DESCRIPTION} On a bank holiday: ${onHolidays.join(', ')}. To move one, type my supervision in Teams and press Move next session.`;
}

/** A planned start, London time, for a schedule's time on a given day. */
function at(schedule: Pick<Schedule, 'startTime'>, day: DateTime): DateTime {
  const [hour, minute] = schedule.startTime.split(':').map(Number);
  return day
    .setZone(LONDON)
    .set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}

const fromUtc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' }).setZone(LONDON);

/** The first session of a regular series: its first date, or for a monthly one the first from the earliest move or now. */
function seriesStart(schedule: Schedule, now: DateTime): DateTime | undefined {
  const { cadence } = schedule;
  if (cadence.type === 'every-n-weeks') {
    return at(schedule, DateTime.fromISO(cadence.firstDate, { zone: LONDON }));
  }
  const earliest = [now, ...(schedule.moves ?? []).map((m) => fromUtc(m.from))].reduce((a, b) =>
    a < b ? a : b,
  );
  return nextSessions({ cadence, startTime: schedule.startTime }, earliest, 1)[0];
}

function rrule(schedule: Schedule): string | undefined {
  const { cadence } = schedule;
  switch (cadence.type) {
    case 'every-n-weeks':
      return `RRULE:FREQ=WEEKLY;INTERVAL=${cadence.weeks}`;
    case 'monthly-nth-weekday':
      return `RRULE:FREQ=MONTHLY;BYDAY=${cadence.nth}${WEEKDAYS[cadence.weekday - 1] ?? 'MO'}`;
    case 'one-off':
      return undefined;
  }
}

/**
 * The London starts the file's events begin at, as a short key: `s20261210T1400` for a series,
 * `d20261210T1400_20261217T1400` for one-off dates. A link carries it, so that the file for a
 * deleted schedule can still cancel every event by its UID and start.
 */
export function calendarKey(schedule: Schedule, now: DateTime): string {
  const { cadence } = schedule;
  if (cadence.type === 'one-off') {
    return `d${[...cadence.dates]
      .sort()
      .map((d) => at(schedule, DateTime.fromISO(d, { zone: LONDON })).toFormat(LOCAL))
      .join('_')}`;
  }
  return `s${(seriesStart(schedule, now) ?? at(schedule, now)).toFormat(LOCAL)}`;
}

/** Where a schedule's calendar file is served: a signed link for its coach. */
export interface CalendarLinks {
  supervisionCalendar(scheduleId: string, key: string, user: string): string;
}

export interface CalendarKey {
  series: boolean;
  starts: DateTime[];
}

const KEY = /^(s\d{8}T\d{4}|d\d{8}T\d{4}(_\d{8}T\d{4}){0,23})$/;

/** What a key names, or undefined if it is not one this module made. */
export function readCalendarKey(key: string): CalendarKey | undefined {
  if (!KEY.test(key)) {
    return undefined;
  }
  const starts = key
    .slice(1)
    .split('_')
    .map((k) => DateTime.fromFormat(k, LOCAL, { zone: LONDON }));
  return starts.every((s) => s.isValid) ? { series: key.startsWith('s'), starts } : undefined;
}

function summary(schedule: Schedule): string {
  const supervisor = schedule.supervisor.trim();
  return `${KIND_LABELS[schedule.kind]}${supervisor ? ` with ${supervisor}` : ''}`;
}

function newCalendar(method: ICalCalendarMethod, name: string) {
  return ical({
    prodId: PRODUCT,
    method,
    name,
    timezone: { name: null, generator: vtimezone },
  });
}

/** The schedule's sessions, to add to a calendar (METHOD:PUBLISH). */
export function scheduleCalendar(schedule: Schedule, file: CalendarFile): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH, KIND_LABELS[schedule.kind]);
  const common = {
    sequence: file.sequence,
    stamp: file.now,
    timezone: LONDON,
    summary: summary(schedule),
    location: schedule.place.trim() || null,
    description: description(schedule, file),
    status: ICalEventStatus.CONFIRMED,
  } satisfies Partial<ICalEventData>;
  const event = (start: DateTime, extra: Partial<ICalEventData> & { id: string }) =>
    calendar.createEvent({
      ...common,
      start,
      end: start.plus({ minutes: schedule.durationMinutes }),
      ...extra,
    });
  const moves = (schedule.moves ?? []).map((m) => ({ from: fromUtc(m.from), to: fromUtc(m.to) }));
  const movedTo = (planned: DateTime): DateTime | undefined =>
    moves.find((m) => m.from.toMillis() === planned.toMillis())?.to;

  const { cadence } = schedule;
  if (cadence.type === 'one-off') {
    for (const date of [...cadence.dates].sort()) {
      const planned = at(schedule, DateTime.fromISO(date, { zone: LONDON }));
      event(movedTo(planned) ?? planned, { id: dateUid(schedule.scheduleId, planned) });
    }
    return calendar.toString();
  }
  const first = seriesStart(schedule, file.now);
  const rule = rrule(schedule);
  if (!first || !rule) {
    return calendar.toString();
  }
  const uid = seriesUid(schedule.scheduleId);
  event(first, { id: uid, repeating: rule });
  // A moved session: the same UID, the planned start as RECURRENCE-ID, the new time as its start.
  const planned = new Set(
    nextSessions({ cadence, startTime: schedule.startTime }, first, 400).map((s) => s.toMillis()),
  );
  for (const move of moves.filter((m) => planned.has(m.from.toMillis()))) {
    event(move.to, { id: uid, recurrenceId: move.from });
  }
  return calendar.toString();
}

/** A file that takes the key's events out of a calendar (METHOD:CANCEL, STATUS:CANCELLED). */
export function cancelledCalendar(
  scheduleId: string,
  { series, starts }: CalendarKey,
  file: CalendarFile,
): string {
  const calendar = newCalendar(ICalCalendarMethod.CANCEL, 'Supervision (cancelled)');
  for (const start of starts) {
    calendar.createEvent({
      id: series ? seriesUid(scheduleId) : dateUid(scheduleId, start),
      sequence: file.sequence,
      stamp: file.now,
      timezone: LONDON,
      start,
      summary: 'Supervision (cancelled)',
      status: ICalEventStatus.CANCELLED,
    });
  }
  return calendar.toString();
}

/** SEQUENCE from the time the file is made: seconds since 2026, so it grows and fits 32 bits for decades. */
export const calendarSequence = (now: DateTime): number =>
  Math.max(0, Math.floor((now.toMillis() - Date.UTC(2026, 0, 1)) / 1000));
