import type { Activity } from 'botbuilder';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { BotReferrerNotifier } from '../../../src/bot/teams/referrer-notifier';
import { TeamsPersonalChat } from '../../../src/bot/teams/personal-chat';
import { TeamsConversationPoster } from '../../../src/bot/teams/team-conversation';
import { NOTHING_SENT, NOT_YOURS } from '../../../src/dialogs/referral/referral-case.service';
import type { StoredConversation } from '../../../src/domain/conversation';
import { pcnCodeOf } from '../../../src/domain/pcn-config';
import { sessionSaveSubmit } from '../../helpers/session-log-fixtures';
import { ReferralUpdateSender } from '../../../src/jobs/referral-update-sender';
import { createLogger } from '../../../src/logger';
import { CONTAINERS } from '../../../src/store/containers';
import type { MemoryConversationRepository } from '../../../src/store/memory/conversation.memory-repository';
import { CosmosReferralCaseRepository } from '../../../src/store/referral-case.cosmos-repository';
import { cardText } from '../../helpers/card-reading';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { FakeTeamsConnector } from '../../helpers/fake-teams-connector';
import { freshContainer } from '../../helpers/fresh-container';
import { examplePcn } from '../../helpers/pcn';
import { as, COACH, GP, LEAD, type Person } from '../../helpers/people';
import { buildTestBot, channelMessage, TENANT_ID } from '../../helpers/test-bot';
import { SENT_PRIVATELY } from '../../../src/bot/router';

/*
 * The whole loop on the embedded Cosmos-compatible store, with Teams played by the fake
 * connector: a GP sends a referral from the outcome card, the coach gets it in their 1:1 chat and
 * accepts it, a logged session moves it on, and the GP hears back once a day.
 */

const store = useEmbeddedDatabase('referral-loop');
let connector: FakeTeamsConnector;

beforeEach(async () => {
  connector = await new FakeTeamsConnector().start();
});

afterEach(async () => {
  await connector.stop();
});

const COACH_CHAT = 'a:coach-chat';
const GP_CHAT = 'a:gp-chat';
const TEAM_CHANNEL = '19:coaching-team@thread.tacv2';

function conversation(
  kind: StoredConversation['kind'],
  id: string,
  extra: Partial<StoredConversation> = {},
): StoredConversation {
  return {
    tenantId: TENANT_ID,
    conversationId: id,
    kind,
    serviceUrl: connector.url,
    active: true,
    updatedAt: '2026-11-01T00:00:00.000Z',
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id, tenantId: TENANT_ID },
      bot: { id: '28:bot', name: 'HWBC' },
    },
    ...extra,
  };
}

const adapter = () => new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

/** A bot on the embedded store whose 1:1 chats and channel posts go to the fake connector. */
async function loop(options: { channel?: boolean; cases?: CosmosReferralCaseRepository } = {}) {
  const cases =
    options.cases ??
    new CosmosReferralCaseRepository(
      await freshContainer(store.database, CONTAINERS.referralCases),
      3600,
    );
  let chats: TeamsPersonalChat | undefined;
  let conversations: MemoryConversationRepository | undefined;
  const pcn = examplePcn((raw) => {
    if (options.channel) {
      raw.referralLoop = { coachingTeamChannel: TEAM_CHANNEL };
    }
  });
  const bot = buildTestBot({
    database: store.database,
    pcn,
    referralCases: cases,
    personalChat: (c) => {
      conversations = c;
      chats = new TeamsPersonalChat(adapter(), '', c);
      return chats;
    },
    teamConversation: {
      send: (tenantId, conversationId, messages) =>
        new TeamsConversationPoster(adapter(), '', present(conversations)).send(
          tenantId,
          conversationId,
          messages,
        ),
    },
  });
  const known = present(conversations);
  await known.upsert(conversation('personal', COACH_CHAT, { userAadObjectId: COACH.aadObjectId }));
  await known.upsert(conversation('personal', GP_CHAT, { userAadObjectId: GP.aadObjectId }));
  await known.upsert(conversation('channel', TEAM_CHANNEL, { channelId: TEAM_CHANNEL }));
  const updates = new ReferralUpdateSender(
    {
      cases,
      pcnKey: pcnCodeOf(pcn),
      notifier: new BotReferrerNotifier(present(chats), pcn),
      clock: bot.clock,
      logger: createLogger('error', () => undefined),
    },
    60_000,
  );
  return { bot, cases, updates };
}

