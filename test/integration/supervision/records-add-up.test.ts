import type { Activity } from 'botbuilder';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { cardText } from '../../helpers/card-reading';
import { as, COACH, SECOND_COACH } from '../../helpers/people';
import { buildTestBot } from '../../helpers/test-bot';

type TestBot = ReturnType<typeof buildTestBot>;

const store = useEmbeddedDatabase('records-add-up');

const COACH_ID = COACH.aadObjectId.toLowerCase();

/** The form's values for a schedule; each test changes what it needs. */
const formEntry = (overrides: Record<string, unknown> = {}) => ({
  verb: 'supervision.form',
  kind: 'coaching-group',
  cadenceType: 'monthly-nth-weekday',
  nth: '1',
  weekday: '2',
  startTime: '10:00',
  durationMinutes: '90',
  supervisor: 'Alex Supervisor',
  place: 'Teams call',
  ...overrides,
});

const record = (scheduleId: string, sessionStart: string, outcome: string, extra = {}) => ({
  verb: 'supervision.record',
  scheduleId,
  sessionStart,
  outcome,
  ...extra,
});

/** A bot on `now` where `person` has saved one schedule with the form; with its id. */
async function savedWithForm(
  now: string,
  entry: Record<string, unknown>,
  person = COACH,
): Promise<{ bot: TestBot; scheduleId: string }> {
  const bot = buildTestBot({ database: store.database });
  bot.clock.set(now);
  const before = new Set(
    (await bot.supervision.listSchedules(person.aadObjectId.toLowerCase())).map(
      (s) => s.schedule.scheduleId,
    ),
  );
  const [saved] = await bot.send(as(person, { value: formEntry(entry) }));
  expect(saved?.text).toMatch(/^Saved: /);
  const added = (await bot.supervision.listSchedules(person.aadObjectId.toLowerCase())).find(
    (s) => !before.has(s.schedule.scheduleId),
  );
  return { bot, scheduleId: added?.schedule.scheduleId ?? '' };
}

async function clearSchedules(bot: TestBot, coachId: string): Promise<void> {
  for (const { schedule } of await bot.supervision.listSchedules(coachId)) {
    await bot.supervision.deleteSchedule(coachId, schedule.scheduleId);
  }
}

const textOf = (reply: Partial<Activity> | undefined): string => reply?.text ?? cardText(reply);

