import { SupervisionCommands } from '../../../src/dialogs/supervision/supervision.service';
import { fixedClock } from '../../../src/domain/clock';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import type { Schedule } from '../../../src/domain/supervision/schedule';
import type { SupervisionRecord } from '../../../src/domain/supervision/supervision-record';
import { MemorySupervisionRepository } from '../../../src/store/memory/supervision.memory-repository';
import type { StoredSchedule } from '../../../src/store/supervision.repository';
import { buttonsOf, containerWith, factsOf, inputValue, textOf } from '../../helpers/card-content';
import { examplePcn } from '../../helpers/pcn';
import { COACH, SECOND_COACH } from '../../helpers/people';
import { present } from '../../helpers/present';
import { asCoach, asLead, cardSent, recordedTurn, TENANT } from '../../helpers/recorded-turn';
import { testSchedule } from '../../helpers/supervision-fixtures';

type SaveAction = Parameters<SupervisionCommands['save']>[1];
type RecordAction = Parameters<SupervisionCommands['record']>[1];

const COACH_ID = COACH.aadObjectId.toLowerCase();
const holidays = englandAndWalesBankHolidays();

/** The coach's supervision feature over an empty in-memory store, on Tuesday 10 November 2026. */
function setUp(now = '2026-11-10T12:00:00Z') {
  const clock = fixedClock(now);
  const supervision = new MemorySupervisionRepository();
  const commands = new SupervisionCommands({
    supervision,
    pcn: examplePcn(),
    clock,
    holidays,
    overdueWeeks: 6,
  });
  return { clock, supervision, commands };
}

/** Monthly coaching supervision, first Tuesday 10:00, as saved for Jo Coach. */
const monthly = (overrides: Partial<Schedule> = {}): Schedule =>
  testSchedule({ scheduleId: 'schedule-1', coachId: COACH_ID, ...overrides });

const storedFor = (schedule: Schedule, next: Partial<StoredSchedule> = {}): StoredSchedule => ({
  schedule,
  tenantId: TENANT,
  nextReminderAt: '2026-11-30T09:00:00.000Z',
  nextReminderSession: '2026-12-01T10:00:00.000Z',
  nextReminderKind: 'before',
  ...next,
});

/** setUp with `stored` (Jo Coach's monthly schedule unless given) saved, and a turn from her. */
async function withSchedule(stored = storedFor(monthly()), now?: string) {
  const feature = setUp(now);
  await feature.supervision.saveSchedule(stored);
  return { ...feature, turn: recordedTurn(asCoach()) };
}

const attended = (sessionStart: string, coachId = COACH_ID): SupervisionRecord => ({
  coachId,
  scheduleId: 'schedule-1',
  kind: 'coaching-one-to-one',
  sessionStart,
  outcome: 'attended',
  durationMinutes: 90,
  movedTo: null,
  recordedAt: sessionStart,
});

describe('supervision set up from plain text', () => {
  it('confirms what it understood, with the next three sessions, and stores nothing yet', async () => {
    const { commands, supervision } = setUp();
    const card = await cardSent(asCoach(), (turn) =>
      commands.setUpFromText(turn, 'coaching supervision monthly, first Tuesday, 10:00'),
    );
    expect(factsOf(card)).toEqual({
      Supervision: 'Coaching supervision (1:1)',
      When: 'Monthly, first Tuesday, 10:00',
      Length: '60 minutes',
    });
    expect(textOf(card)).toContain('- Tuesday 1 December 2026 at 10:00');
    expect(textOf(card)).toContain('- Tuesday 5 January 2027 at 10:00');
    expect(textOf(card)).toContain('- Tuesday 2 February 2027 at 10:00');
    expect(buttonsOf(card).map((b) => b.title)).toEqual(['Save', 'Cancel']);
    expect(await supervision.listSchedules(COACH_ID)).toEqual([]);
  });

  it('flags a session that falls on a bank holiday', async () => {
    const { commands } = setUp('2026-03-20T12:00:00Z');
    const turn = recordedTurn(asCoach());
    await commands.setUpFromText(turn, 'coaching supervision monthly, first Monday, 10:00');
    const text = textOf(turn.cards()[0]);
    expect(text).toContain('Monday 6 April 2026 at 10:00 (bank holiday)');
    expect(text).toContain('is a bank holiday (Easter Monday): you may want to move it.');
  });

  it('asks for what it could not understand instead of guessing', async () => {
    const { commands } = setUp();
    const turn = recordedTurn(asCoach());
    await commands.setUpFromText(turn, 'coaching supervision monthly at 10:00');
    expect(turn.texts()).toEqual([
      expect.stringMatching(
        /^I couldn't tell how often .* Try, for example: coaching supervision monthly, first Tuesday, 10:00$/,
      ),
    ]);
    expect(turn.cards()).toEqual([]);
  });
});

