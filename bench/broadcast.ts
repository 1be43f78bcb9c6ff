import { randomUUID } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Database } from '@azure/cosmos';
import { DateTime } from 'luxon';
import { BotFrameworkChannelPoster } from '../src/bot/teams/channel-poster';
import { planBroadcast, type ChannelTarget } from '../src/domain/broadcast/broadcast';
import { TEAMS_THREAD_LIMITS, type RateWindow } from '../src/domain/broadcast/rate-limits';
import { DEFAULT_RETRY } from '../src/domain/broadcast/retry-policy';
import { systemClock } from '../src/domain/clock';
import { BroadcastSender } from '../src/jobs/broadcast-sender';
import { createLogger } from '../src/logger';
import { CosmosBroadcastRepository } from '../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../src/store/containers';
import type { EmbeddedCosmos } from '../src/store/embedded-cosmos';
import { CosmosRateGate } from '../src/store/rate-window.cosmos-store';
import { FakeTeamsConnector } from '../test/helpers/fake-teams-connector';
import { seededRandom } from './measure';

export interface BroadcastScenario {
  name: string;
  posts: number;
  channels: number;
  tenantPerSecond: number;
  /** Fraction of posts the fake answers with 429 and Retry-After: 1. */
  throttled: number;
  marginMs: number;
  senders: number;
}

export interface BroadcastResult {
  scenario: BroadcastScenario;
  /** Posts accepted per second while sending: between the 5th and the 95th percentile post. */
  postsPerSecond: number;
  /** That over the tenant's allowed rate. */
  achievedToAllowed: number;
  /** That over the most the margin lets through: limit / (window + margin). */
  achievedToCeiling: number;
  /**
   * The least time the posts could take at the allowed rate, over the time they took (first
   * request to last post accepted, so a last retry's Retry-After counts).
   */
  completionToIdeal: number;
  lost: number;
  duplicates: number;
  violations: number;
  /** Requests Teams received, over posts: retries of 429s are the excess. */
  requestsPerPost: number;
  cosmosRequestsPerPost: number;
  seconds: number;
}

const quietLogger = createLogger('error', () => undefined);

/** One broadcast of `posts` cards spread over `channels`, sent by `senders` instances in this process. */
export async function runBroadcast(
  database: Database,
  embedded: EmbeddedCosmos,
  scenario: BroadcastScenario,
): Promise<BroadcastResult> {
  const tenant: RateWindow[] = [{ limit: scenario.tenantPerSecond, seconds: 1 }];
  const fake = await new FakeTeamsConnector(TEAMS_THREAD_LIMITS, tenant).start();
  if (scenario.throttled > 0) {
    fake.throttleRandomly(scenario.throttled, seededRandom(7));
  }
  const run = randomUUID().slice(0, 8);
  const targets: ChannelTarget[] = Array.from({ length: scenario.channels }, (_v, i) => ({
    teamId: '19:team@thread.tacv2',
    teamName: 'Bench PCN',
    channelId: `19:${run}-${i}@thread.tacv2`,
    channelName: `channel ${i}`,
    serviceUrl: fake.url,
  }));
  const cardCount = Math.ceil(scenario.posts / scenario.channels);
  const plan = planBroadcast(
    {
      jobId: `bench-${run}`,
      tenantId: `tenant-${run}`,
      createdBy: 'lead',
      createdByName: 'Bench Lead',
      audience: 'general',
      cards: Array.from({ length: cardCount }, (_v, i) => ({
        key: `card-${i}`,
        title: `Card ${i}`,
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: `${i}` }],
        },
      })),
      targets,
      repeatWeeks: 1,
    },
    DateTime.utc(),
  );
  if ('problem' in plan) {
    throw new Error(plan.problem);
  }
  const broadcasts = new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id));
  await broadcasts.createJob(plan.job, plan.deliveries);
  const total = plan.deliveries.length;

  const senders = Array.from(
    { length: scenario.senders },
    (_v, i) =>
      new BroadcastSender(
        {
          broadcasts: new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id)),
          rateGate: new CosmosRateGate(
            database.container(CONTAINERS.rateWindows.id),
            scenario.marginMs,
          ),
          poster: new BotFrameworkChannelPoster(
            new ConfigurationBotFrameworkAuthentication({}),
            '',
          ),
          notifier: { progress: () => Promise.resolve() },
          clock: systemClock,
          logger: quietLogger,
        },
        {
          instanceId: `bench-${run}-${i}`,
          pollMs: 2_000,
          leaseMs: 120_000,
          batchSize: 100,
          threadLimits: TEAMS_THREAD_LIMITS,
          tenantLimits: tenant,
          retry: DEFAULT_RETRY,
          maxInlineWaitMs: 5_000,
        },
      ),
  );
  const requestsBefore = embedded.requests();
  const started = Date.now();
  senders.forEach((s) => s.start());
  const settled = async (): Promise<boolean> =>
    (await broadcasts.listDeliveries(plan.job.jobId)).every(
      (d) => d.status !== 'pending' && d.status !== 'sending',
    );
  // Count what the senders ask of Cosmos, not this loop's own checks: check rarely, and subtract.
  let checks = 0;
  for (let tick = 1; Date.now() - started < 120_000; tick += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (fake.posts.length >= total || tick % 8 === 0) {
      checks += 1;
      if (await settled()) {
        break;
      }
    }
  }
  await Promise.all(senders.map((s) => s.stop()));
  const cosmosRequests = embedded.requests() - requestsBefore - checks;
  const deliveries = await broadcasts.listDeliveries(plan.job.jobId);
  await fake.stop();

  const times = fake.posts.map((p) => p.at).sort((a, b) => a - b);
  const from = Math.floor(times.length * 0.05);
  const to = Math.max(from, Math.ceil(times.length * 0.95) - 1);
  const span = Math.max(0.001, ((times[to] ?? 0) - (times[from] ?? 0)) / 1000);
  const postsPerSecond = to > from ? (to - from) / span : 0;
  const last = times[times.length - 1] ?? started;
  const ideal = Math.max(0, times.length - 1) / scenario.tenantPerSecond;
  const keys = fake.posts.map((p) => `${p.channelId}|${p.title}`);
  const ceiling = scenario.tenantPerSecond / (1 + scenario.marginMs / 1000);
  return {
    scenario,
    postsPerSecond,
    achievedToAllowed: postsPerSecond / scenario.tenantPerSecond,
    achievedToCeiling: postsPerSecond / ceiling,
    completionToIdeal: ideal / Math.max(0.001, (last - (fake.firstRequestAt ?? started)) / 1000),
    lost: deliveries.filter((d) => d.status !== 'sent').length,
    duplicates: keys.length - new Set(keys).size,
    violations: fake.limitViolations,
    requestsPerPost: fake.requests / Math.max(1, fake.posts.length),
    cosmosRequestsPerPost: cosmosRequests / Math.max(1, fake.posts.length),
    seconds: (Date.now() - started) / 1000,
  };
}
