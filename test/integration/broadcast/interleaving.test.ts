import { TEAMS_THREAD_LIMITS, type RateWindow } from '../../../src/domain/broadcast/rate-limits';
import { CosmosBroadcastRepository } from '../../../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../../../src/store/containers';
import { buildSender, seedJob } from '../../helpers/broadcast-fixtures';
import { channel } from '../../helpers/channel-target';
import { waitUntil } from '../../helpers/waiting';
import { useEmbeddedDatabase } from '../../helpers/embedded-database';
import { FakeTeamsConnector } from '../../helpers/fake-teams-connector';

// Teams' own tenant limit: here the channels' windows are what holds posts back.
const TENANT: RateWindow[] = [{ limit: 50, seconds: 1 }];
const LIMITS = { thread: TEAMS_THREAD_LIMITS, tenant: TENANT };

let fake: FakeTeamsConnector;
const store = useEmbeddedDatabase('interleaving-tests');

beforeEach(async () => {
  fake = await new FakeTeamsConnector(TEAMS_THREAD_LIMITS, TENANT).start();
});

afterEach(async () => {
  await fake.stop();
});

async function sendUntilSettled(jobIds: string[], instanceId: string): Promise<void> {
  const repo = new CosmosBroadcastRepository(store.database.container(CONTAINERS.broadcasts.id));
  const { sender } = buildSender(store.database, LIMITS, instanceId);
  sender.start();
  try {
    await waitUntil(
      async () => {
        const deliveries = (await Promise.all(jobIds.map((id) => repo.listDeliveries(id)))).flat();
        return deliveries.every((d) => d.status === 'sent');
      },
      40_000,
      'every post to be sent',
    );
  } finally {
    await sender.stop();
  }
  expect(fake.limitViolations).toBe(0);
}

describe('broadcast sender: channels interleaved', () => {
  it('takes the channels in turn rather than one after another', async () => {
    const targets = ['north', 'south', 'east'].map((name) => channel(fake.url, name));
    // Stored channel by channel: all of north's first.
    const { job } = await seedJob(store.database, targets, 6);
    await sendUntilSettled([job.jobId], 'in-turn');
    // Within the channels' windows (7 a second each): one post to each channel in turn.
    const ids = targets.map((t) => t.channelId);
    expect(fake.posts.map((p) => p.channelId)).toEqual(
      Array.from({ length: 18 }, (_v, i) => ids[i % 3]),
    );
  });

  it('while one channel’s window is full, posts to other channels go on', async () => {
    const busy = channel(fake.url, 'busy');
    const quiet = channel(fake.url, 'quiet');
    // Due first, and more than a pass reads at once (20): without interleaving, quiet would wait.
    const first = await seedJob(store.database, [busy], 24);
    const second = await seedJob(store.database, [quiet], 5);
    await sendUntilSettled([first.job.jobId, second.job.jobId], 'set-aside');
    const order = fake.posts.map((p) => p.channelId);
    const lastQuiet = order.lastIndexOf(quiet.channelId);
    // Busy's window takes 7 in its first second; quiet's 5 all go before busy's 8th.
    expect(order.slice(0, 7)).toEqual(Array(7).fill(busy.channelId));
    expect(lastQuiet).toBeLessThan(order.indexOf(busy.channelId, 7));
    expect(fake.postsTo(busy.channelId)).toHaveLength(24);
  });
});