describe('saving the confirmed schedule', () => {
  /** Jo Coach types a schedule, then presses Save on the card confirming it, with `fields`. */
  async function saveConfirmed(fields: Omit<SaveAction, 'verb' | 'schedule'>) {
    const { commands, supervision } = setUp();
    const typed = recordedTurn(asCoach());
    await commands.setUpFromText(typed, 'coaching supervision monthly, first Tuesday, 10:00');
    const save = present(
      buttonsOf(typed.cards()[0]).find((b) => b.title === 'Save'),
      'Save',
    );
    const turn = recordedTurn(asCoach());
    await commands.save(turn, {
      verb: 'supervision.save',
      schedule: String(save.data.schedule),
      ...fields,
    });
    return { supervision, turn };
  }

  it('saves it for the coach with its first reminder, and says when the next session is', async () => {
    const { supervision, turn } = await saveConfirmed({
      supervisor: '  Alex Supervisor ',
      place: 'Teams call',
    });
    expect(turn.texts()).toEqual([
      'Saved: Coaching supervision (1:1), Monthly, first Tuesday, 10:00. Next: Tuesday 1 December at 10:00. Reminders: the working day before, 09:00; 1 hour before.',
    ]);
    const [saved] = await supervision.listSchedules(COACH_ID);
    expect(saved).toMatchObject({
      tenantId: TENANT,
      nextReminderAt: '2026-11-30T09:00:00.000Z',
      nextReminderSession: '2026-12-01T10:00:00.000Z',
      nextReminderKind: 'before',
      schedule: {
        coachId: COACH_ID,
        kind: 'coaching-one-to-one',
        supervisor: 'Alex Supervisor',
        place: 'Teams call',
        reminderOffsets: [-1, 60],
        paused: false,
      },
    });
  });

  it('takes the reminder times picked on the card', async () => {
    const { supervision, turn } = await saveConfirmed({ reminders: '1440,15' });
    expect(turn.texts()[0]).toMatch(/Reminders: 1 day before; 15 minutes before\.$/);
    expect((await supervision.listSchedules(COACH_ID))[0]).toMatchObject({
      schedule: { reminderOffsets: [1440, 15] },
      nextReminderAt: '2026-11-30T10:00:00.000Z',
    });
  });

  it('refuses a card whose schedule is not one it made, and stores nothing', async () => {
    const { commands, supervision } = setUp();
    const turn = recordedTurn(asCoach());
    await commands.save(turn, { verb: 'supervision.save', schedule: '{"kind":"sabbatical"' });
    expect(turn.texts()).toEqual([
      "That card's details are not ones I can save. Type the schedule again, e.g. coaching supervision monthly, first Tuesday, 10:00",
    ]);
    expect(await supervision.listSchedules(COACH_ID)).toEqual([]);
  });

  it('refuses reminder times that were never offered, and stores nothing', async () => {
    const { supervision, turn } = await saveConfirmed({ reminders: '7' });
    expect(turn.texts()).toEqual([
      'Choose reminder times from the list. Nothing was saved yet: change it on the card and press Save again.',
    ]);
    expect(await supervision.listSchedules(COACH_ID)).toEqual([]);
  });
});

