import fc from 'fast-check';
import { DateTime } from 'luxon';
import { buildApp, type App } from '../../../src/app';
import { cardActionSchema } from '../../../src/cards/card-actions';
import { loadConfig } from '../../../src/config';
import { systemClock } from '../../../src/domain/clock';
import { createLogger } from '../../../src/logger';
import { CONTAINERS } from '../../../src/store/containers';
import { openDatabase } from '../../../src/store/cosmos-database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../src/store/embedded-cosmos';
import { personalMessage, postActivity } from '../../helpers/http-activities';
import {
  anyIdentifier,
  benignText,
  type GeneratedIdentifier,
} from '../../helpers/identifier-arbitraries';
import { recordIdentifiers } from '../../helpers/log-tap';
import { COACH, LEAD, type Person } from '../../helpers/people';
import { sessionSaveSubmit } from '../../helpers/session-log-fixtures';

const SEED = 20261203;
const RUNS = 300;
const DATABASE = 'identifiers-everywhere';

/** Submits that the bot would store if nothing were refused, with the field a person types in. */
const STORING: ReadonlyArray<{ value: Record<string, unknown>; field: string }> = [
  {
    value: sessionSaveSubmit({ referralSource: 'gp' }),
    field: 'caseloadRef',
  },
  ...['supervisor', 'place'].map((field) => ({
    value: {
      verb: 'supervision.form',
      kind: 'line-management',
      cadenceType: 'every-n-weeks',
      weeks: '6',
      firstDate: '2027-01-06',
      startTime: '15:00',
      durationMinutes: '45',
    },
    field,
  })),
  ...['supervisor', 'place'].map((field) => ({
    value: {
      verb: 'supervision.save',
      schedule: JSON.stringify({
        kind: 'clinical',
        cadence: { type: 'monthly-nth-weekday', nth: 2, weekday: 3 },
        startTime: '14:00',
        durationMinutes: 60,
      }),
    },
    field,
  })),
];

/** Every field of every verb any card can send. */
const EVERY_FIELD = cardActionSchema.options.flatMap((option) =>
  Object.keys(option.shape)
    .filter((key) => key !== 'verb')
    .map((field) => ({ value: { verb: option.shape.verb.value }, field })),
);

type Target =
  | { kind: 'typed'; before?: string }
  | { kind: 'card'; value: Record<string, unknown>; field: string };

const target: fc.Arbitrary<Target> = fc.oneof(
  fc.constantFrom<Target>(
    { kind: 'typed' },
    { kind: 'typed', before: 'refer' },
    { kind: 'typed', before: 'log a session' },
  ),
  fc.constantFrom(...STORING).map((t): Target => ({ kind: 'card', ...t })),
  fc.constantFrom(...EVERY_FIELD).map((t): Target => ({ kind: 'card', ...t })),
);

let embedded: EmbeddedCosmos;
let app: App;
let url = '';
const logLines: string[] = [];

beforeAll(async () => {
  embedded = await startEmbeddedCosmos();
  const config = loadConfig({
    PORT: '0',
    COSMOS_ENDPOINT: embedded.endpoint,
    COSMOS_KEY: embedded.key,
    COSMOS_DATABASE: DATABASE,
    COSMOS_ALLOW_SELF_SIGNED: 'true',
    LOG_LEVEL: 'debug',
  });
  app = await buildApp(
    config,
    systemClock,
    createLogger('debug', (line) => logLines.push(line)),
  );
  url = await app.listen();
});

afterAll(async () => {
  await app.stop();
  await embedded.close();
});

/** Every document in every container, as JSON. */
async function everythingStored(): Promise<string[]> {
  const { client, database } = await openDatabase({
    endpoint: embedded.endpoint,
    key: embedded.key,
    database: DATABASE,
    allowSelfSigned: true,
  });
  try {
    const all = await Promise.all(
      Object.values(CONTAINERS).map(async ({ id }) => {
        const { resources } = await database.container(id).items.readAll().fetchAll();
        return resources.map((doc) => JSON.stringify(doc));
      }),
    );
    return all.flat();
  } finally {
    client.dispose();
  }
}

const digitsOnly = (text: string): string => text.normalize('NFKC').replace(/\D/g, '');

/** The identifiers that appear in the texts: NHS numbers by their digits, the rest as written. */
function leaks(texts: readonly string[], identifiers: readonly GeneratedIdentifier[]): string[] {
  const joined = texts.join('\n');
  const digitRuns = new Set(
    (joined.normalize('NFKC').match(/\d(?:[^\S\n]?[./-]?\d){9}/g) ?? []).map(digitsOnly),
  );
  return identifiers
    .filter((id) =>
      id.kind === 'nhs-number' ? digitRuns.has(digitsOnly(id.text)) : joined.includes(id.text),
    )
    .map((id) => `${id.kind}: ${id.text}`);
}

async function send(from: Person, input: { text?: string; value?: Record<string, unknown> }) {
  const activity = {
    ...personalMessage(input, from.id, `a:privacy-${from.id}`),
    from,
  };
  const result = await postActivity(url, activity);
  expect(result.status).toBe(200);
  return result.replies;
}

describe('no patient identifier is stored or logged, through any path', () => {
  it(`refuses generated identifiers in typed messages and in every field of every card (seed ${SEED}, ${RUNS} runs)`, async () => {
    const now = DateTime.utc();
    const sent: GeneratedIdentifier[] = [];
    await fc.assert(
      fc.asyncProperty(anyIdentifier(now), benignText(now), target, async (id, around, to) => {
        sent.push(id);
        recordIdentifiers([id.text]);
        const text = `${around} ${id.text}`;
        if (to.kind === 'typed') {
          if (to.before) {
            await send(COACH, { text: to.before });
          }
          const replies = await send(COACH, { text });
          expect(JSON.stringify(replies)).not.toContain(id.text);
          return;
        }
        const verb = String(to.value.verb);
        const from =
          verb.startsWith('broadcast.') || verb.startsWith('roster.') || verb === 'supervision.team'
            ? LEAD
            : COACH;
        const replies = await send(from, { value: { ...to.value, [to.field]: text } });
        expect(JSON.stringify(replies)).not.toContain(id.text);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const stored = await everythingStored();
    expect(leaks(stored, sent)).toEqual([]);
    expect(leaks(logLines, sent)).toEqual([]);
  });

  it('does store the same fields when they hold no identifier (so the scan above can see them)', async () => {
    const [session, form] = STORING;
    await send(COACH, { value: { ...session?.value, caseloadRef: 'RIV-0042' } });
    await send(COACH, {
      value: { ...form?.value, supervisor: 'Alex Supervisor', place: 'Room 4' },
    });
    const stored = (await everythingStored()).join('\n');
    expect(stored).toContain('RIV-0042');
    expect(stored).toContain('Alex Supervisor');
    expect(stored).toContain('Room 4');
  });
});
