import type { Activity } from 'botbuilder';
import type { SupervisionKind } from '../../../src/domain/supervision/schedule';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { cardText } from '../../helpers/card-reading';
import { as, COACH, GP, LEAD, SECOND_COACH } from '../../helpers/people';
import { examplePcn } from '../../helpers/pcn';
import { buildTestBot } from '../../helpers/test-bot';

type TestBot = ReturnType<typeof buildTestBot>;

const store = useEmbeddedDatabase('coach-flow');

/** The value a card's Save button would send. */
function saveValue(card: Partial<Activity> | undefined): Record<string, unknown> {
  const schedule =
    /"verb":"supervision.save","schedule":"((?:[^"\\]|\\.)*)"/.exec(cardText(card))?.[1] ?? '';
  return {
    verb: 'supervision.save',
    schedule: JSON.parse(`"${schedule}"`) as string,
    draftId: draftIdOf(card),
    supervisor: 'Alex Supervisor',
    place: 'Teams call',
  };
}

/** The draft id a card's Save button carries. */
function draftIdOf(card: Partial<Activity> | undefined): string | undefined {
  return /"draftId":"([0-9a-f-]{36})"/.exec(cardText(card))?.[1];
}

/** What a reminder's button sends about the session at `sessionStart`. */
const recordValue = (scheduleId: string | undefined, sessionStart: string, outcome: string) => ({
  verb: 'supervision.record',
  scheduleId,
  sessionStart,
  outcome,
});

/**
 * A bot at 12:00 on 1 November 2026, where Jo Coach has typed a schedule and pressed Save on the
 * card confirming it; with the id of the schedule saved.
 */
async function savedFromText(
  text: string,
  kind: SupervisionKind,
): Promise<{ bot: TestBot; scheduleId: string | undefined }> {
  const bot = buildTestBot({ database: store.database });
  bot.clock.set('2026-11-01T12:00:00Z');
  const [confirm] = await bot.send(as(COACH, { text }));
  await bot.send(as(COACH, { value: saveValue(confirm) }));
  const saved = (await bot.supervision.listSchedules(COACH.aadObjectId)).find(
    (s) => s.schedule.kind === kind,
  );
  return { bot, scheduleId: saved?.schedule.scheduleId };
}