describe('the set-up form', () => {
  const formAction = {
    verb: 'supervision.form' as const,
    kind: 'clinical',
    cadenceType: 'every-n-weeks',
    weeks: '2',
    firstDate: '2026-11-12',
    startTime: '14:30',
    durationMinutes: '45',
    supervisor: 'Dr Lee',
    place: 'Room 2',
    reminders: '60',
  };

  it('is empty for a new schedule, starting from today', async () => {
    const { commands } = setUp();
    const card = await cardSent(asCoach(), (turn) => commands.form(turn));
    expect(textOf(card)).toContain('Add supervision');
    expect(inputValue(card, 'firstDate')).toBe('2026-11-10');
    expect(inputValue(card, 'startTime')).toBe('10:00');
  });

  it("is filled in from one of the coach's schedules, and refuses anyone else's", async () => {
    const { commands, turn } = await withSchedule();
    await commands.form(turn, 'schedule-1');
    const [card] = turn.cards();
    expect(textOf(card)).toContain('Change supervision');
    expect(inputValue(card, 'supervisor')).toBe('Alex Supervisor');
    expect(inputValue(card, 'place')).toBe('Teams call');
    const other = recordedTurn(asLead());
    await commands.form(other, 'schedule-1');
    expect(other.texts()).toEqual(["I can't find that schedule among yours."]);
  });

  it('saves a new schedule from the form', async () => {
    const { commands, supervision } = setUp();
    const turn = recordedTurn(asCoach());
    await commands.saveForm(turn, formAction);
    expect(turn.texts()).toEqual([
      'Saved: Clinical supervision, Every 2 weeks on Thursdays from 12 Nov 2026, 14:30. Next: Thursday 12 November 2026 at 14:30; Thursday 26 November 2026 at 14:30; Thursday 10 December 2026 at 14:30. Reminders: 1 hour before.',
    ]);
    expect(await supervision.listSchedules(COACH_ID)).toEqual([
      expect.objectContaining({
        nextReminderAt: '2026-11-12T13:30:00.000Z',
        schedule: expect.objectContaining({
          kind: 'clinical',
          cadence: { type: 'every-n-weeks', weeks: 2, firstDate: '2026-11-12' },
          startTime: '14:30',
          durationMinutes: 45,
          supervisor: 'Dr Lee',
          place: 'Room 2',
          reminderOffsets: [60],
        }),
      }),
    ]);
  });

  it('changes an existing schedule in place, keeping its id, pause and moves', async () => {
    const { commands, supervision } = setUp();
    const moves = [{ from: '2026-12-01T10:00:00.000Z', to: '2026-12-02T10:00:00.000Z' }];
    await supervision.saveSchedule(storedFor(monthly({ paused: true, moves })));
    const turn = recordedTurn(asCoach());
    await commands.saveForm(turn, { ...formAction, scheduleId: 'schedule-1' });
    expect(turn.texts()[0]).toMatch(/^Changed: Clinical supervision, Every 2 weeks/);
    const [changed] = await supervision.listSchedules(COACH_ID);
    expect(changed?.schedule).toMatchObject({
      scheduleId: 'schedule-1',
      kind: 'clinical',
      paused: true,
      moves,
    });
    expect(changed?.nextReminderAt).toBeNull();
  });

  it('shows the form again with what to fix, and stores nothing', async () => {
    const { commands, supervision } = setUp();
    const card = await cardSent(asCoach(), (turn) =>
      commands.saveForm(turn, { ...formAction, startTime: '25:00' }),
    );
    expect(textOf(card)).toContain(
      'Not saved. Time: Enter the time as hours and minutes, for example 10:00.',
    );
    expect(await supervision.listSchedules(COACH_ID)).toEqual([]);
  });

  it('refuses to change a schedule that is not among the coach’s', async () => {
    const { commands, supervision } = setUp();
    const turn = recordedTurn(asCoach());
    await commands.saveForm(turn, { ...formAction, scheduleId: 'someone-elses' });
    expect(turn.texts()).toEqual(["I can't find that schedule among yours."]);
    expect(await supervision.listSchedules(COACH_ID)).toEqual([]);
  });
});

