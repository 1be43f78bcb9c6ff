import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import {
  TEAMS_THREAD_LIMITS,
  worstWindowUse,
  type RateWindow,
} from '../../../src/domain/broadcast/rate-limits';
import { CosmosBroadcastRepository } from '../../../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../../../src/store/containers';
import { buildSender, seedJob } from '../../helpers/broadcast-fixtures';
import { channel } from '../../helpers/channel-target';
import { FakeTeamsConnector } from '../../helpers/fake-teams-connector';
import { waitUntil } from '../../helpers/waiting';
import { BroadcastService } from '../../../src/dialogs/broadcast/broadcast.service';
import { systemClock } from '../../../src/domain/clock';
import { CosmosAuditLog } from '../../../src/store/audit.cosmos-repository';
import { examplePcn } from '../../helpers/pcn';

// Dozens of posts paced by real rate windows: a few seconds alone, far longer on a busy machine.
jest.setTimeout(180_000);

// A tenant limit well below Teams' 50/s, so a test of a few dozen posts exercises it.
const TENANT: RateWindow[] = [{ limit: 10, seconds: 1 }];
const LIMITS = { thread: TEAMS_THREAD_LIMITS, tenant: TENANT };

let fake: FakeTeamsConnector;
const store = useEmbeddedDatabase('sender-tests');

beforeEach(async () => {
  fake = await new FakeTeamsConnector(TEAMS_THREAD_LIMITS, TENANT).start();
});

afterEach(async () => {
  await fake.stop();
});

const repo = (): CosmosBroadcastRepository =>
  new CosmosBroadcastRepository(store.database.container(CONTAINERS.broadcasts.id));

async function allSettled(jobId: string): Promise<boolean> {
  const deliveries = await repo().listDeliveries(jobId);
  return deliveries.every((d) => d.status !== 'pending' && d.status !== 'sending');
}

function expectLimitsKept(): void {
  expect(fake.limitViolations).toBe(0);
  const byChannel = new Map<string, number[]>();
  for (const post of fake.posts) {
    byChannel.set(post.channelId, [...(byChannel.get(post.channelId) ?? []), post.at]);
  }
  for (const times of byChannel.values()) {
    for (const window of TEAMS_THREAD_LIMITS) {
      expect(worstWindowUse(times, window)).toBeLessThanOrEqual(window.limit);
    }
  }
  expect(
    worstWindowUse(
      fake.posts.map((p) => p.at),
      TENANT[0] ?? { limit: 0, seconds: 1 },
    ),
  ).toBeLessThanOrEqual(10);
}

function expectEachCardOncePerChannel(expectedPerChannel: number, channels: string[]): void {
  for (const channelId of channels) {
    const titles = fake.postsTo(channelId).map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toHaveLength(expectedPerChannel);
  }
}

