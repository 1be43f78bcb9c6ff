import { SupervisionCommands } from '../../../src/dialogs/supervision/supervision.service';
import { fixedClock } from '../../../src/domain/clock';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import { MemorySupervisionRepository } from '../../../src/store/memory/supervision.memory-repository';
import { buttonsOf, linksOf, textOf } from '../../helpers/card-content';
import { examplePcn } from '../../helpers/pcn';
import { COACH } from '../../helpers/people';
import { asCoach, asLead, recordedTurn, TENANT } from '../../helpers/recorded-turn';
import { testSchedule } from '../../helpers/supervision-fixtures';

const COACH_ID = COACH.aadObjectId.toLowerCase();
const HOW = 'Open the file and choose Add to calendar in Outlook.';

/** A link that shows what it was made for; the signing is DownloadLinks' (tested over HTTP). */
const calendar = {
  supervisionCalendar: (scheduleId: string, key: string, user: string) =>
    `https://bot.example.test/calendar/supervision/${scheduleId}/${key}/supervision.ics?u=${user}`,
};
const linkFor = (scheduleId: string, key: string) =>
  calendar.supervisionCalendar(scheduleId, key, COACH_ID);

/** Jo Coach's monthly supervision (first Tuesday, 10:00) saved, on Tuesday 10 November 2026. */
async function setUp(withLinks = true) {
  const supervision = new MemorySupervisionRepository();
  const commands = new SupervisionCommands({
    supervision,
    pcn: examplePcn(),
    clock: fixedClock('2026-11-10T12:00:00Z'),
    holidays: englandAndWalesBankHolidays(),
    overdueWeeks: 6,
    ...(withLinks ? { calendar } : {}),
  });
  await supervision.saveSchedule({
    schedule: testSchedule({ scheduleId: 'schedule-1', coachId: COACH_ID }),
    tenantId: TENANT,
    nextReminderAt: '2026-11-30T09:00:00.000Z',
    nextReminderSession: '2026-12-01T10:00:00.000Z',
    nextReminderKind: 'before',
  });
  return { supervision, commands, turn: recordedTurn(asCoach()) };
}

describe('Add to calendar', () => {
  it('"my supervision" has an Add to calendar link for each schedule, and says how', async () => {
    const { commands, turn } = await setUp();
    await commands.mine(turn);
    const [card] = turn.cards();
    expect(linksOf(card)).toEqual([
      { title: 'Add to calendar', url: linkFor('schedule-1', 's20261201T1000') },
    ]);
    expect(textOf(card)).toContain(
      'Add to calendar: open the file and choose Add to calendar in Outlook.',
    );
  });

  it('without calendar links, "my supervision" offers none', async () => {
    const { commands, turn } = await setUp(false);
    await commands.mine(turn);
    expect(linksOf(turn.cards()[0])).toEqual([]);
  });

  it('a schedule saved from the form is followed by its calendar card', async () => {
    const { commands, turn } = await setUp();
    await commands.saveForm(turn, {
      verb: 'supervision.form',
      draftId: '6f1c2b0e-3d4a-4c5b-9e8f-7a6b5c4d3e2f',
      kind: 'clinical',
      cadenceType: 'every-n-weeks',
      weeks: '2',
      firstDate: '2026-11-12',
      startTime: '14:30',
      durationMinutes: '45',
      supervisor: 'Dr Lee',
      place: 'Room 2',
      reminders: '60',
    });
    expect(turn.texts()[0]).toMatch(/^Saved: Clinical supervision/);
    const [card] = turn.cards();
    expect(textOf(card)).toContain('Add clinical supervision to your calendar');
    expect(textOf(card)).toContain(HOW);
    expect(linksOf(card)).toEqual([
      {
        title: 'Add to calendar',
        url: linkFor('6f1c2b0e-3d4a-4c5b-9e8f-7a6b5c4d3e2f', 's20261112T1430'),
      },
    ]);
    expect(buttonsOf(card).map((b) => b.data)).toEqual([{ verb: 'supervision.mine' }]);
  });

  it('a schedule saved from the confirm card is followed by its calendar card, one-off dates and all', async () => {
    const { commands, turn } = await setUp();
    await commands.save(turn, {
      verb: 'supervision.save',
      draftId: '0c6a8f3e-2b1d-4e5f-9a7b-8c9d0e1f2a3b',
      schedule: JSON.stringify({
        kind: 'line-management',
        cadence: { type: 'one-off', dates: ['2027-01-12', '2026-12-15'] },
        startTime: '11:00',
        durationMinutes: 60,
      }),
    });
    expect(turn.texts()[0]).toMatch(/^Saved: Line management/);
    const [card] = turn.cards();
    expect(textOf(card)).toContain('Add line management to your calendar');
    expect(linksOf(card)).toEqual([
      {
        title: 'Add to calendar',
        url: linkFor('0c6a8f3e-2b1d-4e5f-9a7b-8c9d0e1f2a3b', 'd20261215T1100_20270112T1100'),
      },
    ]);
  });

  it('a moved session is followed by the calendar card for the schedule with the move', async () => {
    const { commands, turn } = await setUp();
    await commands.record(turn, {
      verb: 'supervision.record',
      scheduleId: 'schedule-1',
      sessionStart: '2026-12-01T10:00:00.000Z',
      outcome: 'moved',
      movedDate: '2026-12-03',
      movedTime: '15:00',
    });
    expect(turn.texts()[0]).toMatch(/moved to Thu 3 Dec 2026 at 15:00/);
    expect(linksOf(turn.cards()[0])).toEqual([
      { title: 'Add to calendar', url: linkFor('schedule-1', 's20261201T1000') },
    ]);
  });

  it('a deleted schedule is followed by a Remove from calendar card naming its events', async () => {
    const { commands, turn } = await setUp();
    await commands.removeConfirmed(turn, 'schedule-1');
    const [card] = turn.cards();
    expect(textOf(card)).toContain(
      'If you added it to your calendar, open the file and choose Remove from calendar in Outlook.',
    );
    expect(linksOf(card)).toEqual([
      { title: 'Remove from calendar', url: linkFor('schedule-1', 's20261201T1000') },
    ]);
  });

  it.each(['channel', 'groupChat'] as const)(
    'sends no calendar link in a %s, where anyone could open it',
    async (conversationKind) => {
      const { commands } = await setUp();
      const shared = recordedTurn(asCoach({ conversationKind }));
      await commands.record(shared, {
        verb: 'supervision.record',
        scheduleId: 'schedule-1',
        sessionStart: '2026-12-01T10:00:00.000Z',
        outcome: 'moved',
        movedDate: '2026-12-03',
        movedTime: '15:00',
      });
      await commands.removeConfirmed(shared, 'schedule-1');
      expect(shared.texts()).toHaveLength(2);
      expect(shared.cards()).toEqual([]);
    },
  );

  it("deleting someone else's schedule sends no calendar card", async () => {
    const { commands } = await setUp();
    const other = recordedTurn(asLead());
    await commands.removeConfirmed(other, 'schedule-1');
    expect(other.cards()).toEqual([]);
  });
});
