import type { Activity } from 'botbuilder';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { cardText } from '../../helpers/card-reading';
import { as, COACH } from '../../helpers/people';
import { buildTestBot, channelMessage } from '../../helpers/test-bot';

const store = useEmbeddedDatabase('typed-as-said');

/** A bot at 09:00 on Wednesday 2 December 2026. */
function botOnWednesday(): ReturnType<typeof buildTestBot> {
  const bot = buildTestBot({ database: store.database });
  bot.clock.set('2026-12-02T09:00:00Z');
  return bot;
}

/** The schedule a confirm card's Save button would send. */
function savedSchedule(card: Partial<Activity> | undefined): Record<string, unknown> {
  const json =
    /"verb":"supervision.save","schedule":"((?:[^"\\]|\\.)*)"/.exec(cardText(card))?.[1] ?? '';
  return JSON.parse(JSON.parse(`"${json}"`) as string) as Record<string, unknown>;
}

describe('a coach typing supervision in their own words gets a card to confirm', () => {
  it.each([
    [
      'group supervision every 4 weeks on Thursdays 2pm',
      ['Coaching supervision (group)', 'Thursday 3 December 2026 at 14:00'],
    ],
    [
      '1:1 with my line manager next Friday 9:30',
      ['Line management', 'Friday 11 December 2026 at 09:30'],
    ],
    [
      'my coaching supervision is monthly on the first Tuesday at 10',
      ['Coaching supervision (1:1)', 'Tuesday 5 January 2027 at 10:00'],
    ],
    [
      'clinical supervision on 12/01/2027 at 10',
      ['Clinical supervision', 'Tuesday 12 January 2027 at 10:00'],
    ],
  ])('"%s"', async (text, shown) => {
    const bot = botOnWednesday();
    const [confirm] = await bot.send(as(COACH, { text }));
    for (const words of shown) {
      expect(cardText(confirm)).toContain(words);
    }
  });

  it('a start date is kept: no session before 10 December, and the card saves it so', async () => {
    const bot = botOnWednesday();
    const [confirm] = await bot.send(
      as(COACH, { text: 'clinical supervision every 4 weeks on Thursday 2pm starting 2026-12-10' }),
    );
    expect(cardText(confirm)).toContain('Thursday 10 December 2026 at 14:00');
    expect(cardText(confirm)).not.toContain('3 December');
    expect(savedSchedule(confirm)).toMatchObject({
      cadence: { type: 'every-n-weeks', weeks: 4, firstDate: '2026-12-10' },
    });
  });
});

describe('a monthly schedule with a start date', () => {
  it('starts no earlier than the date, on the card, in storage and in the reply to Save', async () => {
    const bot = botOnWednesday();
    const [confirm] = await bot.send(
      as(COACH, {
        text: 'coaching supervision monthly on the first Tuesday at 10am starting 12/01/2027',
      }),
    );
    expect(cardText(confirm)).toContain('Tuesday 2 February 2027 at 10:00');
    expect(cardText(confirm)).not.toContain('5 January 2027');
    const draftId = /"draftId":"([0-9a-f-]{36})"/.exec(cardText(confirm))?.[1];
    const [saved] = await bot.send(
      as(COACH, {
        value: {
          verb: 'supervision.save',
          schedule: JSON.stringify(savedSchedule(confirm)),
          draftId,
        },
      }),
    );
    expect(saved?.text).toMatch(
      /^Saved: Coaching supervision \(1:1\), Monthly, first Tuesday from 12 Jan 2027, 10:00\. Next: Tuesday 2 February at 10:00/,
    );
    const stored = (await bot.supervision.listSchedules(COACH.aadObjectId)).find(
      (s) => s.schedule.scheduleId === draftId,
    );
    expect(stored?.schedule.cadence).toEqual({
      type: 'monthly-nth-weekday',
      nth: 1,
      weekday: 2,
      startDate: '2027-01-12',
    });
    await bot.supervision.deleteSchedule(COACH.aadObjectId, draftId ?? '');
  });
});

describe('supervision that already happened, typed', () => {
  it('says back what it read, shows it on the form, and records it once when Record it is pressed', async () => {
    const bot = botOnWednesday();
    const [said, form] = await bot.send(
      as(COACH, { text: 'I had 90 minutes of group supervision yesterday' }),
    );
    expect(said?.text).toBe(
      'I read that as: Coaching supervision (group), Tuesday 1 December 2026, 1 hour 30 minutes. Check it on the card and press Record it.',
    );
    const before = await bot.supervision.listRecords(COACH.aadObjectId.toLowerCase());
    const card = JSON.stringify(form?.attachments?.[0]?.content);
    expect(card).toContain('"value":"coaching-group"');
    expect(card).toContain('"value":"2026-12-01"');
    const draftId = /"verb":"supervision.recordPast","draftId":"([^"]+)"/.exec(card)?.[1];
    expect(draftId).toBeDefined();
    const submit = {
      verb: 'supervision.recordPast',
      draftId,
      kind: 'coaching-group',
      date: '2026-12-01',
      durationMinutes: '90',
    };
    const [recorded] = await bot.send(as(COACH, { id: 'past-1', value: submit }));
    expect(recorded?.text).toMatch(/^Recorded: Coaching supervision \(group\), 1 hour 30 minutes/);
    await bot.send(as(COACH, { id: 'past-2', value: submit }));
    const after = await bot.supervision.listRecords(COACH.aadObjectId.toLowerCase());
    expect(after.length - before.length).toBe(1);
  });

  it('asks for what it could not tell', async () => {
    const bot = botOnWednesday();
    const [reply] = await bot.send(as(COACH, { text: 'I had group supervision' }));
    expect(reply?.text).toMatch(/^I couldn't tell the day .*, or how long it lasted/);
  });

  it('refuses a day still to come', async () => {
    const bot = botOnWednesday();
    const [reply] = await bot.send(
      as(COACH, { text: 'I had an hour of clinical supervision on 12/01/2027' }),
    );
    expect(reply?.text).toMatch(/^Tuesday 12 January 2027 is still to come/);
  });

  it('answers in the 1:1 chat when asked in a channel', async () => {
    const bot = botOnWednesday();
    const replies = await bot.send({
      ...channelMessage('I had 90 minutes of group supervision yesterday', COACH.id),
      from: COACH,
    });
    expect(replies.map((r) => r.text?.replace(/^<at>[^<]*<\/at> /, ''))).toEqual([
      "That's personal, so I've sent it to you in our 1:1 chat.",
    ]);
    expect(JSON.stringify(bot.personalChat.sent[0]?.messages)).toMatch(/I read that as/);
  });
});

describe('coach commands said politely or misspelt reach their feature', () => {
  it.each([
    ['can you show me my caseload please', /My caseload/],
    ['I want to log a session', /Log a coaching session/],
    ['when is my next supervision?', /My supervision/i],
    ['supervison', /My supervision/i],
  ])('"%s"', async (text, shown) => {
    const bot = botOnWednesday();
    const [reply] = await bot.send(as(COACH, { text }));
    expect(cardText(reply)).toMatch(shown);
  });
});
