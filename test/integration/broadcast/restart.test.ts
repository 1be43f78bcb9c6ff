import type { CosmosClient, Database } from '@azure/cosmos';
import { TEAMS_THREAD_LIMITS } from '../../../src/domain/broadcast/rate-limits';
import { CosmosBroadcastRepository } from '../../../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../../../src/store/containers';
import { openDatabase } from '../../../src/store/cosmos-database';
import { seedJob } from '../../helpers/broadcast-fixtures';
import { channel } from '../../helpers/channel-target';
import { FakeTeamsConnector } from '../../helpers/fake-teams-connector';
import { startBot, startCosmosProcess, type Running } from '../../helpers/processes';
import { waitUntil, within } from '../../helpers/waiting';

// Each test starts two bot processes and waits out a lease: a minute or more on a busy machine.
jest.setTimeout(240_000);

let cosmos: Running & { endpoint: string };
let client: CosmosClient;
let database: Database;
const DATABASE = 'broadcast-restart';

beforeAll(async () => {
  cosmos = await startCosmosProcess();
  ({ client, database } = await openDatabase({
    endpoint: cosmos.endpoint,
    key: 'k',
    database: DATABASE,
    allowSelfSigned: true,
  }));
});

afterAll(async () => {
  client.dispose();
  await cosmos.stop();
});

const botEnv = {
  COSMOS_ENDPOINT: '',
  COSMOS_KEY: 'local-emulator-key',
  COSMOS_ALLOW_SELF_SIGNED: 'true',
  COSMOS_DATABASE: DATABASE,
  BROADCAST_POLL_MS: '100',
  // Short, so the crash test need not wait two minutes for the dead instance's lease to run out.
  BROADCAST_LEASE_SECONDS: '8',
  TEAMS_TENANT_RPS: '10',
};

async function runInterrupted(
  signal: NodeJS.Signals,
): Promise<{ fake: FakeTeamsConnector; jobId: string }> {
  const fake = await new FakeTeamsConnector(TEAMS_THREAD_LIMITS, [
    { limit: 10, seconds: 1 },
  ]).start();
  const targets = [
    channel(fake.url, `${signal}-a`),
    channel(fake.url, `${signal}-b`),
    channel(fake.url, `${signal}-c`),
  ];
  const { job } = await seedJob(database, targets, 10);
  const env = { ...botEnv, COSMOS_ENDPOINT: cosmos.endpoint };

  const first = await startBot(env);
  // Stopped the moment its 8th post arrives, not at a later poll, so it is stopped mid-job.
  await within(fake.postsArrived(8), 90_000, 'the first instance to start posting');
  await first.stop(signal);
  const postedBeforeStop = fake.posts.length;
  expect(postedBeforeStop).toBeLessThan(30);

  const second = await startBot(env);
  const repo = new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id));
  try {
    await waitUntil(
      async () =>
        (await repo.listDeliveries(job.jobId)).every(
          (d) => d.status !== 'pending' && d.status !== 'sending',
        ),
      120_000,
      'the second instance to finish',
    );
  } finally {
    await second.stop();
    await fake.stop();
  }
  return { fake, jobId: job.jobId };
}

function expectNoDuplicates(fake: FakeTeamsConnector): void {
  const keys = fake.posts.map((p) => `${p.channelId}|${p.title}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(fake.limitViolations).toBe(0);
}

describe('broadcast across a restart (separate processes sharing Cosmos)', () => {
  it('after a graceful stop, the next instance posts the rest: all 30, once each', async () => {
    const { fake, jobId } = await runInterrupted('SIGTERM');
    const deliveries = await new CosmosBroadcastRepository(
      database.container(CONTAINERS.broadcasts.id),
    ).listDeliveries(jobId);
    expect(deliveries.filter((d) => d.status === 'sent')).toHaveLength(30);
    expect(fake.posts).toHaveLength(30);
    expectNoDuplicates(fake);
  });

  it('after a crash (SIGKILL), nothing is posted twice; at most the one post in flight is marked uncertain', async () => {
    const { fake, jobId } = await runInterrupted('SIGKILL');
    const deliveries = await new CosmosBroadcastRepository(
      database.container(CONTAINERS.broadcasts.id),
    ).listDeliveries(jobId);
    const sent = deliveries.filter((d) => d.status === 'sent').length;
    const uncertain = deliveries.filter((d) => d.status === 'uncertain').length;
    expect(sent + uncertain).toBe(30);
    expect(uncertain).toBeLessThanOrEqual(1);
    // Every post recorded as sent arrived; an uncertain one may or may not have.
    expect(fake.posts.length).toBeGreaterThanOrEqual(sent);
    expect(fake.posts.length).toBeLessThanOrEqual(30);
    expectNoDuplicates(fake);
  });
});
