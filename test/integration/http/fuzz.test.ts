import fc from 'fast-check';
import { buildApp, type App } from '../../../src/app';
import { cardActionSchema } from '../../../src/cards/card-actions';
import { loadConfig } from '../../../src/config';
import { systemClock } from '../../../src/domain/clock';
import { createLogger } from '../../../src/logger';
import { postActivity, TEST_TENANT } from '../../helpers/http-activities';
import { COACH, GP, LEAD } from '../../helpers/people';
import { within } from '../../helpers/waiting';

/** Fixed, so a failure can be replayed; printed so the log says which run it was. */
const SEED = 20261202;
const RUNS = 2000;

/*
 * 2,000 requests take most of a minute alone and several on a busy machine, so the whole run
 * is not held to a deadline. What must not happen is a request that never answers: each one
 * gets a generous deadline of its own, and the test's timeout only backs that up.
 */
const ONE_REQUEST_MS = 30_000;
jest.setTimeout(15 * 60_000);

/** What a stack trace, a library's message or an internal detail looks like in a reply. */
const LEAKS =
  /\n\s+at |\.ts:\d+|node_modules|TypeError|ReferenceError|SyntaxError|ZodError|Cannot read propert|undefined is not|ECONNREFUSED|\bstack\b|Invalid input: expected/;

const verbs = cardActionSchema.options.map((option) => option.shape.verb.value);

const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom('', 'yes', 'no', '1', '4', 'none', 'true', '2026-11-30', '10:00', '25:00'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A card submit: a real verb with fields of any shape, or no verb at all. */
const cardValue = fc.oneof(
  fc.record({
    verb: fc.constantFrom(...verbs),
    questionId: fc.constantFrom('redFlag', 'adult', 'conditions', 'nope'),
    value: anyValue,
    choices: anyValue,
    scheduleId: anyValue,
    jobId: anyValue,
    logId: anyValue,
    draftId: anyValue,
    schedule: anyValue,
    date: anyValue,
    durationMinutes: anyValue,
    outcome: fc.constantFrom('attended', 'missed', 'moved', 'x'),
    sessionStart: fc.constantFrom('2026-11-03T10:00:00.000Z', 'soon', ''),
  }),
  fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 5 }),
  anyValue,
);

const activity = fc.record(
  {
    type: fc.constantFrom(
      'message',
      'message',
      'message',
      'conversationUpdate',
      'invoke',
      'typing',
      'x',
    ),
    id: fc.oneof(fc.uuid(), fc.string({ maxLength: 20 })),
    text: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.constantFrom(
        'refer',
        'help',
        'my supervision',
        'log a session',
        'post role cards',
        'back',
        'cancel',
        'yes',
        'no',
        '1',
      ),
    ),
    value: cardValue,
    user: fc.constantFrom(GP, COACH, LEAD),
    kind: fc.constantFrom('personal', 'groupChat', 'channel'),
    mention: fc.boolean(),
  },
  { requiredKeys: ['type', 'user', 'kind'] },
);

let app: App;
let url = '';

beforeAll(async () => {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'error' });
  app = await buildApp(
    config,
    systemClock,
    createLogger('error', () => undefined),
  );
  url = await app.listen();
});

afterAll(async () => {
  await app.stop();
});

describe('fuzz: random activities and card submits over HTTP', () => {
  it(`never answers 5xx, never crashes, never shows a stack or a library message (seed ${SEED}, ${RUNS} runs)`, async () => {
    process.stdout.write(`fuzz seed ${SEED}, ${RUNS} runs\n`);
    await fc.assert(
      fc.asyncProperty(activity, async (a) => {
        const conversation =
          a.kind === 'channel'
            ? '19:fuzz@thread.tacv2'
            : a.kind === 'groupChat'
              ? '19:fuzz-group'
              : `a:fuzz-${a.user.id}`;
        const body = {
          type: a.type,
          ...(a.id === undefined ? {} : { id: a.id }),
          channelId: 'msteams',
          serviceUrl: 'https://smba.example.test/uk/',
          deliveryMode: 'expectReplies',
          recipient: { id: '28:bot', name: 'HWBC Assistant' },
          from: a.user,
          conversation: { id: conversation, conversationType: a.kind, tenantId: TEST_TENANT },
          channelData: { tenant: { id: TEST_TENANT } },
          ...(a.text === undefined
            ? {}
            : { text: a.mention ? `<at>HWBC Assistant</at> ${a.text}` : a.text }),
          ...(a.value === undefined ? {} : { value: a.value }),
          ...(a.mention
            ? {
                entities: [
                  { type: 'mention', mentioned: { id: '28:bot', name: 'HWBC Assistant' } },
                ],
              }
            : {}),
        };
        const result = await within(postActivity(url, body), ONE_REQUEST_MS, 'a reply');
        expect(result.status).toBeLessThan(500);
        expect(result.body).not.toMatch(LEAKS);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Still answering after all of it.
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
  });
});