describe('recording what happened at a session', () => {
  const session = '2026-11-03T10:00:00.000Z';

  /** What a button on the reminder for `session` of schedule-1 sends: Attended unless changed. */
  const recordAction = (details: Partial<RecordAction> = {}): RecordAction => ({
    verb: 'supervision.record',
    scheduleId: 'schedule-1',
    sessionStart: session,
    outcome: 'attended',
    ...details,
  });

  /** Jo Coach, with her monthly schedule saved, presses a reminder's button: `recordAction(details)`. */
  async function pressRecord(details: Partial<RecordAction>) {
    const { commands, supervision, turn } = await withSchedule();
    await commands.record(turn, recordAction(details));
    return { supervision, turn };
  }

  it('records attendance once per session, even when the submit arrives twice', async () => {
    const { commands, supervision, turn } = await withSchedule();
    const action = recordAction();
    await commands.record(turn, action);
    await commands.record(turn, action);
    expect(turn.texts()).toEqual([
      'Recorded: Coaching supervision (1:1) on Tue 3 Nov 2026 at 10:00 attended.',
      'Recorded: Coaching supervision (1:1) on Tue 3 Nov 2026 at 10:00 attended.',
    ]);
    expect(await supervision.listRecords(COACH_ID)).toEqual([
      {
        coachId: COACH_ID,
        scheduleId: 'schedule-1',
        kind: 'coaching-one-to-one',
        sessionStart: session,
        outcome: 'attended',
        durationMinutes: 60,
        movedTo: null,
        recordedAt: '2026-11-10T12:00:00.000Z',
      },
    ]);
  });

  it('records a session that did not happen, with no hours', async () => {
    const { supervision, turn } = await pressRecord({ outcome: 'missed' });
    expect(turn.texts()).toEqual([
      "Recorded: Coaching supervision (1:1) on Tue 3 Nov 2026 at 10:00 didn't happen.",
    ]);
    expect(await supervision.getRecord(COACH_ID, 'schedule-1', session)).toMatchObject({
      outcome: 'missed',
      durationMinutes: 0,
    });
  });

  it('moves a session: recorded, and the schedule reminds about the new time', async () => {
    const { supervision, turn } = await pressRecord({
      sessionStart: '2026-12-01T10:00:00.000Z',
      outcome: 'moved',
      movedDate: '2026-12-03',
      movedTime: '15:00',
    });
    expect(turn.texts()).toEqual([
      'Recorded: Coaching supervision (1:1) on Tue 1 Dec 2026 at 10:00 moved to Thu 3 Dec 2026 at 15:00.',
    ]);
    expect(
      await supervision.getRecord(COACH_ID, 'schedule-1', '2026-12-01T10:00:00.000Z'),
    ).toMatchObject({ outcome: 'moved', movedTo: '2026-12-03T15:00:00.000Z' });
    const moved = await supervision.getSchedule(COACH_ID, 'schedule-1');
    expect(moved?.value).toMatchObject({
      schedule: { moves: [{ from: '2026-12-01T10:00:00.000Z', to: '2026-12-03T15:00:00.000Z' }] },
      nextReminderAt: '2026-12-02T09:00:00.000Z',
      nextReminderSession: '2026-12-03T15:00:00.000Z',
    });
  });

  it('asks for the new time when Moved comes without one, and records nothing', async () => {
    const { supervision, turn } = await pressRecord({ outcome: 'moved' });
    expect(turn.texts()).toEqual([
      'To record a moved session, choose the new date and time on the card, then press Moved.',
    ]);
    expect(await supervision.listRecords(COACH_ID)).toEqual([]);
  });

  it("refuses a schedule that is not the coach's (or was deleted)", async () => {
    const { commands, supervision } = setUp();
    const turn = recordedTurn(asCoach());
    await commands.record(turn, recordAction({ scheduleId: 'gone' }));
    expect(turn.texts()).toEqual([
      "I can't find that schedule among yours; it may have been deleted.",
    ]);
    expect(await supervision.listRecords(COACH_ID)).toEqual([]);
  });
});