describe('supervision records that add up', () => {
  afterEach(async () => {
    const bot = buildTestBot({ database: store.database });
    await clearSchedules(bot, COACH_ID);
    await clearSchedules(bot, SECOND_COACH.aadObjectId.toLowerCase());
  });

  it('counts a moved session once, whichever card Attended is pressed on', async () => {
    const { bot, scheduleId } = await savedWithForm('2026-11-20T12:00:00Z', {});
    // Tuesday 1 December, 10:00 (UTC in winter), moved to Thursday 3 December, 14:00.
    const planned = '2026-12-01T10:00:00.000Z';
    const [moved] = await bot.send(
      as(COACH, {
        value: record(scheduleId, planned, 'moved', {
          movedDate: '2026-12-03',
          movedTime: '14:00',
        }),
      }),
    );
    expect(moved?.text).toContain('moved to Thu 3 Dec 2026 at 14:00');

    bot.clock.set('2026-12-03T16:00:00Z');
    const [onNew] = await bot.send(
      as(COACH, { value: record(scheduleId, '2026-12-03T14:00:00.000Z', 'attended') }),
    );
    expect(onNew?.text).toContain('attended');
    const [onOld] = await bot.send(as(COACH, { value: record(scheduleId, planned, 'attended') }));
    expect(onOld?.text).toBe(
      'That session was moved to Thu 3 Dec 2026 at 14:00, so nothing was recorded from this card.',
    );

    const mine = (await bot.supervision.listRecords(COACH_ID)).filter(
      (r) => r.scheduleId === scheduleId,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ outcome: 'attended', durationMinutes: 90 });
    const [card] = await bot.send(as(COACH, { text: 'my supervision' }));
    expect(cardText(card)).toContain('1 hour 30 minutes');
    expect(cardText(card)).not.toContain('3 hours');
  });

  it('counts once a moved session recorded twice before this was fixed', async () => {
    // Sam has no records yet (the records of Jo's sessions in the tests above are kept).
    const { bot, scheduleId } = await savedWithForm('2026-11-20T12:00:00Z', {}, SECOND_COACH);
    await bot.send(
      as(SECOND_COACH, {
        value: record(scheduleId, '2026-12-01T10:00:00.000Z', 'moved', {
          movedDate: '2026-12-03',
          movedTime: '14:00',
        }),
      }),
    );
    // As the old code stored it: Attended on the new card under the new time, and on the old one.
    for (const sessionStart of ['2026-12-03T14:00:00.000Z', '2026-12-01T10:00:00.000Z']) {
      await bot.supervision.saveRecord({
        coachId: SECOND_COACH.aadObjectId.toLowerCase(),
        scheduleId,
        kind: 'coaching-group',
        sessionStart,
        outcome: 'attended',
        durationMinutes: 90,
        movedTo: null,
        recordedAt: '2026-12-03T16:00:00.000Z',
      });
    }
    bot.clock.set('2026-12-03T16:00:00Z');
    const [card] = await bot.send(as(SECOND_COACH, { text: 'my supervision' }));
    expect(cardText(card)).toContain(
      '1 hour 30 minutes (expected: 12 to 24 hours, 1 to 2 hours a month)',
    );
  });

  it('refuses Attended before the session has started', async () => {
    const { bot, scheduleId } = await savedWithForm('2026-11-20T12:00:00Z', {});
    const [reply] = await bot.send(
      as(COACH, { value: record(scheduleId, '2026-12-01T10:00:00.000Z', 'attended') }),
    );
    expect(reply?.text).toBe(
      'That session has not started yet (Tue 1 Dec 2026 at 10:00). Record it as attended once it has started.',
    );
    expect(
      (await bot.supervision.listRecords(COACH_ID)).filter((r) => r.scheduleId === scheduleId),
    ).toEqual([]);
  });

  it('refuses to move a session to a time that has passed', async () => {
    const { bot, scheduleId } = await savedWithForm('2026-11-20T12:00:00Z', {});
    const [reply] = await bot.send(
      as(COACH, {
        value: record(scheduleId, '2026-12-01T10:00:00.000Z', 'moved', {
          movedDate: '2026-11-19',
          movedTime: '10:00',
        }),
      }),
    );
    expect(reply?.text).toBe(
      'Thu 19 Nov 2026 at 10:00 has already passed. Choose a new date and time from now on, then press Moved.',
    );
    const after = await bot.supervision.getSchedule(COACH_ID, scheduleId);
    expect(after?.value.schedule.moves ?? []).toEqual([]);
  });

  it('refuses a schedule whose dates have all passed', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-20T12:00:00Z');
    const [reply] = await bot.send(
      as(COACH, {
        value: formEntry({ cadenceType: 'one-off', dates: '2026-11-02, 2026-11-19' }),
      }),
    );
    const text = textOf(reply);
    expect(text).toContain('Not saved.');
    expect(text).toContain(
      'Dates: 2 Nov 2026 and 19 Nov 2026 have passed. Enter dates from today on.',
    );
    expect(await bot.supervision.listSchedules(COACH_ID)).toEqual([]);
  });

  it('never shows a schedule saved before with every date past as next', async () => {
    const { bot, scheduleId } = await savedWithForm('2026-11-20T12:00:00Z', {
      cadenceType: 'one-off',
      dates: '2026-11-24',
    });
    bot.clock.set('2026-11-30T12:00:00Z');
    const [card] = await bot.send(as(COACH, { text: 'my supervision' }));
    expect(cardText(card)).toContain('"value":"Nothing scheduled"');
    expect(cardText(card)).toContain('next none · no sessions to come: change or delete it');
    expect(cardText(card)).not.toContain(`"verb":"supervision.move","scheduleId":"${scheduleId}"`);
  });

  it('keeps what was typed on the form and says what to fix in plain words', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-20T12:00:00Z');
    const [reply] = await bot.send(
      as(COACH, {
        value: formEntry({
          cadenceType: 'every-n-weeks',
          weeks: '',
          firstDate: 'next week',
          place: 'Room 4',
          durationMinutes: '',
        }),
      }),
    );
    const text = cardText(reply);
    expect(text).toContain('Enter the first date as day, month and year');
    expect(text).toContain('Enter how many weeks apart, from 1 to 12');
    expect(text).toContain('Enter how long it lasts in minutes, from 15 to 480');
    expect(text).not.toContain('Invalid');
    expect(text).not.toContain('expected');
    // The coach's own entries are still on the card.
    expect(text).toContain('"value":"Room 4"');
    expect(text).toContain('"value":"coaching-group"');
    expect(text).toContain('"value":"every-n-weeks"');
    expect(text).toContain('"value":"Alex Supervisor"');
  });

  it('a session that did not happen is no longer next, on my supervision or on Move', async () => {
    const { bot, scheduleId } = await savedWithForm('2026-11-20T12:00:00Z', {});
    const press = record(scheduleId, '2026-12-01T10:00:00.000Z', 'missed');
    // A session still to come is cancelled only once confirmed.
    const [confirm] = await bot.send(as(COACH, { value: press }));
    expect(cardText(confirm)).toContain('Cancel this session?');
    expect(
      (await bot.supervision.listRecords(COACH_ID)).filter((r) => r.scheduleId === scheduleId),
    ).toEqual([]);
    const [no] = await bot.send(as(COACH, { value: { verb: 'supervision.keep' } }));
    expect(no?.text).toBe('OK, kept.');
    const [missed] = await bot.send(as(COACH, { value: { ...press, confirmed: 'yes' } }));
    expect(missed?.text).toBe(
      "Recorded: Coaching supervision (group) on Tue 1 Dec 2026 at 10:00 didn't happen.",
    );
    const [card] = await bot.send(as(COACH, { text: 'my supervision' }));
    expect(cardText(card)).toContain('Coaching supervision (group), Tue 5 Jan at 10:00');
    expect(cardText(card)).toContain('next 5 Jan');
    const [move] = await bot.send(as(COACH, { value: { verb: 'supervision.move', scheduleId } }));
    expect(cardText(move)).toContain('Tue 5 Jan 2027 at 10:00');
  });

  it('refuses a typed schedule whose dates have passed, before and after the confirm card', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.clock.set('2026-11-20T12:00:00Z');
    const [reply] = await bot.send(
      as(COACH, { text: 'clinical supervision on 2026-11-02 at 10:00' }),
    );
    expect(reply?.text).toMatch(/^2 Nov 2026 has passed\. Enter dates from today on\./);
    const [saved] = await bot.send(
      as(COACH, {
        value: {
          verb: 'supervision.save',
          schedule: JSON.stringify({
            kind: 'clinical',
            cadence: { type: 'one-off', dates: ['2026-11-02'] },
            startTime: '10:00',
            durationMinutes: 60,
          }),
        },
      }),
    );
    expect(saved?.text).toMatch(/^Not saved\. 2 Nov 2026 has passed\./);
    expect(await bot.supervision.listSchedules(COACH_ID)).toEqual([]);
  });

  it("says another coach's schedule was not found when asked to delete it, and keeps it", async () => {
    const { bot, scheduleId } = await savedWithForm('2026-11-20T12:00:00Z', {}, SECOND_COACH);
    for (const verb of ['supervision.delete', 'supervision.deleteConfirmed']) {
      const [reply] = await bot.send(as(COACH, { value: { verb, scheduleId } }));
      expect(reply?.text).not.toMatch(/Deleted/);
      expect(reply?.text).toMatch(/can't find that schedule among yours/);
    }
    expect(
      await bot.supervision.getSchedule(SECOND_COACH.aadObjectId.toLowerCase(), scheduleId),
    ).toBeDefined();
  });
});
