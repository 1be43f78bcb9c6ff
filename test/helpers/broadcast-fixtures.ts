import { randomUUID } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Database } from '@azure/cosmos';
import { DateTime } from 'luxon';
import { BotFrameworkChannelPoster } from '../../src/bot/teams/channel-poster';
import {
  planBroadcast,
  type BroadcastJob,
  type ChannelTarget,
  type Delivery,
} from '../../src/domain/broadcast/broadcast';
import type { RateWindow } from '../../src/domain/broadcast/rate-limits';
import { DEFAULT_RETRY } from '../../src/domain/broadcast/retry-policy';
import { systemClock } from '../../src/domain/clock';
import { BroadcastSender } from '../../src/jobs/broadcast-sender';
import type { BroadcastNotifier } from '../../src/jobs/ports';
import { createLogger } from '../../src/logger';
import { CosmosBroadcastRepository } from '../../src/store/broadcast.cosmos-repository';
import { CONTAINERS } from '../../src/store/containers';
import { CosmosRateGate } from '../../src/store/rate-window.cosmos-store';

/** A job of `cardCount` distinct cards to each target, stored and active, due now. */
export async function seedJob(
  database: Database,
  targets: ChannelTarget[],
  cardCount: number,
  tenantId = 'tenant-broadcast',
): Promise<{ job: BroadcastJob; deliveries: Delivery[] }> {
  const cards = Array.from({ length: cardCount }, (_v, i) => ({
    key: `card-${i}`,
    title: `Card ${i}`,
    content: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `Card ${i}` }],
    },
  }));
  const plan = planBroadcast(
    {
      jobId: randomUUID(),
      tenantId,
      createdBy: 'lead-1',
      createdByName: 'Sam Lead',
      audience: 'general',
      cards,
      targets,
      repeatWeeks: 1,
    },
    DateTime.utc(),
  );
  if ('problem' in plan) {
    throw new Error(plan.problem);
  }
  const repo = new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id));
  const job = await repo.createJob(plan.job, plan.deliveries);
  return { job, deliveries: plan.deliveries };
}

export interface SenderUnderTest {
  sender: BroadcastSender;
  progress: Array<{ jobId: string; sent: number; pending: number }>;
}

/** A real sender: Cosmos repositories, the shared rate gate, and the Connector API poster posting to `serviceUrl`. */
export function buildSender(
  database: Database,
  limits: { thread: readonly RateWindow[]; tenant: readonly RateWindow[] },
  instanceId: string,
): SenderUnderTest {
  const progress: SenderUnderTest['progress'] = [];
  const notifier: BroadcastNotifier = {
    progress: (job, summary) => {
      progress.push({ jobId: job.jobId, sent: summary.sent, pending: summary.pending });
      return Promise.resolve();
    },
  };
  const sender = new BroadcastSender(
    {
      broadcasts: new CosmosBroadcastRepository(database.container(CONTAINERS.broadcasts.id)),
      rateGate: new CosmosRateGate(database.container(CONTAINERS.rateWindows.id)),
      poster: new BotFrameworkChannelPoster(new ConfigurationBotFrameworkAuthentication({}), ''),
      notifier,
      clock: systemClock,
      logger: createLogger('error', () => undefined),
    },
    {
      instanceId,
      pollMs: 50,
      // As long as the bot's own default: a post held longer than its lease may be taken over by
      // the other sender and marked uncertain, which on a slow machine must not happen by accident.
      leaseMs: 120_000,
      batchSize: 20,
      threadLimits: limits.thread,
      tenantLimits: limits.tenant,
      retry: { ...DEFAULT_RETRY, baseDelayMs: 50, maxDelayMs: 400, maxAttempts: 4 },
      maxInlineWaitMs: 3_000,
    },
  );
  return { sender, progress };
}