describe("a schedule's buttons", () => {
  /** At 09:05 on 30 November, Remind me later on schedule-1, whose next reminder is `nextReminderAt`. */
  async function snoozeWithReminderAt(nextReminderAt: string) {
    const { commands, supervision, turn } = await withSchedule(
      storedFor(monthly(), { nextReminderAt }),
      '2026-11-30T09:05:00Z',
    );
    await commands.snooze(turn, 'schedule-1');
    return { supervision, turn };
  }

  it('Move next session shows the next session on a card to move it', async () => {
    const { commands, turn } = await withSchedule();
    await commands.moveNext(turn, 'schedule-1');
    const [card] = turn.cards();
    expect(textOf(card)).toContain('Next session: Coaching supervision (1:1)');
    expect(textOf(card)).toContain('Tue 1 Dec 2026 at 10:00 (60 minutes)');
    expect(buttonsOf(card).map((b) => b.data)).toContainEqual(
      expect.objectContaining({
        verb: 'supervision.record',
        outcome: 'moved',
        sessionStart: '2026-12-01T10:00:00.000Z',
      }),
    );
    expect(buttonsOf(card).map((b) => b.data.verb)).not.toContain('supervision.snooze');
  });

  it('Move next session says so when nothing is to come, or the schedule is not theirs', async () => {
    const { commands, turn } = await withSchedule(
      storedFor(monthly({ cadence: { type: 'one-off', dates: ['2026-11-03'] } })),
    );
    await commands.moveNext(turn, 'schedule-1');
    await commands.moveNext(turn, 'not-theirs');
    expect(turn.texts()).toEqual([
      'That schedule has no sessions to come.',
      "I can't find that schedule among yours.",
    ]);
  });

  it('Remind me later puts the reminder an hour on', async () => {
    const { supervision, turn } = await snoozeWithReminderAt('2026-12-01T09:00:00.000Z');
    expect(turn.texts()).toEqual(["OK, I'll remind you again in an hour."]);
    expect((await supervision.getSchedule(COACH_ID, 'schedule-1'))?.value).toMatchObject({
      nextReminderAt: '2026-11-30T10:05:00.000Z',
      nextReminderSession: '2026-12-01T10:00:00.000Z',
      nextReminderKind: 'before',
    });
  });

  it('Remind me later keeps a reminder that is due sooner than an hour anyway', async () => {
    const { supervision, turn } = await snoozeWithReminderAt('2026-11-30T09:30:00.000Z');
    expect(turn.texts()).toEqual(["OK, I'll remind you again in an hour."]);
    expect((await supervision.getSchedule(COACH_ID, 'schedule-1'))?.value.nextReminderAt).toBe(
      '2026-11-30T09:30:00.000Z',
    );
  });

  it('Pause stops the reminders, and Resume plans the next one again', async () => {
    const { commands, supervision, turn } = await withSchedule();
    await commands.pause(turn, 'schedule-1', true);
    expect((await supervision.getSchedule(COACH_ID, 'schedule-1'))?.value).toMatchObject({
      schedule: { paused: true },
      nextReminderAt: null,
    });
    await commands.pause(turn, 'schedule-1', false);
    expect((await supervision.getSchedule(COACH_ID, 'schedule-1'))?.value).toMatchObject({
      schedule: { paused: false },
      nextReminderAt: '2026-11-30T09:00:00.000Z',
    });
    await commands.pause(turn, 'not-theirs', true);
    expect(turn.texts()).toEqual([
      'Paused: Coaching supervision (1:1). No reminders until you resume it.',
      'Resumed: Coaching supervision (1:1).',
      "I can't find that schedule among yours.",
    ]);
  });

  it('Delete asks first; Yes removes the schedule and keeps the records of past sessions', async () => {
    const { commands, supervision, turn } = await withSchedule();
    await supervision.saveRecord(attended('2026-11-03T10:00:00.000Z'));
    await commands.remove(turn, 'schedule-1');
    const [confirm] = turn.cards();
    expect(textOf(confirm)).toContain('Delete this schedule?');
    expect(buttonsOf(confirm).map((b) => b.title)).toEqual(['Yes, delete it', 'No, keep it']);
    expect(await supervision.listSchedules(COACH_ID)).toHaveLength(1);

    const yes = recordedTurn(asCoach());
    await commands.removeConfirmed(yes, 'schedule-1');
    await commands.removeConfirmed(yes, 'schedule-1');
    expect(yes.texts()).toEqual([
      'Deleted that schedule. Records of past sessions are kept for your supervision hours.',
      "I can't find that schedule among yours; it may already have been deleted.",
    ]);
    expect(await supervision.listSchedules(COACH_ID)).toEqual([]);
    expect(await supervision.listRecords(COACH_ID)).toHaveLength(1);
  });

  it("Delete of a schedule that is not the coach's says so and deletes nothing", async () => {
    const { commands, supervision } = setUp();
    await supervision.saveSchedule(storedFor(monthly()));
    const turn = recordedTurn(asCoach());
    await commands.remove(turn, 'someone-elses-schedule');
    expect(turn.texts()).toEqual(["I can't find that schedule among yours."]);
    expect(await supervision.listSchedules(COACH_ID)).toHaveLength(1);
  });
});