function present<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('set up by buildTestBot');
  }
  return value;
}

const complete = {
  verb: 'referral.form',
  redFlag: 'no',
  adult: 'yes',
  practice: 'Y00001',
  conditions: 'type-2-diabetes,weight',
  needs: 'behaviour',
  confidence: '2',
  pamLevel: 'not-measured',
  consent: 'yes',
};

/** The Send button's payload on the outcome card in `reply`. */
function sendButton(reply: Partial<Activity> | undefined): Record<string, unknown> {
  const match = /\{"verb":"referral\.send"[^}]*\}/.exec(cardText(reply));
  if (!match) {
    throw new Error('the outcome card should offer Send to the coaching team');
  }
  return JSON.parse(match[0]) as Record<string, unknown>;
}

const referenceIn = (text: string): string => {
  const found = /HC-[2-9][A-Z][2-9][A-Z]/.exec(text)?.[0];
  if (!found) {
    throw new Error(`no reference in ${text.slice(0, 200)}`);
  }
  return found;
};

const messagesTo = (conversationId: string) =>
  connector.messages.filter((m) => m.conversationId === conversationId);

const press = (bot: ReturnType<typeof buildTestBot>, who: Person, value: object, id: string) =>
  bot.send(as(who, { id, value }));

describe('a referral reaches the coaching team and the GP hears back', () => {
  it('GP sends, the coach accepts, a session is recorded, and the GP gets one update a day', async () => {
    const { bot, cases, updates } = await loop();
    bot.clock.set('2026-11-23T09:00:00Z');
    const [outcome] = await press(bot, GP, complete, 'gp-1');
    const send = sendButton(outcome);
    expect(JSON.stringify(send)).not.toMatch(/Dr Gee|type-2-diabetes/);

    const [sent] = await press(bot, GP, send, 'gp-2');
    const reference = referenceIn(cardText(sent));
    expect(cardText(sent)).toContain(
      `Put ${reference} in the clinical system task: it is the one link between the two.`,
    );
    // The coach of Y00001 has the case in their 1:1 chat, with the buttons to take it on.
    expect(messagesTo(COACH_CHAT)).toHaveLength(1);
    const teamCard = JSON.stringify(messagesTo(COACH_CHAT)[0]?.card);
    expect(teamCard).toContain(reference);
    expect(teamCard).toContain('Riverside Surgery (Y00001)');
    expect(teamCard).toContain('"verb":"referral.accept"');

    // Pressed again, or retried by Teams as a new activity: the same case, no second message.
    const [again] = await press(bot, GP, send, 'gp-3');
    expect(referenceIn(cardText(again))).toBe(reference);
    expect(messagesTo(COACH_CHAT)).toHaveLength(1);
    expect(
      await cases.listForReferrer(pcnCodeOf(bot.pcn), GP.aadObjectId.toLowerCase()),
    ).toHaveLength(1);

    // The GP cannot move it on; the coach can, once.
    const [refused] = await press(bot, GP, { verb: 'referral.accept', reference }, 'gp-4');
    expect(refused?.text).toBe(NOT_YOURS);
    bot.clock.set('2026-11-23T11:00:00Z');
    const [accepted] = await press(bot, COACH, { verb: 'referral.accept', reference }, 'c-1');
    expect(cardText(accepted)).toContain('Accepted by the coaching team');
    const [stale] = await press(bot, COACH, { verb: 'referral.accept', reference }, 'c-2');
    expect(cardText(stale)).toContain('Nothing changed: this referral is already at');

    // The coach logs the first session on the session log card, giving the reference.
    bot.clock.set('2026-11-23T15:00:00Z');
    const [logged] = await press(
      bot,
      COACH,
      sessionSaveSubmit({ date: '2026-11-23', referralRef: reference.toLowerCase() }),
      'c-log',
    );
    expect(logged?.text).toContain(`The referral ${reference} is now at "first session held"`);
    const [loggedAgain] = await press(
      bot,
      COACH,
      sessionSaveSubmit({ date: '2026-11-23', referralRef: reference }),
      'c-log-2',
    );
    expect(loggedAgain?.text).toContain(
      `The referral ${reference} is already past its first session`,
    );

    // One update for the day, with both changes, naming the reference and practice only.
    expect(await updates.runOnce()).toBe(1);
    expect(await updates.runOnce()).toBe(0);
    const toGp = messagesTo(GP_CHAT);
    expect(toGp).toHaveLength(1);
    const update = JSON.stringify(toGp[0]?.card);
    expect(update).toContain(`Referral ${reference} from Riverside Surgery (Y00001)`);
    expect(update).toContain('Accepted by the coaching team');
    expect(update).toContain('First session held');

    // A close later that day waits for the next day's update.
    const [closed] = await press(
      bot,
      COACH,
      { verb: 'referral.close', reference, outcome: 'goals-met' },
      'c-3',
    );
    expect(cardText(closed)).toContain('Closed: Goals met');
    expect(await updates.runOnce()).toBe(0);
    bot.clock.set('2026-11-24T09:00:00Z');
    expect(await updates.runOnce()).toBe(1);
    expect(messagesTo(GP_CHAT)).toHaveLength(2);
    expect(JSON.stringify(messagesTo(GP_CHAT)[1]?.card)).toContain('Closed: Goals met');

    // `my referrals` for the GP lists it, with the state it reached.
    const [mine] = await bot.send(as(GP, { id: 'gp-5', text: 'my referrals' }));
    expect(cardText(mine)).toContain(reference);
    expect(cardText(mine)).toContain('Closed');
  });

  it('goes to the coaching team channel when the PCN names one', async () => {
    const { bot } = await loop({ channel: true });
    const [outcome] = await press(bot, GP, complete, 'gp-1');
    const [sent] = await press(bot, GP, sendButton(outcome), 'gp-2');
    const reference = referenceIn(cardText(sent));
    expect(messagesTo(TEAM_CHANNEL)).toHaveLength(1);
    expect(JSON.stringify(messagesTo(TEAM_CHANNEL)[0]?.card)).toContain(reference);
    expect(messagesTo(COACH_CHAT)).toHaveLength(0);
  });

  it('sent from a channel, gives the reference in the GP’s 1:1 chat, not in the channel', async () => {
    const { bot } = await loop();
    const [outcome] = await press(bot, GP, complete, 'gp-1');
    const inChannel = channelMessage('', GP.id, false);
    const replies = await bot.send({
      ...inChannel,
      id: 'gp-2',
      from: GP,
      text: undefined,
      value: sendButton(outcome),
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain(SENT_PRIVATELY);
    expect(JSON.stringify(replies)).not.toMatch(/HC-[2-9][A-Z][2-9][A-Z]/);
    expect(JSON.stringify(messagesTo(GP_CHAT)[0])).toMatch(/Put HC-[2-9][A-Z][2-9][A-Z] in the/);
  });

  it('with storage unreachable, tells the GP nothing was sent and sends the team nothing', async () => {
    // A container that does not exist: every request to it fails, as when storage is down.
    const missing = new CosmosReferralCaseRepository(
      store.database.container('referralCasesMissing'),
      3600,
    );
    const { bot } = await loop({ cases: missing });
    const [outcome] = await press(bot, GP, complete, 'gp-1');
    const [reply] = await press(bot, GP, sendButton(outcome), 'gp-2');
    expect(reply?.text).toBe(NOTHING_SENT);
    expect(connector.messages).toHaveLength(0);
  });

  it('shows the lead a referral nobody accepted within two working days', async () => {
    const { bot } = await loop();
    bot.clock.set('2026-11-27T10:00:00Z');
    const [outcome] = await press(bot, GP, complete, 'gp-1');
    const [sent] = await press(bot, GP, sendButton(outcome), 'gp-2');
    const reference = referenceIn(cardText(sent));
    // Sent on Friday; Monday is one working day, Tuesday two.
    bot.clock.set('2026-11-30T10:00:00Z');
    const [monday] = await bot.send(as(LEAD, { id: 'l-1', text: 'my referrals' }));
    expect(cardText(monday)).toContain('None: every referral has been answered in time.');
    bot.clock.set('2026-12-01T10:00:00Z');
    const [tuesday] = await bot.send(as(LEAD, { id: 'l-2', text: 'my referrals' }));
    expect(cardText(tuesday)).toContain('Not accepted after 2 working days');
    expect(cardText(tuesday)).not.toContain('None: every referral has been answered in time.');
    expect(cardText(tuesday)).toContain(reference);
  });
});
