import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import {
  calendarKey,
  calendarSequence,
  cancelledCalendar,
  readCalendarKey,
  scheduleCalendar,
} from '../../../src/domain/supervision/calendar';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import { withMove, type Schedule } from '../../../src/domain/supervision/schedule';
import { testSchedule } from '../../helpers/supervision-fixtures';

const NOW = DateTime.fromISO('2026-12-02T09:00:00Z');
const file = (now = NOW) => ({ now, sequence: calendarSequence(now) });
const london = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Europe/London' });

/** The file read back by ical.js, as a calendar client would, with its own VTIMEZONE registered. */
function readBack(text: string) {
  const calendar = ICAL.Component.fromString(text);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  return {
    calendar,
    method: String(calendar.getFirstPropertyValue('method')),
    zones: calendar
      .getAllSubcomponents('vtimezone')
      .map((z) => String(z.getFirstPropertyValue('tzid'))),
    vevents,
    events: vevents.map((v) => new ICAL.Event(v)),
  };
}

/** The first `count` occurrences of the file's recurring event, overrides applied, in UTC ISO. */
function occurrences(text: string, count: number): string[] {
  const { events } = readBack(text);
  const master = events.find((e) => !e.isRecurrenceException());
  if (!master) {
    throw new Error('no master event');
  }
  for (const exception of events.filter((e) => e.isRecurrenceException())) {
    master.relateException(exception);
  }
  const iterator = master.iterator();
  const out: string[] = [];
  for (let next = iterator.next(); next && out.length < count; next = iterator.next()) {
    const details = master.getOccurrenceDetails(next);
    out.push(DateTime.fromJSDate(details.startDate.toJSDate()).toUTC().toISO() ?? '');
  }
  return out;
}

/** The raw content lines of an event property (outside the VTIMEZONE), as Outlook would read them. */
const lines = (text: string, name: string): string[] =>
  text
    .split('\r\n')
    .filter(
      (_line, i, all) =>
        all.slice(0, i).lastIndexOf('BEGIN:VEVENT') > all.slice(0, i).lastIndexOf('END:VEVENT'),
    )
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

const fortnightly: Partial<Schedule> = {
  kind: 'coaching-group',
  cadence: { type: 'every-n-weeks', weeks: 4, firstDate: '2026-12-10' },
  startTime: '14:00',
  durationMinutes: 90,
};

