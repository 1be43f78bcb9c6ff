import { cardText } from '../../helpers/card-reading';
import { FakeTeamsConnector } from '../../helpers/fake-teams-connector';
import { personalMessage, postActivity, TEST_TENANT } from '../../helpers/http-activities';
import { waitUntil, within } from '../../helpers/waiting';
import { LEAD } from '../../helpers/people';
import { startBot, type RunningBot } from '../../helpers/processes';

let bot: RunningBot;
let fake: FakeTeamsConnector;

beforeAll(async () => {
  fake = await new FakeTeamsConnector().start();
  bot = await startBot({ BROADCAST_POLL_MS: '100' });
});

afterAll(async () => {
  await bot.stop();
  await fake.stop();
});

/** The bot mentioned in a channel whose connector is the fake: that channel is now known. */
function channelMention(
  team: { id: string; name: string },
  channel: { id: string; name: string },
): Record<string, unknown> {
  return {
    ...personalMessage({ text: '<at>HWBC Assistant</at> help' }, '29:someone', channel.id),
    serviceUrl: fake.url,
    conversation: { id: channel.id, conversationType: 'channel', tenantId: TEST_TENANT },
    channelData: { tenant: { id: TEST_TENANT }, team, channel },
    entities: [
      {
        type: 'mention',
        mentioned: { id: '28:bot', name: 'HWBC Assistant' },
        text: '<at>HWBC Assistant</at>',
      },
    ],
  };
}

const asLead = (input: { text?: string; value?: Record<string, unknown> }) => ({
  ...personalMessage(input, LEAD.id, 'a:lead-chat'),
  from: LEAD,
  serviceUrl: fake.url,
});

/** The lead posts the comparison card to one channel now; resolves with the status card's text. */
async function postCompareCardTo(channelId: string): Promise<string> {
  await postActivity(bot.url, asLead({ text: 'post role cards' }));
  return previewAndPost(channelId);
}

/** On the compose card, the lead previews the comparison card for one channel now, then presses Post. */
async function previewAndPost(channelId: string): Promise<string> {
  const preview = (
    await postActivity(
      bot.url,
      asLead({
        value: {
          verb: 'broadcast.preview',
          cards: 'compare',
          channels: channelId,
          when: 'now',
          repeat: '1',
        },
      }),
    )
  ).replies;
  const draftId = /"draftId":"([^"]+)"/.exec(cardText(preview.at(-1)))?.[1] ?? '';
  const confirmed = (
    await postActivity(bot.url, asLead({ value: { verb: 'broadcast.confirm', draftId } }))
  ).replies;
  return cardText(confirmed[0]);
}

const csvUrlOf = (statusCard: string): string =>
  /"url":"(http[^"]+deliveries\.csv[^"]+)"/.exec(statusCard)?.[1] ?? '';

describe('a lead posts over the real server, and downloads the delivery report', () => {
  it('posts to the channel, and the CSV link works only as signed', async () => {
    const channelActivity = channelMention(
      { id: '19:team@thread.tacv2', name: 'Riverside PCN' },
      { id: '19:general@thread.tacv2', name: 'General' },
    );
    expect((await postActivity(bot.url, channelActivity)).status).toBe(200);

    const compose = (await postActivity(bot.url, asLead({ text: 'post role cards' }))).replies;
    expect(cardText(compose[0])).toContain('Riverside PCN › General');
    const status = await previewAndPost('19:general@thread.tacv2');
    expect(status).toContain('Download report (CSV)');

    await within(fake.postsArrived(1), 45_000, 'the post to arrive');
    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]).toMatchObject({
      channelId: '19:general@thread.tacv2',
      title: 'Coach, link worker or care coordinator?',
    });

    const csvUrl = csvUrlOf(status);
    expect(csvUrl.startsWith(bot.url)).toBe(true);
    await waitUntil(
      async () => (await (await fetch(csvUrl)).text()).includes(',sent,'),
      45_000,
      'the report to show the post as sent',
    );
    const response = await fetch(csvUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="channel-posts-/,
    );
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('team,channel,card,scheduled_for_utc,status,attempts,sent_at_utc,error');
    expect(lines[1]).toMatch(
      /^Riverside PCN,General,"?Coach, link worker or care coordinator\?"?,.*,sent,1,/,
    );

    const forged = new URL(csvUrl);
    forged.searchParams.set('u', 'someone-else');
    expect((await fetch(forged)).status).toBe(403);
    const unsigned = new URL(csvUrl);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);
  });
});

describe('the delivery report is safe to open in a spreadsheet', () => {
  it('neutralises a channel and a team named like formulas, through the real signed link', async () => {
    const channelName = '=HYPERLINK("http://evil","x")';
    const teamName = '@SUM(A1)';
    const mention = channelMention(
      { id: '19:formula-team@thread.tacv2', name: teamName },
      { id: '19:formula@thread.tacv2', name: channelName },
    );
    expect((await postActivity(bot.url, mention)).status).toBe(200);

    const status = await postCompareCardTo('19:formula@thread.tacv2');
    const csvUrl = csvUrlOf(status);
    expect(csvUrl.startsWith(bot.url)).toBe(true);
    await within(
      fake.postsArrived(1, (p) => p.channelId === '19:formula@thread.tacv2'),
      45_000,
      'the post to the formula-named channel',
    );

    const response = await fetch(csvUrl);
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('team,channel,card,scheduled_for_utc,status,attempts,sent_at_utc,error');
    // Each cell starts with a single quote, so no spreadsheet reads it as a formula; the
    // channel's quotes and comma are RFC 4180 quoted.
    expect(lines[1]).toMatch(/^'@SUM\(A1\),"'=HYPERLINK\(""http:\/\/evil"",""x""\)",/);
    expect(lines.filter((line) => /(^|,)[=@+-]/.test(line))).toEqual([]);
  });
});
