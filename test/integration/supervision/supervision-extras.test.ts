import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { cardText } from '../../helpers/card-reading';
import { as, COACH, GP, LEAD, SECOND_COACH } from '../../helpers/people';
import { buildTestBot } from '../../helpers/test-bot';

type TestBot = ReturnType<typeof buildTestBot>;

const store = useEmbeddedDatabase('supervision-extras');

/** The draft id a card's button carries. */
const draftIdOf = (text: string): string | undefined =>
  /"draftId":"([0-9a-f-]{36})"/.exec(text)?.[1];

async function clearSchedules(bot: TestBot, coachId: string): Promise<void> {
  for (const { schedule } of await bot.supervision.listSchedules(coachId)) {
    await bot.supervision.deleteSchedule(coachId, schedule.scheduleId);
  }
}

describe('supervision that was not scheduled', () => {
  it('records it from the form once, keeps the form on a future date, and counts the hours', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-23T12:00:00Z');
    const [form] = await bot.send(as(SECOND_COACH, { value: { verb: 'supervision.past' } }));
    expect(cardText(form)).toContain("Record supervision that wasn't scheduled");
    const draftId = draftIdOf(cardText(form));
    const entry = {
      verb: 'supervision.recordPast',
      draftId,
      kind: 'coaching-group',
      date: '2026-11-22',
      durationMinutes: '90',
    };
    const [future] = await bot.send(
      as(SECOND_COACH, { value: { ...entry, date: '2026-11-24', durationMinutes: '' } }),
    );
    expect(cardText(future)).toContain('Date: Enter a date that is today or earlier.');
    expect(cardText(future)).toContain('Minutes: Enter how long it lasted in minutes');
    expect(cardText(future)).toContain('"value":"coaching-group"');

    const [first] = await bot.send(as(SECOND_COACH, { value: entry }));
    expect(first?.text).toBe(
      'Recorded: Coaching supervision (group), 1 hour 30 minutes on Sunday 22 November 2026. It counts towards your supervision hours.',
    );
    await bot.send(as(SECOND_COACH, { value: entry }));
    const records = await bot.supervision.listRecords(SECOND_COACH.aadObjectId.toLowerCase());
    expect(records.filter((r) => r.kind === 'coaching-group')).toHaveLength(1);
    const [mine] = await bot.send(as(SECOND_COACH, { text: 'my supervision' }));
    expect(cardText(mine)).toContain('1 hour 30 minutes this month; 1 hour 30 minutes this year');
  });
});

describe('pausing reminders until a date', () => {
  afterEach(async () => {
    await clearSchedules(buildTestBot({ database: store.database }), COACH.aadObjectId);
  });

  it('plans no reminder before the date, then resumes on it, and says so on my supervision', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-23T12:00:00Z');
    await bot.send(
      as(COACH, {
        value: {
          verb: 'supervision.form',
          kind: 'coaching-one-to-one',
          cadenceType: 'monthly-nth-weekday',
          nth: '1',
          weekday: '2',
          startTime: '10:00',
          durationMinutes: '60',
        },
      }),
    );
    const [past] = await bot.send(
      as(COACH, { value: { verb: 'supervision.pauseUntil', until: '2026-11-23' } }),
    );
    expect(past?.text).toBe('Choose a date after today for your reminders to start again.');
    const press = as(COACH, { value: { verb: 'supervision.pauseUntil', until: '2027-01-05' } });
    const [paused] = await bot.send(press);
    await bot.send(press);
    expect(paused?.text).toBe(
      'Reminders paused until Tuesday 5 January 2027. You will get none for sessions before then; they start again by themselves on that date.',
    );
    const [stored] = await bot.supervision.listSchedules(COACH.aadObjectId);
    // No reminders for 1 December; the 5 January session's come as usual (the working day before).
    expect(stored).toMatchObject({
      schedule: { pausedUntil: '2027-01-05' },
      nextReminderAt: '2027-01-04T09:00:00.000Z',
      nextReminderSession: '2027-01-05T10:00:00.000Z',
    });
    const [mine] = await bot.send(as(COACH, { text: 'my supervision' }));
    expect(cardText(mine)).toContain('Reminders are paused until Tuesday 5 January 2027.');

    // Typed as a coach says it, the same: the day after "until" is the next one to come.
    const [typed] = await bot.send(
      as(COACH, { text: 'please pause my reminders until 12 January' }),
    );
    expect(typed?.text).toMatch(/^Reminders paused until Tuesday 12 January 2027\./);
    const [unclear] = await bot.send(as(COACH, { text: 'pause reminders until I am back' }));
    expect(unclear?.text).toMatch(/^I couldn't tell the date your reminders should start again/);
  });
});

describe("the lead's Nudge", () => {
  it('sends the overdue coach one friendly reminder a day, in their own chat', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-25T12:00:00Z');
    const [team] = await bot.send(as(LEAD, { text: 'team supervision status' }));
    expect(cardText(team)).toContain('"verb":"supervision.nudge"');
    const press = as(LEAD, {
      value: { verb: 'supervision.nudge', coachId: SECOND_COACH.aadObjectId.toLowerCase() },
    });
    const [first] = await bot.send(press);
    const [second] = await bot.send(press);
    expect(first?.text).toBe("I've sent Sam Okoro a friendly reminder in their chat with me.");
    expect(second?.text).toBe('Sam Okoro has already had a reminder today.');
    const toCoach = bot.personalChat.sent.filter(
      (m) => m.aadObjectId === SECOND_COACH.aadObjectId.toLowerCase(),
    );
    expect(toCoach).toHaveLength(1);
    expect(JSON.stringify(toCoach[0]?.messages)).toContain('A friendly reminder from your PCN');

    const [coachTries] = await bot.send(as(COACH, { value: press.value }));
    expect(coachTries?.text).toMatch(/for PCN leads/);
    const [gpTries] = await bot.send(as(GP, { value: press.value }));
    expect(gpTries?.text).toMatch(/for PCN leads/);
  });
});