describe('broadcast sender against a Teams-like connector', () => {
  it('posts everything exactly once within the per-channel and per-tenant limits', async () => {
    const targets = [
      channel(fake.url, 'general'),
      channel(fake.url, 'nurses'),
      channel(fake.url, 'reception'),
    ];
    const { job } = await seedJob(store.database, targets, 12);
    const { sender, progress } = buildSender(store.database, LIMITS, 'one');
    sender.start();
    try {
      await waitUntil(() => allSettled(job.jobId), 120_000, 'all 36 posts');
    } finally {
      await sender.stop();
    }
    const deliveries = await repo().listDeliveries(job.jobId);
    expect(deliveries.map((d) => d.status)).toEqual(Array(36).fill('sent'));
    expectEachCardOncePerChannel(
      12,
      targets.map((t) => t.channelId),
    );
    expectLimitsKept();
    // The lead's status card was told as it went, ending with nothing pending.
    expect(progress.at(-1)).toMatchObject({ jobId: job.jobId, sent: 36, pending: 0 });
  });

  it('two senders at once neither duplicate a post nor break a limit', async () => {
    const targets = [channel(fake.url, 'pair-a'), channel(fake.url, 'pair-b')];
    const { job } = await seedJob(store.database, targets, 10);
    const first = buildSender(store.database, LIMITS, 'first');
    const second = buildSender(store.database, LIMITS, 'second');
    first.sender.start();
    second.sender.start();
    try {
      await waitUntil(() => allSettled(job.jobId), 120_000, 'both senders to finish');
    } finally {
      await Promise.all([first.sender.stop(), second.sender.stop()]);
    }
    expect((await repo().listDeliveries(job.jobId)).every((d) => d.status === 'sent')).toBe(true);
    expectEachCardOncePerChannel(
      10,
      targets.map((t) => t.channelId),
    );
    expectLimitsKept();
  });

  it('retries 503s, honours Retry-After on 429, and marks a removed app as failed for good', async () => {
    const flaky = channel(fake.url, 'flaky');
    const throttled = channel(fake.url, 'throttled');
    const removed = channel(fake.url, 'removed');
    fake.failNext(flaky.channelId, 503, 3);
    fake.failNext(throttled.channelId, 429, 1, '1');
    fake.removeApp(removed.channelId);
    const { job } = await seedJob(store.database, [flaky, throttled, removed], 1);
    const { sender } = buildSender(store.database, LIMITS, 'retrying');
    sender.start();
    try {
      await waitUntil(() => allSettled(job.jobId), 120_000, 'retries to settle');
    } finally {
      await sender.stop();
    }
    const byChannel = Object.fromEntries(
      (await repo().listDeliveries(job.jobId)).map((d) => [d.target.channelName, d]),
    );
    expect(byChannel.flaky).toMatchObject({ status: 'sent' });
    expect(byChannel.throttled).toMatchObject({ status: 'sent' });
    expect(byChannel.removed).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/no longer installed/),
    });
    expect(fake.postsTo(flaky.channelId)).toHaveLength(1);
    expect(fake.postsTo(throttled.channelId)).toHaveLength(1);
    // Only the sender retries: every request Teams saw is an attempt the sender recorded.
    expect(fake.requestsTo(flaky.channelId)).toBe(4);
    expect(byChannel.flaky).toMatchObject({ attempts: 4 });
    expect(fake.requestsTo(throttled.channelId)).toBe(2);
    expect(byChannel.throttled).toMatchObject({ attempts: 2 });
    expect(fake.requestsTo(removed.channelId)).toBe(1);
  });

  it('does not send a cancelled job, and leaves sent posts as they are', async () => {
    const target = channel(fake.url, 'cancel-me');
    const { job } = await seedJob(store.database, [target], 3);
    expect(await repo().cancelJob(job.jobId)).toBe(3);
    const { sender } = buildSender(store.database, LIMITS, 'cancelled');
    expect(await sender.runOnce()).toBe(0);
    expect(fake.postsTo(target.channelId)).toHaveLength(0);
  });

  it('marks a delivery whose sender died mid-post as uncertain instead of posting it again', async () => {
    const target = channel(fake.url, 'crashed');
    const { job, deliveries } = await seedJob(store.database, [target], 1);
    const [item] = await repo()
      .dueDeliveries(new Date().toISOString(), 50)
      .then((due) => due.filter((d) => d.value.jobId === job.jobId));
    if (!item) {
      throw new Error('seeded delivery not due');
    }
    // As a sender that claimed it and then died would leave it: sending, lease already run out.
    await repo().replaceIfUnchanged(item, {
      ...item.value,
      status: 'sending',
      attempts: 1,
      leaseOwner: 'dead',
      leaseUntil: new Date(Date.now() - 1_000).toISOString(),
    });
    const { sender } = buildSender(store.database, LIMITS, 'survivor');
    await sender.runOnce();
    const [after] = await repo().listDeliveries(job.jobId);
    expect(after).toMatchObject({ deliveryId: deliveries[0]?.deliveryId, status: 'uncertain' });
    expect(fake.postsTo(target.channelId)).toHaveLength(0);
  });

  it('"try the failed channels again" sends only the failed ones, once each, through the same limits', async () => {
    const ok = channel(fake.url, 'retry-ok');
    const refused = channel(fake.url, 'retry-refused');
    // Refused for good the first time (as a removed app is), accepted once it is back.
    fake.failNext(refused.channelId, 403, 2);
    const { job } = await seedJob(store.database, [ok, refused], 2);
    const first = buildSender(store.database, LIMITS, 'retry-1');
    first.sender.start();
    try {
      await waitUntil(() => allSettled(job.jobId), 60_000, 'the first try');
    } finally {
      await first.sender.stop();
    }
    const statuses = async (): Promise<string[]> =>
      (await repo().listDeliveries(job.jobId))
        .map((d) => `${d.target.channelName}:${d.status}`)
        .sort();
    expect(await statuses()).toEqual([
      'retry-ok:sent',
      'retry-ok:sent',
      'retry-refused:failed',
      'retry-refused:failed',
    ]);

    const service = new BroadcastService({
      broadcasts: repo(),
      audit: new CosmosAuditLog(store.database.container(CONTAINERS.audit.id)),
      pcn: examplePcn(),
      clock: systemClock,
      contactsReviewMonths: 6,
    });
    const lead = { tenantId: job.tenantId, aadObjectId: job.createdBy, name: 'Sam Lead' };
    expect(await service.retry(job.jobId, lead)).toBe(2);
    // A second press (or a redelivery) finds nothing failed to send again.
    expect(await service.retry(job.jobId, lead)).toBe(0);

    const second = buildSender(store.database, LIMITS, 'retry-2');
    second.sender.start();
    try {
      await waitUntil(() => allSettled(job.jobId), 60_000, 'the retried posts');
    } finally {
      await second.sender.stop();
    }
    expect(await statuses()).toEqual([
      'retry-ok:sent',
      'retry-ok:sent',
      'retry-refused:sent',
      'retry-refused:sent',
    ]);
    expect(fake.postsTo(ok.channelId)).toHaveLength(2);
    expect(fake.postsTo(refused.channelId)).toHaveLength(2);
    expect(fake.requestsTo(refused.channelId)).toBe(4);
    expectLimitsKept();
  });
});
