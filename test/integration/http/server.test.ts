import { cardText, headlineOf, questionIdOf } from '../../helpers/card-reading';
import { personalMessage, postActivity, TEST_TENANT } from '../../helpers/http-activities';
import { startBot, startBotExpectingFailure, useBot } from '../../helpers/processes';

const bot = useBot();

describe('npm start: the real server with the embedded store', () => {
  it('answers /healthz that it is live, and /readyz that storage answers, with its kind', async () => {
    const live = await fetch(`${bot().url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${bot().url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', storage: 'embedded' });
  });

  it('serves the home, privacy and terms pages the Teams app details link to', async () => {
    const privacy = await fetch(`${bot().url}/privacy`);
    expect(privacy.status).toBe(200);
    expect(privacy.headers.get('content-type')).toContain('text/html');
    const text = await privacy.text();
    expect(text).toContain(
      'Riverside Primary Care Network (example) runs this Microsoft Teams app',
    );
    expect(text).toContain('Patient names, NHS numbers, dates of birth, addresses');
    expect(text).toContain('Each log is deleted after 1095 days');
    const home = await fetch(`${bot().url}/`);
    expect(await home.text()).toContain('<a href="/privacy">Privacy</a>');
    const terms = await fetch(`${bot().url}/terms`);
    expect(await terms.text()).toContain('support, and never replace, clinical judgement');
  });

  it('answers HEAD /api/messages, which the Agents Playground sends to check the bot is there', async () => {
    const response = await fetch(`${bot().url}/api/messages`, { method: 'HEAD' });
    expect(response.status).toBe(204);
  });

  it('says at start that data is kept in memory, and that it listens on loopback only', () => {
    const log = bot().output.join('\n');
    expect(log).toContain('Data is kept in memory');
    expect(log).toContain('listens on 127.0.0.1 only');
    expect(bot().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('walks a GP through to a recommendation over HTTP, with typed answers and card submits', async () => {
    const conversation = 'a:http-referral';
    const say = async (input: { text?: string; value?: Record<string, unknown> }) =>
      (await postActivity(bot().url, personalMessage(input, '29:gp-http', conversation))).replies;
    expect(questionIdOf((await say({ text: 'should I refer this patient?' }))[0])).toBe('redFlag');
    expect(
      questionIdOf(
        (await say({ value: { verb: 'referral.answer', questionId: 'redFlag', value: 'no' } }))[0],
      ),
    ).toBe('adult');
    expect(questionIdOf((await say({ text: 'yes' }))[0])).toBe('practice');
    expect(questionIdOf((await say({ text: 'Market Street Health Centre' }))[0])).toBe(
      'conditions',
    );
    expect(
      questionIdOf(
        (
          await say({
            value: { verb: 'referral.answer', questionId: 'conditions', choices: 'cardiovascular' },
          })
        )[0],
      ),
    ).toBe('needs');
    expect(questionIdOf((await say({ text: 'coordinating, and loneliness' }))[0])).toBe('consent');
    const outcome = await say({ text: 'yes' });
    expect(headlineOf(outcome[0])).toBe('Suggested: refer to the Care Coordinator');
    expect(cardText(outcome[0])).toContain('Also consider the Social Prescribing Link Worker.');
    expect(cardText(outcome[0])).toContain('871731000000106');
  });

  it('answers unknown commands with what is possible', async () => {
    const { status, replies } = await postActivity(
      bot().url,
      personalMessage({ text: 'sing me a song' }),
    );
    expect(status).toBe(200);
    expect(cardText(replies[0])).toContain('What I can do');
  });

  it('answers a card submit that fails its schema with a friendly reply', async () => {
    const { replies } = await postActivity(
      bot().url,
      personalMessage({
        value: { verb: 'referral.answer', questionId: 'dateOfBirth', value: '1950' },
      }),
    );
    expect(cardText(replies[0])).toContain("That button isn't one I recognise");
  });
});

describe('bad requests get a clear answer and the server keeps serving', () => {
  it.each([
    ['broken JSON', '{"type": "message",', 400],
    ['a JSON array', '[1,2,3]', 400],
    [
      'an activity missing its conversation, sender and service URL',
      JSON.stringify({ type: 'message', channelId: 'msteams', text: 'hi' }),
      400,
    ],
  ])('%s -> %i', async (_name, body, status) => {
    const result = await postActivity(bot().url, body);
    expect(result.status).toBe(status);
    expect(result.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('a plain-text body -> 400', async () => {
    const response = await fetch(`${bot().url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(response.status).toBe(400);
  });

  it('an oversized body -> 413', async () => {
    const huge = JSON.stringify(personalMessage({ text: 'x'.repeat(400 * 1024) }));
    const result = await postActivity(bot().url, huge);
    expect(result.status).toBe(413);
  });

  it('says which fields are missing', async () => {
    const result = await postActivity(bot().url, {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'x',
      from: { id: 'u' },
      recipient: { id: 'b' },
    });
    expect(JSON.parse(result.body)).toMatchObject({
      problems: [expect.stringMatching(/^conversation/)],
    });
  });

  it('still answers after all that', async () => {
    expect((await fetch(`${bot().url}/healthz`)).status).toBe(200);
    const { replies } = await postActivity(bot().url, personalMessage({ text: 'help' }));
    expect(cardText(replies[0])).toContain('What I can do');
  });
});

describe('authentication and tenants', () => {
  it('refuses activities from tenants outside the allow-list', async () => {
    const restricted = await startBot({
      ALLOWED_TENANT_IDS: 'cccccccc-0000-0000-0000-000000000009',
    });
    try {
      const refused = await postActivity(restricted.url, personalMessage({ text: 'help' }));
      expect(refused.status).toBe(403);
      const allowed = await startBot({
        ALLOWED_TENANT_IDS: `cccccccc-0000-0000-0000-000000000009,${TEST_TENANT}`,
      });
      try {
        expect((await postActivity(allowed.url, personalMessage({ text: 'help' }))).status).toBe(
          200,
        );
      } finally {
        await allowed.stop();
      }
    } finally {
      await restricted.stop();
    }
  });

  it('with an app id, a request without a valid Bot Framework token gets 401', async () => {
    const secured = await startBot({
      HOST: '127.0.0.1',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TEST_TENANT,
      ALLOWED_TENANT_IDS: TEST_TENANT,
      PUBLIC_BASE_URL: 'https://hwbc.example.test',
      DOWNLOAD_LINK_SECRET: 'a-test-secret-that-is-at-least-32-characters-long',
    });
    try {
      const activity = { ...personalMessage({ text: 'help' }), deliveryMode: undefined };
      expect((await postActivity(secured.url, activity)).status).toBe(401);
      expect(
        (await postActivity(secured.url, activity, { authorization: 'Bearer not.a.token' })).status,
      ).toBe(401);
    } finally {
      await secured.stop();
    }
  });

  it('refuses to start with bad settings, listing every problem', async () => {
    const { code, output } = await startBotExpectingFailure({
      PORT: 'x',
      DIALOG_IDLE_MINUTES: '-5',
      PCN_CONFIG_PATH: 'config/missing.json',
    });
    expect(code).toBe(1);
    expect(output).toContain('PORT');
    expect(output).toContain('DIALOG_IDLE_MINUTES');
    expect(output).toContain('cannot read config/missing.json');
  });
});
