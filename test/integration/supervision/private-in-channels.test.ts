import type { Activity } from 'botbuilder';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { cardText } from '../../helpers/card-reading';
import { COACH, LEAD, type Person } from '../../helpers/people';
import { buildTestBot, channelMessage } from '../../helpers/test-bot';

const store = useEmbeddedDatabase('private-in-channels');

/** A channel message that @mentions the bot, from someone in the PCN file. */
function inChannel(person: Person, text: string): Partial<Activity> {
  return { ...channelMessage(text, person.id), from: person };
}

function pressInChannel(person: Person, value: Record<string, unknown>): Partial<Activity> {
  return { ...channelMessage('', person.id, false), text: undefined, from: person, value };
}

describe('personal and team data asked for in a channel go to the 1:1 chat', () => {
  it.each<[string, Person, Partial<Activity>, RegExp]>([
    ['my supervision', COACH, inChannel(COACH, 'my supervision'), /My supervision/i],
    ['my caseload', COACH, inChannel(COACH, 'my caseload'), /My caseload/],
    ['log a session', COACH, inChannel(COACH, 'log a session'), /Log a coaching session/],
    ['team supervision status', LEAD, inChannel(LEAD, 'team supervision status'), /Jo Coach/],
    [
      'the team status button',
      LEAD,
      pressInChannel(LEAD, { verb: 'supervision.team' }),
      /Jo Coach/,
    ],
    [
      'the my supervision button',
      COACH,
      pressInChannel(COACH, { verb: 'supervision.mine' }),
      /My supervision/,
    ],
    ['activity report', LEAD, inChannel(LEAD, 'activity report'), /Activity report/],
    ['my posts', LEAD, inChannel(LEAD, 'my posts'), /./],
    [
      'activity report for a quarter',
      LEAD,
      inChannel(LEAD, 'activity report Q3'),
      /Activity report/,
    ],
    ['my caseload for a month', COACH, inChannel(COACH, 'my caseload for November'), /My caseload/],
    [
      'my next supervision, asked',
      COACH,
      inChannel(COACH, 'when is my next supervision?'),
      /My supervision/i,
    ],
    [
      'supervision already had',
      COACH,
      inChannel(COACH, 'I had 90 minutes of group supervision yesterday'),
      /I read that as/,
    ],
    ['pausing reminders', COACH, inChannel(COACH, 'pause reminders until 5 January'), /eminders/],
    ['my referrals', COACH, inChannel(COACH, 'my referrals'), /eferral/],
    ['the team', LEAD, inChannel(LEAD, 'team'), /Jo Coach/],
    ['weekly digest off', COACH, inChannel(COACH, 'stop weekly digest'), /digest/i],
  ])('%s', async (_name, person, activity, privateContent) => {
    const bot = buildTestBot({ database: store.database });
    const replies = await bot.send(activity);
    expect(replies).toHaveLength(1);
    // Only the notice, naming the person it answers: no card, no link, nothing of the answer.
    expect(replies[0]?.text?.replace(/^<at>[^<]*<\/at> /, '')).toBe(
      "That's personal, so I've sent it to you in our 1:1 chat.",
    );
    expect(replies[0]?.attachments ?? []).toEqual([]);
    const [sent] = bot.personalChat.sent;
    expect(sent?.aadObjectId).toBe(person.aadObjectId);
    expect(JSON.stringify(sent?.messages)).toMatch(privateContent);
  });

  it('says it cannot answer there, and answers nothing, when the 1:1 chat cannot be opened', async () => {
    const bot = buildTestBot({ database: store.database });
    bot.personalChat.withoutApp.add(LEAD.aadObjectId.toLowerCase());
    const [reply] = await bot.send(inChannel(LEAD, 'team supervision status'));
    expect(reply?.text).toMatch(/couldn't open a 1:1 chat with you/);
    expect(reply?.attachments ?? []).toEqual([]);
  });

  it('answers in place in the 1:1 chat itself', async () => {
    const bot = buildTestBot({ database: store.database });
    const [reply] = await bot.send({ from: LEAD, text: 'team supervision status' });
    expect(cardText(reply)).toContain('Jo Coach');
    expect(bot.personalChat.sent).toEqual([]);
  });
});
