import { TeamsPersonalChat } from '../src/bot/teams/personal-chat';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Database } from '@azure/cosmos';
import { BotCoachMessenger } from '../src/bot/teams/coach-messenger';
import { systemClock } from '../src/domain/clock';
import { englandAndWalesBankHolidays } from '../src/domain/supervision/bank-holidays';
import { DEFAULT_REMINDERS, type Schedule } from '../src/domain/supervision/schedule';
import type { CoachMessenger } from '../src/jobs/ports';
import { ReminderScheduler } from '../src/jobs/reminder-scheduler';
import { createLogger } from '../src/logger';
import { CONTAINERS } from '../src/store/containers';
import { CosmosConversationRepository } from '../src/store/conversation.cosmos-repository';
import { CosmosRateGate } from '../src/store/rate-window.cosmos-store';
import { CosmosSupervisionRepository } from '../src/store/supervision.cosmos-repository';
import type { StoredSchedule } from '../src/store/supervision.repository';
import { FakeTeamsConnector } from '../test/helpers/fake-teams-connector';
import { median } from './measure';

const holidays = englandAndWalesBankHolidays();
const quietLogger = createLogger('error', () => undefined);
const FAR = '2040-01-01T09:00:00.000Z';

function schedule(coachId: string): Schedule {
  return {
    scheduleId: randomUUID(),
    coachId,
    kind: 'coaching-one-to-one',
    cadence: { type: 'monthly-nth-weekday', nth: 1, weekday: 2 },
    startTime: '10:00',
    durationMinutes: 60,
    supervisor: 'Bench Supervisor',
    place: 'Teams call',
    reminderOffsets: DEFAULT_REMINDERS,
    paused: false,
  };
}

/** Stored as not due for years: held, not sent. */
const held = (s: Schedule, tenantId: string): StoredSchedule => ({
  schedule: s,
  tenantId,
  nextReminderAt: FAR,
  nextReminderSession: '2040-01-02T10:00:00.000Z',
  nextReminderKind: 'before',
});

/** Due a minute ago, for a session tomorrow. */
const due = (stored: StoredSchedule): StoredSchedule => ({
  ...stored,
  nextReminderAt: new Date(Date.now() - 60_000).toISOString(),
  nextReminderSession: new Date(Date.now() + 86_400_000).toISOString(),
  nextReminderKind: 'before',
});

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(each));
  }
}

export interface SchedulerResult {
  /** ms per tick, by schedules held and reminders due (a tick handles at most the batch, 100). */
  msPerTick: Record<string, number>;
  /** The due query alone, by schedules held. */
  dueQueryMs: Record<string, number>;
  drainSeconds: number;
  drainReminders: number;
  drainAllowedSeconds: number;
}

/** Tick cost at 1k then 10k schedules held, and how long a backlog takes to drain. */
export async function benchScheduler(
  database: Database,
  sizes: { held: number[]; drain: number; tenantPerSecond: number; marginMs: number },
): Promise<SchedulerResult> {
  const repo = new CosmosSupervisionRepository(database.container(CONTAINERS.supervision.id));
  const stub: CoachMessenger = { sendReminder: () => Promise.resolve({ kind: 'sent' }) };
  const ticker = new ReminderScheduler(
    { supervision: repo, messenger: stub, holidays, clock: systemClock, logger: quietLogger },
    { pollMs: 60_000, batchSize: 100 },
  );
  const stored: StoredSchedule[] = [];
  const msPerTick: Record<string, number> = {};
  const dueQueryMs: Record<string, number> = {};
  for (const count of sizes.held) {
    const more = Array.from({ length: count - stored.length }, () =>
      held(schedule(`coach-${randomUUID()}`), 'bench-tenant'),
    );
    await inBatches(more, 25, (s) => repo.saveSchedule(s));
    stored.push(...more);
    const label = count >= 1000 ? `${count / 1000}k` : String(count);
    const queries: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await repo.dueReminders(new Date().toISOString(), 100);
      queries.push(performance.now() - started);
    }
    dueQueryMs[label] = median(queries);
    for (const dueCount of [10, 1000]) {
      const ticks: number[] = [];
      for (let rep = 0; rep < (dueCount === 10 ? 5 : 2); rep += 1) {
        const from = dueCount === 10 ? rep * dueCount : 0;
        const chosen = stored.slice(from, from + dueCount);
        await inBatches(chosen, 25, (s) => repo.saveSchedule(due(s)));
        const started = performance.now();
        await ticker.runOnce();
        ticks.push(performance.now() - started);
        // Put them back to held, outside the timing.
        await inBatches(chosen, 25, (s) => repo.saveSchedule(s));
      }
      msPerTick[`held${label}_due${dueCount}`] = median(ticks);
    }
  }

  // Drain: `drain` reminders due at once, sent through the real messenger to the fake Teams,
  // taking tenant slots from the rate gate, by the scheduler's own loop.
  const fake = await new FakeTeamsConnector().start();
  const conversations = new CosmosConversationRepository(
    database.container(CONTAINERS.conversations.id),
  );
  const tenantId = `drain-${randomUUID().slice(0, 8)}`;
  const backlog = stored.slice(0, sizes.drain).map((s) => ({ ...s, tenantId }));
  await inBatches(backlog, 25, async (s) => {
    const id = `a:chat-${s.schedule.coachId}`;
    await conversations.upsert({
      tenantId,
      conversationId: id,
      kind: 'personal',
      serviceUrl: fake.url,
      userAadObjectId: s.schedule.coachId,
      active: true,
      updatedAt: new Date().toISOString(),
      reference: {
        channelId: 'msteams',
        serviceUrl: fake.url,
        conversation: { id, tenantId },
        bot: { id: '28:bot', name: 'HWBC' },
      },
    });
    await repo.saveSchedule(due(s));
  });
  const drainer = new ReminderScheduler(
    {
      supervision: repo,
      messenger: new BotCoachMessenger(
        new TeamsPersonalChat(
          new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
          '',
          conversations,
        ),
        quietLogger,
      ),
      holidays,
      clock: systemClock,
      logger: quietLogger,
      rateGate: new CosmosRateGate(database.container(CONTAINERS.rateWindows.id), sizes.marginMs),
    },
    {
      pollMs: 30_000,
      batchSize: 100,
      tenantLimits: [{ limit: sizes.tenantPerSecond, seconds: 1 }],
    },
  );
  const started = performance.now();
  drainer.start();
  while (fake.messages.length < backlog.length && performance.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const drainSeconds = (performance.now() - started) / 1000;
  await drainer.stop();
  await fake.stop();
  return {
    msPerTick,
    dueQueryMs,
    drainSeconds,
    drainReminders: fake.messages.length,
    drainAllowedSeconds: backlog.length / sizes.tenantPerSecond,
  };
}