describe('a supervision schedule as an .ics file', () => {
  it('every 4 weeks: one VEVENT, FREQ=WEEKLY;INTERVAL=4, London time with a VTIMEZONE across the clock change', () => {
    const text = scheduleCalendar(testSchedule(fortnightly), file());
    const { method, zones, events } = readBack(text);
    expect(method).toBe('PUBLISH');
    expect(zones).toEqual(['Europe/London']);
    expect(events).toHaveLength(1);
    expect(lines(text, 'RRULE')).toEqual(['RRULE:FREQ=WEEKLY;INTERVAL=4']);
    expect(lines(text, 'DTSTART').filter((l) => l.includes('TZID'))).toEqual([
      'DTSTART;TZID=Europe/London:20261210T140000',
    ]);
    expect(lines(text, 'DTEND')).toEqual(['DTEND;TZID=Europe/London:20261210T153000']);
    // 14:00 in London all year: 14:00Z in winter, 13:00Z once BST starts on 28 March 2027.
    expect(occurrences(text, 5)).toEqual([
      '2026-12-10T14:00:00.000Z',
      '2027-01-07T14:00:00.000Z',
      '2027-02-04T14:00:00.000Z',
      '2027-03-04T14:00:00.000Z',
      '2027-04-01T13:00:00.000Z',
    ]);
    expect(events[0]?.summary).toBe('Coaching supervision (group) with Alex Supervisor');
    expect(events[0]?.location).toBe('Teams call');
  });

  it.each([
    ['first Tuesday', 1, 2, 'RRULE:FREQ=MONTHLY;BYDAY=1TU', '2027-01-05T10:00:00.000Z'],
    ['last Friday', -1, 5, 'RRULE:FREQ=MONTHLY;BYDAY=-1FR', '2026-12-25T10:00:00.000Z'],
  ] as const)(
    'monthly on the %s: BYDAY with the week number',
    (_name, nth, weekday, rule, first) => {
      const text = scheduleCalendar(
        testSchedule({ cadence: { type: 'monthly-nth-weekday', nth, weekday } }),
        file(),
      );
      expect(lines(text, 'RRULE')).toEqual([rule]);
      const starts = occurrences(text, 6);
      expect(starts[0]).toBe(first);
      for (const start of starts) {
        const day = DateTime.fromISO(start).setZone('Europe/London');
        expect(day.weekday).toBe(weekday);
        expect(day.toFormat('HH:mm')).toBe('10:00');
        expect(nth === -1 ? day.plus({ weeks: 1 }).month !== day.month : day.day <= 7).toBe(true);
      }
    },
  );

  it('one-off dates: one VEVENT each, no RRULE, each with its own stable UID', () => {
    const schedule = testSchedule({
      cadence: { type: 'one-off', dates: ['2027-01-12', '2026-12-15'] },
      startTime: '09:30',
    });
    const first = readBack(scheduleCalendar(schedule, file()));
    expect(lines(scheduleCalendar(schedule, file()), 'RRULE')).toEqual([]);
    expect(first.events.map((e) => e.startDate.toString())).toEqual([
      '2026-12-15T09:30:00',
      '2027-01-12T09:30:00',
    ]);
    expect(lines(scheduleCalendar(schedule, file()), 'DTSTART')).toEqual([
      'DTSTART;TZID=Europe/London:20261215T093000',
      'DTSTART;TZID=Europe/London:20270112T093000',
    ]);
    const uids = first.events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(2);
    const again = readBack(scheduleCalendar(schedule, file(NOW.plus({ days: 3 }))));
    expect(again.events.map((e) => e.uid)).toEqual(uids);
  });

  it('a moved session of a series is a RECURRENCE-ID override with the same UID', () => {
    const planned = london('2027-01-07T14:00');
    const moved = london('2027-01-08T10:00');
    const schedule = testSchedule({ ...fortnightly, moves: withMove(undefined, planned, moved) });
    const text = scheduleCalendar(schedule, file());
    const { events } = readBack(text);
    expect(events).toHaveLength(2);
    const override = events.find((e) => e.isRecurrenceException());
    expect(override?.uid).toBe(events[0]?.uid);
    expect(lines(text, 'RECURRENCE-ID')).toEqual([
      'RECURRENCE-ID;TZID=Europe/London:20270107T140000',
    ]);
    expect(override?.startDate.toString()).toBe('2027-01-08T10:00:00');
    expect(override?.endDate.toString()).toBe('2027-01-08T11:30:00');
    expect(occurrences(text, 3)).toEqual([
      '2026-12-10T14:00:00.000Z',
      '2027-01-08T10:00:00.000Z',
      '2027-02-04T14:00:00.000Z',
    ]);
  });

  it('a moved one-off session keeps its UID and has the new time', () => {
    const schedule = testSchedule({ cadence: { type: 'one-off', dates: ['2026-12-15'] } });
    const before = readBack(scheduleCalendar(schedule, file())).events[0];
    const moved = withMove(undefined, london('2026-12-15T10:00'), london('2026-12-16T15:00'));
    const after = readBack(scheduleCalendar({ ...schedule, moves: moved }, file())).events[0];
    expect(after?.uid).toBe(before?.uid);
    expect(after?.startDate.toString()).toBe('2026-12-16T15:00:00');
  });

  it('an update carries the same UID and a higher SEQUENCE', () => {
    const schedule = testSchedule(fortnightly);
    const first = readBack(scheduleCalendar(schedule, file())).events[0];
    const changed = { ...schedule, startTime: '15:00', place: 'Meeting room 3' };
    const later = readBack(scheduleCalendar(changed, file(NOW.plus({ minutes: 5 })))).events[0];
    expect(later?.uid).toBe(first?.uid);
    expect(later?.sequence).toBeGreaterThan(first?.sequence ?? Infinity);
    expect(later?.startDate.toString()).toBe('2026-12-10T15:00:00');
    expect(later?.location).toBe('Meeting room 3');
  });

  it.each([
    ['a series', fortnightly],
    ['one-off dates', { cadence: { type: 'one-off', dates: ['2026-12-15', '2027-01-12'] } }],
    ['one one-off date', { cadence: { type: 'one-off', dates: ['2026-12-15'] } }],
  ] as Array<[string, Partial<Schedule>]>)(
    'deleted, %s is cancelled: METHOD:CANCEL, STATUS:CANCELLED, the same UIDs, a higher SEQUENCE',
    (_name, overrides) => {
      const schedule = testSchedule(overrides);
      const published = readBack(scheduleCalendar(schedule, file())).events;
      const key = readCalendarKey(calendarKey(schedule, NOW));
      if (!key) {
        throw new Error('the key did not read back');
      }
      const text = cancelledCalendar(schedule.scheduleId, key, file(NOW.plus({ minutes: 1 })));
      const cancelled = readBack(text);
      expect(cancelled.method).toBe('CANCEL');
      expect(cancelled.events.map((e) => e.uid)).toEqual(published.map((e) => e.uid));
      expect(cancelled.events.map((e) => e.startDate.toString())).toEqual(
        published.map((e) => e.startDate.toString()),
      );
      for (const [i, vevent] of cancelled.vevents.entries()) {
        expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
        expect(cancelled.events[i]?.sequence).toBeGreaterThan(published[i]?.sequence ?? Infinity);
      }
    },
  );

  it.each([
    '',
    's2026',
    'x20261210T1400',
    'd20261210T1400_',
    'd20261210T1400,20261217T1400',
    's20261310T1400',
    'd../etc',
  ])('refuses a key it did not make: %p', (key) => {
    expect(readCalendarKey(key)).toBeUndefined();
  });

  it("notes the coming year's sessions on a bank holiday, when given the bank holidays", () => {
    const schedule = testSchedule({
      cadence: { type: 'monthly-nth-weekday', nth: -1, weekday: 5 },
    });
    const noted = readBack(
      scheduleCalendar(schedule, { ...file(), holidays: englandAndWalesBankHolidays() }),
    ).events[0]?.description;
    expect(noted).toBe(
      'Supervision set up in the HWBC Assistant in Teams. On a bank holiday: Fri 25 Dec 2026 (Christmas Day), Fri 26 Mar 2027 (Good Friday). To move one, type my supervision in Teams and press Move next session.',
    );
    expect(readBack(scheduleCalendar(schedule, file())).events[0]?.description).toBe(
      'Supervision set up in the HWBC Assistant in Teams.',
    );
  });

  it('holds nothing personal but the supervisor and place already given', () => {
    const schedule = testSchedule({ ...fortnightly, supervisor: '', place: '' });
    const text = scheduleCalendar(schedule, file());
    expect(text).not.toContain(schedule.coachId);
    const event = readBack(text).events[0];
    expect(event?.summary).toBe('Coaching supervision (group)');
    expect(event?.location).toBeNull();
    expect(lines(text, 'ATTENDEE')).toEqual([]);
    expect(lines(text, 'ORGANIZER')).toEqual([]);
  });
});