describe('uninstalling the app', () => {
  it("pauses every one of the person's schedules, so no reminder goes into the void", async () => {
    const { commands, supervision } = setUp();
    await supervision.saveSchedule(storedFor(monthly()));
    await supervision.saveSchedule(
      storedFor(monthly({ scheduleId: 'schedule-2', paused: true }), { nextReminderAt: null }),
    );
    await supervision.saveSchedule(
      storedFor(monthly({ scheduleId: 'theirs', coachId: 'someone-else' })),
    );
    expect(await commands.pauseAllFor(COACH.aadObjectId.toUpperCase())).toBe(2);
    const schedules = await supervision.listSchedules(COACH_ID);
    expect(schedules.map((s) => [s.schedule.paused, s.nextReminderAt])).toEqual([
      [true, null],
      [true, null],
    ]);
    expect((await supervision.listSchedules('someone-else'))[0]?.schedule.paused).toBe(false);
  });
});

describe('my supervision', () => {
  it('shows the last session, the next one, the hours and each schedule', async () => {
    const { commands, supervision, turn } = await withSchedule();
    await supervision.saveSchedule(
      storedFor(monthly({ scheduleId: 'schedule-2', kind: 'clinical', paused: true })),
    );
    await supervision.saveRecord(attended('2026-11-03T10:00:00.000Z'));
    await supervision.saveRecord(attended('2026-10-06T09:00:00.000Z'));
    await commands.mine(turn);
    const [card] = turn.cards();
    expect(factsOf(card)).toEqual({
      'Last coaching supervision': 'Tue 3 Nov 2026 at 10:00',
      Next: 'Coaching supervision (1:1), Tue 1 Dec at 10:00',
      'Coaching supervision, last 12 months':
        '3 hours (expected: 12 to 24 hours, 1 to 2 hours a month)',
      'Coaching supervision (1:1)':
        '1 hour 30 minutes this month; 3 hours this year. Expected: 1 to 2 hours a month',
      'Coaching supervision (group)':
        '0 minutes this month; 0 minutes this year. Encouraged alongside 1:1 coaching supervision; no set amount',
      'Clinical supervision':
        '0 minutes this month; 0 minutes this year. No national figure: as agreed with your PCN',
      'Line management':
        '0 minutes this month; 0 minutes this year. No national figure: as agreed with your PCN',
    });
    const text = textOf(card);
    expect(text).not.toContain('No coaching supervision recorded in the last 6 weeks');
    expect(text).toContain('Monthly, first Tuesday, 10:00 · next 1 Dec');
    expect(text).toContain('Clinical supervision');
    expect(text).toContain(' · paused');
    expect(buttonsOf(card).filter((b) => b.title === 'Resume')).toHaveLength(1);
    expect(buttonsOf(card).filter((b) => b.title === 'Move next session')).toHaveLength(1);
  });

  it('says when coaching supervision is overdue, and when nothing is scheduled', async () => {
    const { commands } = setUp();
    const card = await cardSent(asCoach(), (turn) => commands.mine(turn));
    expect(factsOf(card)).toMatchObject({
      'Last coaching supervision': 'None recorded',
      Next: 'Nothing scheduled',
      'Coaching supervision, last 12 months':
        '0 minutes (expected: 12 to 24 hours, 1 to 2 hours a month)',
    });
    expect(textOf(card)).toContain(
      'No coaching supervision recorded in the last 6 weeks. Coaching supervision is expected monthly.',
    );
    expect(textOf(card)).toContain('No schedules yet.');
  });
});

describe("the leads' team view", () => {
  it('shows every coach in the PCN file, flagging who is overdue', async () => {
    const { commands, supervision } = setUp();
    await supervision.saveSchedule(storedFor(monthly()));
    await supervision.saveRecord(attended('2026-11-03T10:00:00.000Z'));
    const card = await cardSent(asLead(), (turn) => commands.team(turn));
    expect(textOf(card)).toContain('Overdue means none in the last 6 weeks.');
    expect(factsOf(containerWith(card, 'Jo Coach'))).toEqual({
      Last: 'Tue 3 Nov 2026 at 10:00',
      Next: 'Tue 1 Dec 2026 at 10:00',
      'Hours, 12 months': '1 hour 30 minutes',
    });
    expect(factsOf(containerWith(card, `${SECOND_COACH.name} (overdue)`))).toEqual({
      Last: 'None recorded',
      Next: 'Nothing scheduled',
      'Hours, 12 months': '0 minutes',
    });
  });
});