describe('a coach sets up supervision and records it', () => {
  it('confirms what it understood with the next three dates, flags bank holidays, and saves', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-03-20T12:00:00Z');
    // Monthly on the first Monday: 6 April 2026 is Easter Monday.
    const [confirm] = await bot.send(
      as(COACH, { text: 'coaching supervision monthly, first Monday, 10:00' }),
    );
    const text = cardText(confirm);
    expect(text).toContain('Coaching supervision (1:1)');
    expect(text).toContain('Monday 6 April 2026 at 10:00 (bank holiday)');
    expect(text).toContain('Monday 4 May 2026 at 10:00 (bank holiday)');
    expect(text).toContain('Easter Monday');
    const [saved] = await bot.send(as(COACH, { value: saveValue(confirm) }));
    expect(saved?.text).toMatch(
      /^Saved: Coaching supervision \(1:1\), Monthly, first Monday, 10:00\. Next: Monday 6 April at 10:00\./,
    );
    const schedules = await bot.supervision.listSchedules(COACH.aadObjectId);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      schedule: { supervisor: 'Alex Supervisor', place: 'Teams call', paused: false },
      nextReminderAt: '2026-04-02T08:00:00.000Z',
    });
  });

  it('saves one schedule when Save is pressed twice, on the confirm card or on the form', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-23T12:00:00Z');
    const coach = SECOND_COACH.aadObjectId.toLowerCase();
    const [confirm] = await bot.send(
      as(SECOND_COACH, { text: 'clinical supervision monthly, second Wednesday, 14:00' }),
    );
    expect(draftIdOf(confirm)).toBeDefined();
    const press = as(SECOND_COACH, { value: saveValue(confirm) });
    await bot.send(press);
    await bot.send({ ...press, id: 'another-press-of-the-same-button' });
    expect(await bot.supervision.listSchedules(coach)).toHaveLength(1);

    const [form] = await bot.send(as(SECOND_COACH, { text: 'set up supervision' }));
    const entry = {
      verb: 'supervision.form',
      draftId: draftIdOf(form),
      kind: 'line-management',
      cadenceType: 'every-n-weeks',
      weeks: '4',
      firstDate: '2026-12-03',
      startTime: '09:30',
      durationMinutes: '30',
    };
    const [first] = await bot.send(as(SECOND_COACH, { value: entry }));
    const [second] = await bot.send(as(SECOND_COACH, { value: entry }));
    expect(first?.text).toMatch(/^Saved: Line management/);
    expect(second?.text).toMatch(/^Saved: Line management/);
    const saved = await bot.supervision.listSchedules(coach);
    expect(saved).toHaveLength(2);
    // The coach's later tests start from no schedules.
    for (const { schedule } of saved) {
      await bot.supervision.deleteSchedule(coach, schedule.scheduleId);
    }
  });

  it('asks for what it could not understand instead of guessing', async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send(as(COACH, { text: 'coaching supervision monthly at 10:00' }));
    expect(reply?.text).toMatch(/couldn't tell how often/);
  });

  it('records attendance once per session, even when the submit arrives twice, and counts the hours', async () => {
    const { bot, scheduleId } = await savedFromText(
      'group coaching supervision monthly, first Tuesday, 10:00 for 90 minutes',
      'coaching-group',
    );
    const record = recordValue(scheduleId, '2026-11-03T10:00:00.000Z', 'attended');
    bot.clock.set('2026-11-03T12:00:00Z');
    const [first] = await bot.send(as(COACH, { value: record }));
    expect(first?.text).toBe(
      'Recorded: Coaching supervision (group) on Tue 3 Nov 2026 at 10:00 attended.',
    );
    await bot.send(as(COACH, { value: record }));
    const records = await bot.supervision.listRecords(COACH.aadObjectId.toLowerCase());
    expect(records.filter((r) => r.scheduleId === scheduleId)).toHaveLength(1);
    const [mine] = await bot.send(as(COACH, { text: 'my supervision' }));
    expect(cardText(mine)).toContain(
      '1 hour 30 minutes (expected: 12 to 24 hours, 1 to 2 hours a month)',
    );
  });

  it('a moved session needs the new date, and keeps it', async () => {
    const { bot, scheduleId } = await savedFromText(
      'clinical supervision monthly, second Wednesday, 14:00',
      'clinical',
    );
    const base = recordValue(scheduleId, '2026-11-11T14:00:00.000Z', 'moved');
    const [needsDate] = await bot.send(as(COACH, { value: base }));
    expect(needsDate?.text).toMatch(/choose the new date and time/);
    const [moved] = await bot.send(
      as(COACH, { value: { ...base, movedDate: '2026-11-18', movedTime: '14:00' } }),
    );
    expect(moved?.text).toContain('moved to Wed 18 Nov 2026 at 14:00');
    // The reminders follow the session to its new time: the working day before 18 November.
    const after = await bot.supervision.getSchedule(
      COACH.aadObjectId.toLowerCase(),
      scheduleId ?? '',
    );
    expect(after?.value).toMatchObject({
      nextReminderAt: '2026-11-17T09:00:00.000Z',
      nextReminderSession: '2026-11-18T14:00:00.000Z',
    });
    const [mine] = await bot.send(as(COACH, { text: 'my supervision' }));
    expect(cardText(mine)).toContain('18 Nov');
  });

  it('flags a next session on a bank holiday in my supervision, and lets the coach move it ahead of time', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-03-20T12:00:00Z');
    const coach = SECOND_COACH;
    const [confirm] = await bot.send(
      as(coach, { text: 'line management monthly, first Monday, 10:00' }),
    );
    await bot.send(as(coach, { value: saveValue(confirm) }));
    const [mine] = await bot.send(as(coach, { text: 'my supervision' }));
    expect(cardText(mine)).toContain('next 6 Apr (bank holiday: Easter Monday)');
    const scheduleId = /"verb":"supervision.move","scheduleId":"([^"]+)"/.exec(cardText(mine))?.[1];
    expect(scheduleId).toBeDefined();

    const [moveCard] = await bot.send(
      as(coach, { value: { verb: 'supervision.move', scheduleId } }),
    );
    expect(cardText(moveCard)).toContain('Next session: Line management');
    expect(cardText(moveCard)).not.toContain('Remind me later');
    const [moved] = await bot.send(
      as(coach, {
        value: {
          ...recordValue(scheduleId, '2026-04-06T09:00:00.000Z', 'moved'),
          movedDate: '2026-04-07',
          movedTime: '10:00',
        },
      }),
    );
    expect(moved?.text).toContain('moved to Tue 7 Apr 2026 at 10:00');
    const [after] = await bot.send(as(coach, { text: 'my supervision' }));
    expect(cardText(after)).toContain('next 7 Apr');
    expect(cardText(after)).not.toContain('bank holiday');
  });

  it('keeps the reminder times the coach picks on the card, and refuses ones not offered', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-01T12:00:00Z');
    const [confirm] = await bot.send(
      as(COACH, { text: 'coaching supervision monthly, third Thursday, 11:00' }),
    );
    expect(cardText(confirm)).toContain('1 day before');
    const [refused] = await bot.send(
      as(COACH, { value: { ...saveValue(confirm), reminders: '-1,7' } }),
    );
    expect(refused?.text).toMatch(/^Choose reminder times from the list\. Nothing was saved yet/);
    const [saved] = await bot.send(
      as(COACH, { value: { ...saveValue(confirm), reminders: '15,1440' } }),
    );
    expect(saved?.text).toContain('Reminders: 1 day before; 15 minutes before.');
    const stored = (await bot.supervision.listSchedules(COACH.aadObjectId.toLowerCase())).find(
      (s) => s.schedule.cadence.type === 'monthly-nth-weekday' && s.schedule.startTime === '11:00',
    );
    expect(stored).toMatchObject({
      schedule: { reminderOffsets: [1440, 15] },
      // Thursday 19 November 2026, 11:00: a day before.
      nextReminderAt: '2026-11-18T11:00:00.000Z',
    });
  });

  it('only coaches can set up supervision; only leads see team status', async () => {
    const bot = buildTestBot({ database: store.database });
    const [gp] = await bot.send(
      as(GP, { text: 'coaching supervision monthly, first Tuesday, 10:00' }),
    );
    expect(gp?.text).toMatch(/for the PCN’s Health and Wellbeing Coaches/);
    const [coachAsksTeam] = await bot.send(as(COACH, { text: 'team supervision status' }));
    expect(coachAsksTeam?.text).toMatch(/for PCN leads/);
    const [team] = await bot.send(as(LEAD, { text: 'team supervision status' }));
    expect(cardText(team)).toContain('Jo Coach');
    expect(cardText(team)).toContain('Sam Okoro (overdue)');
  });

  it('sets up and changes a schedule with the form card', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-23T12:00:00Z');
    const [form] = await bot.send(as(COACH, { text: 'set up supervision' }));
    expect(cardText(form)).toContain('Add supervision');
    const entry = {
      verb: 'supervision.form',
      kind: 'line-management',
      cadenceType: 'every-n-weeks',
      weeks: '6',
      firstDate: '2026-12-02',
      startTime: '15:00',
      durationMinutes: '45',
      supervisor: 'Pat Manager',
      place: 'Office',
    };
    const [bad] = await bot.send(as(COACH, { value: { ...entry, startTime: '25:00' } }));
    expect(cardText(bad)).toContain(
      'Not saved. Time: Enter the time as hours and minutes, for example 10:00.',
    );
    expect(cardText(bad)).toContain('"value":"Pat Manager"');
    const [saved] = await bot.send(as(COACH, { value: entry }));
    expect(saved?.text).toMatch(
      /^Saved: Line management, Every 6 weeks on Wednesdays from 2 Dec 2026, 15:00\. Next: Wednesday 2 December 2026 at 15:00; Wednesday 13 January 2027 at 15:00/,
    );
    const schedule = (await bot.supervision.listSchedules(COACH.aadObjectId.toLowerCase())).find(
      (s) => s.schedule.kind === 'line-management',
    );
    const [changeForm] = await bot.send(
      as(COACH, {
        value: { verb: 'supervision.change', scheduleId: schedule?.schedule.scheduleId },
      }),
    );
    expect(cardText(changeForm)).toContain('Change supervision');
    expect(cardText(changeForm)).toContain('"value":"Pat Manager"');
    const [changed] = await bot.send(
      as(COACH, {
        value: { ...entry, scheduleId: schedule?.schedule.scheduleId, startTime: '16:30' },
      }),
    );
    expect(changed?.text).toMatch(/^Changed: Line management, .*16:30/);
    expect(changed?.text).toContain('Reminders: the working day before, 09:00; 1 hour before.');
    const [noReminders] = await bot.send(
      as(COACH, {
        value: {
          ...entry,
          scheduleId: schedule?.schedule.scheduleId,
          startTime: '16:30',
          reminders: '',
        },
      }),
    );
    expect(noReminders?.text).toContain('Reminders: no reminder before; one follow-up after.');
    const after = await bot.supervision.getSchedule(
      COACH.aadObjectId.toLowerCase(),
      schedule?.schedule.scheduleId ?? '',
    );
    expect(after?.value.schedule.startTime).toBe('16:30');
  });

  it('uninstalling the app pauses the coach’s schedules, even once they are off the roster', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-01T12:00:00Z');
    const leaver = {
      ...COACH,
      id: '29:leaver',
      aadObjectId: '00000000-0000-0000-0000-0000000000c9',
    };
    const onRoster = examplePcn((raw) => {
      (raw.coaches as unknown[]).push({
        aadObjectId: leaver.aadObjectId,
        displayName: 'Lee Leaver',
      });
    });
    const before = buildTestBot({ database: store.database, pcn: onRoster });
    before.clock.set('2026-11-01T12:00:00Z');
    const [confirm] = await before.send(
      as(leaver, { text: 'coaching supervision monthly, first Tuesday, 10:00' }),
    );
    await before.send(as(leaver, { value: saveValue(confirm) }));
    expect(
      (await bot.supervision.listSchedules(leaver.aadObjectId))[0]?.nextReminderAt,
    ).not.toBeNull();

    // Taken off the PCN file, then the app is removed from their Teams.
    await bot.send(as(leaver, { type: 'installationUpdate', action: 'remove', text: undefined }));
    const after = await bot.supervision.listSchedules(leaver.aadObjectId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ schedule: { paused: true }, nextReminderAt: null });
  });

  it('someone who is not a coach pressing a reminder button gets one clear answer', async () => {
    const bot = buildTestBot({ database: store.database });
    for (const value of [
      { verb: 'supervision.snooze', scheduleId: 'someone-elses' },
      { verb: 'supervision.pause', scheduleId: 'someone-elses', paused: 'true' },
    ]) {
      const replies = await bot.send(as(GP, { value }));
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text).toMatch(/for the PCN’s Health and Wellbeing Coaches/);
    }
  });

  it("a coach cannot record against another coach's schedule", async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send(
      as(SECOND_COACH, {
        value: {
          verb: 'supervision.record',
          scheduleId: 'not-mine',
          sessionStart: '2026-11-03T10:00:00.000Z',
          outcome: 'attended',
        },
      }),
    );
    expect(reply?.text).toMatch(/can't find that schedule among yours/);
  });
});
