import { SupervisionCommands } from '../../../src/dialogs/supervision/supervision.service';
import type { Reply } from '../../../src/dialogs/feature-turn';
import { fixedClock } from '../../../src/domain/clock';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import { MemorySupervisionRepository } from '../../../src/store/memory/supervision.memory-repository';
import { buttonsOf, textOf } from '../../helpers/card-content';
import { examplePcn } from '../../helpers/pcn';
import { COACH } from '../../helpers/people';
import { asCoach, recordedTurn, TENANT } from '../../helpers/recorded-turn';
import { testSchedule } from '../../helpers/supervision-fixtures';

const COACH_ID = COACH.aadObjectId.toLowerCase();

async function setUp() {
  const supervision = new MemorySupervisionRepository();
  await supervision.saveSchedule({
    schedule: testSchedule({
      scheduleId: 'schedule-1',
      coachId: COACH_ID,
      moves: [{ from: '2026-12-01T10:00:00.000Z', to: '2026-12-03T14:00:00.000Z' }],
    }),
    tenantId: TENANT,
    nextReminderAt: null,
    nextReminderSession: null,
    nextReminderKind: null,
  });
  const commands = new SupervisionCommands({
    supervision,
    pcn: examplePcn(),
    clock: fixedClock('2026-12-03T16:00:00Z'),
    holidays: englandAndWalesBankHolidays(),
    overdueWeeks: 6,
  });
  const updated: Array<Exclude<Reply, string>> = [];
  const turn = Object.assign(recordedTurn(asCoach()), {
    updateCard: (reply: Exclude<Reply, string>) => {
      updated.push(reply);
      return Promise.resolve(true);
    },
  });
  return { commands, turn, updated };
}

describe('a reminder card after a choice', () => {
  it('is replaced by what was recorded, with no recording buttons left', async () => {
    const { commands, turn, updated } = await setUp();
    await commands.record(turn, {
      verb: 'supervision.record',
      scheduleId: 'schedule-1',
      sessionStart: '2026-12-03T14:00:00.000Z',
      outcome: 'attended',
    });
    const card = updated[0]?.attachments[0]?.content;
    expect(textOf(card)).toContain('Recorded: Coaching supervision (1:1)');
    expect(textOf(card)).toContain('Attended');
    expect(buttonsOf(card).map((b) => b.title)).toEqual(['My supervision']);
  });

  it("on a moved session's old card, says where it moved, and records nothing", async () => {
    const { commands, turn, updated } = await setUp();
    await commands.record(turn, {
      verb: 'supervision.record',
      scheduleId: 'schedule-1',
      sessionStart: '2026-12-01T10:00:00.000Z',
      outcome: 'attended',
    });
    expect(textOf(updated[0]?.attachments[0]?.content)).toContain(
      'Moved to Thu 3 Dec 2026 at 14:00',
    );
    expect(turn.texts()).toEqual([
      'That session was moved to Thu 3 Dec 2026 at 14:00, so nothing was recorded from this card.',
    ]);
  });
});
