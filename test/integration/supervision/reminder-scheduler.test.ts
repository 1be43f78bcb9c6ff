import type { CosmosClient } from '@azure/cosmos';
import type { DateTime } from 'luxon';
import { fixedClock } from '../../../src/domain/clock';
import { englandAndWalesBankHolidays } from '../../../src/domain/supervision/bank-holidays';
import type { Schedule } from '../../../src/domain/supervision/schedule';
import type { CoachMessenger, ReminderMessage, ReminderResult } from '../../../src/jobs/ports';
import { withFirstReminder } from '../../../src/domain/supervision/reminder-plan';
import { MAX_REMINDER_RETRIES, ReminderScheduler } from '../../../src/jobs/reminder-scheduler';
import { createLogger } from '../../../src/logger';
import { CONTAINERS } from '../../../src/store/containers';
import { openDatabase } from '../../../src/store/cosmos-database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../src/store/embedded-cosmos';
import { CosmosSupervisionRepository } from '../../../src/store/supervision.cosmos-repository';
import { MemoryRateGate } from '../../../src/store/memory/rate-window.memory-store';
import { worstWindowUse } from '../../../src/domain/broadcast/rate-limits';
import { waitUntil } from '../../helpers/waiting';
import { testSchedule } from '../../helpers/supervision-fixtures';

const holidays = englandAndWalesBankHolidays();
let embedded: EmbeddedCosmos;
let clients: CosmosClient[] = [];

beforeAll(async () => {
  embedded = await startEmbeddedCosmos();
  const opened = await openDatabase({
    endpoint: embedded.endpoint,
    key: embedded.key,
    database: 'reminders',
    allowSelfSigned: true,
  });
  clients = [opened.client];
});

afterAll(async () => {
  clients.forEach((c) => c.dispose());
  await embedded.close();
});

/**
 * Stands in for Teams behind the messenger: keeps every reminder it is asked to deliver. For the
 * schedule given, it answers with `answers` in turn (then "sent"), as throttling or failure would.
 */
class RecordingMessenger implements CoachMessenger {
  readonly sent: ReminderMessage[] = [];
  readonly attempts: ReminderMessage[] = [];
  constructor(
    private readonly answers: ReminderResult[] = [],
    private readonly forScheduleId = '',
  ) {}
  sendReminder(message: ReminderMessage): Promise<ReminderResult> {
    if (message.schedule.scheduleId === this.forScheduleId) {
      this.attempts.push(message);
    }
    const answer =
      message.schedule.scheduleId === this.forScheduleId
        ? (this.answers.shift() ?? { kind: 'sent' })
        : { kind: 'sent' as const };
    if (answer.kind === 'sent') {
      this.sent.push(message);
    }
    return Promise.resolve(answer);
  }
}

const schedule = testSchedule;

/** Saves `s` as the bot does on Save: for `tenantId`, with its first reminder planned from `now`. */
async function saveNew(
  repo: CosmosSupervisionRepository,
  s: Schedule,
  now: DateTime,
  tenantId = 'tenant',
): Promise<void> {
  await repo.saveSchedule(withFirstReminder({ schedule: s, tenantId }, now, holidays));
}

async function newRepo(): Promise<CosmosSupervisionRepository> {
  const opened = await openDatabase({
    endpoint: embedded.endpoint,
    key: embedded.key,
    database: 'reminders',
    allowSelfSigned: true,
  });
  clients.push(opened.client);
  return new CosmosSupervisionRepository(opened.database.container(CONTAINERS.supervision.id));
}

function scheduler(
  repo: CosmosSupervisionRepository,
  messenger: CoachMessenger,
  clock: ReturnType<typeof fixedClock>,
): ReminderScheduler {
  return new ReminderScheduler(
    {
      supervision: repo,
      messenger,
      holidays,
      clock,
      logger: createLogger('error', () => undefined),
    },
    { pollMs: 50, batchSize: 50 },
  );
}

/** Schedules of new coaches, each with its first reminder, saved as of `at`. */
async function saveSchedules(
  repo: CosmosSupervisionRepository,
  count: number,
  at: string,
): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await repo.saveSchedule(
      withFirstReminder(
        { schedule: schedule(), tenantId: 'tenant-drain' },
        fixedClock(at).now(),
        holidays,
      ),
    );
  }
}

describe('reminders drain as fast as they are due', () => {
  it('a pass that finds a full batch is followed at once, until nothing is due', async () => {
    const repo = await newRepo();
    await saveSchedules(repo, 12, '2030-11-01T12:00:00Z');
    const clock = fixedClock('2030-11-04T09:00:30Z');
    const messenger = new RecordingMessenger();
    const mine = (): ReminderMessage[] =>
      messenger.sent.filter((m) => m.tenantId === 'tenant-drain' && m.dueAt.startsWith('2030'));
    // Polls an hour apart: only passes that follow at once can send all 12 within the test.
    const reminders = new ReminderScheduler(
      { supervision: repo, messenger, holidays, clock, logger: createLogger('error', () => {}) },
      { pollMs: 3_600_000, batchSize: 5 },
    );
    reminders.start();
    try {
      await waitUntil(() => Promise.resolve(mine().length >= 12), 20_000, '12 reminders');
    } finally {
      await reminders.stop();
    }
    expect(new Set(mine().map((m) => m.schedule.scheduleId)).size).toBe(12);
  });

  it('takes a slot of the tenant’s limit for each reminder, so a backlog keeps to it', async () => {
    const repo = await newRepo();
    await saveSchedules(repo, 8, '2031-11-01T12:00:00Z');
    const clock = fixedClock('2031-11-04T09:00:30Z');
    const sentAt: number[] = [];
    const messenger: CoachMessenger = {
      sendReminder: (message) => {
        if (message.tenantId === 'tenant-drain' && message.dueAt.startsWith('2031')) {
          sentAt.push(clock.now().toMillis());
        }
        return Promise.resolve({ kind: 'sent' });
      },
    };
    const tenantLimits = [{ limit: 3, seconds: 1 }];
    const reminders = new ReminderScheduler(
      {
        supervision: repo,
        messenger,
        holidays,
        clock,
        logger: createLogger('error', () => {}),
        rateGate: new MemoryRateGate(),
        // Waiting moves the test's clock on instead of the wall clock.
        sleep: (ms) => {
          clock.set(clock.now().plus({ milliseconds: ms }).toISO() ?? '');
          return Promise.resolve();
        },
      },
      { pollMs: 50, batchSize: 50, tenantLimits },
    );
    await reminders.runOnce();
    expect(sentAt).toHaveLength(8);
    // Within the limit even with the gate's 500 ms margin taken off again.
    expect(worstWindowUse(sentAt, { limit: 3, seconds: 1.5 })).toBeLessThanOrEqual(3);
  });
});

describe('supervision reminders', () => {
  it('two schedulers racing on one store send each reminder exactly once', async () => {
    const clock = fixedClock('2026-11-01T12:00:00Z');
    const repoA = await newRepo();
    const repoB = await newRepo();
    const coachSchedules = Array.from({ length: 5 }, () => schedule());
    for (const s of coachSchedules) {
      await saveNew(repoA, s, clock.now());
    }
    const messenger = new RecordingMessenger();
    // Monday 2 Nov 09:00 (working day before) then Tuesday 3 Nov 09:00 UTC (an hour before).
    for (const at of ['2026-11-02T09:00:30Z', '2026-11-03T09:00:30Z']) {
      clock.set(at);
      await Promise.all([
        scheduler(repoA, messenger, clock).runOnce(),
        scheduler(repoB, messenger, clock).runOnce(),
        scheduler(repoA, messenger, clock).runOnce(),
      ]);
    }
    const mine = messenger.sent.filter((m) =>
      coachSchedules.some((s) => s.scheduleId === m.schedule.scheduleId),
    );
    expect(mine).toHaveLength(10);
    const keys = mine.map((m) => `${m.schedule.scheduleId}|${m.dueAt}`);
    expect(new Set(keys).size).toBe(10);
    expect(
      mine.every(
        (m) => m.kind === 'before' && m.sessionStart === '2026-11-03T10:00:00.000Z' && !m.late,
      ),
    ).toBe(true);
  });

  it('after downtime, sends what fell due once, marked late, then carries on', async () => {
    const clock = fixedClock('2026-11-01T12:00:00Z');
    const repo = await newRepo();
    const s = schedule({ cadence: { type: 'monthly-nth-weekday', nth: 2, weekday: 3 } }); // 2nd Wednesday: 11 Nov
    await saveNew(repo, s, clock.now());
    const messenger = new RecordingMessenger();
    // Down from 1 Nov until 11 Nov 09:40: both reminders before the 10:00 session were missed.
    clock.set('2026-11-11T09:40:00Z');
    await scheduler(repo, messenger, clock).runOnce();
    await scheduler(repo, messenger, clock).runOnce();
    expect(messenger.sent.filter((m) => m.schedule.scheduleId === s.scheduleId)).toEqual([
      expect.objectContaining({
        kind: 'before',
        late: true,
        sessionStart: '2026-11-11T10:00:00.000Z',
      }),
    ]);
    const stored = await repo.getSchedule(s.coachId, s.scheduleId);
    expect(stored?.value).toMatchObject({
      nextReminderKind: 'follow-up',
      nextReminderAt: '2026-11-11T12:00:00.000Z',
    });
  });

  it('follows up once after the session when nothing was recorded, and not when it was', async () => {
    const clock = fixedClock('2026-11-03T10:30:00Z');
    const repo = await newRepo();
    const unrecorded = schedule();
    const recorded = schedule();
    for (const s of [unrecorded, recorded]) {
      await saveNew(repo, s, clock.now());
    }
    await repo.saveRecord({
      coachId: recorded.coachId,
      scheduleId: recorded.scheduleId,
      kind: recorded.kind,
      sessionStart: '2026-11-03T10:00:00.000Z',
      outcome: 'attended',
      durationMinutes: 60,
      movedTo: null,
      recordedAt: '2026-11-03T11:00:00.000Z',
    });
    const messenger = new RecordingMessenger();
    clock.set('2026-11-03T12:00:30Z');
    await scheduler(repo, messenger, clock).runOnce();
    const ids = messenger.sent.map((m) => m.schedule.scheduleId);
    expect(ids).toContain(unrecorded.scheduleId);
    expect(ids).not.toContain(recorded.scheduleId);
    expect(
      messenger.sent.find((m) => m.schedule.scheduleId === unrecorded.scheduleId),
    ).toMatchObject({ kind: 'follow-up', late: false });
  });

  it('sends no reminder for a session already recorded, nor for a moved one recorded at its new time', async () => {
    // Saved at noon on Monday 30 November: the next reminder is an hour before each session.
    const clock = fixedClock('2026-11-30T12:00:00Z');
    const repo = await newRepo();
    const missed = schedule();
    const moved = schedule({
      moves: [{ from: '2026-12-01T10:00:00.000Z', to: '2026-12-01T11:00:00.000Z' }],
    });
    for (const s of [missed, moved]) {
      await saveNew(repo, s, clock.now());
    }
    const recordOf = (s: Schedule, outcome: 'missed' | 'attended') => ({
      coachId: s.coachId,
      scheduleId: s.scheduleId,
      kind: s.kind,
      // The planned start names the session, wherever it was moved.
      sessionStart: '2026-12-01T10:00:00.000Z',
      outcome,
      durationMinutes: 0,
      movedTo: null,
      recordedAt: '2026-11-30T12:00:00.000Z',
    });
    await repo.saveRecord(recordOf(missed, 'missed'));
    await repo.saveRecord(recordOf(moved, 'missed'));
    const messenger = new RecordingMessenger();
    // The hour-before reminders: 09:00 for the one, 10:00 for the moved one.
    clock.set('2026-12-01T10:00:30Z');
    await scheduler(repo, messenger, clock).runOnce();
    clock.set('2026-12-01T13:30:30Z');
    await scheduler(repo, messenger, clock).runOnce();
    const ids = messenger.sent.map((m) => m.schedule.scheduleId);
    expect(ids).not.toContain(missed.scheduleId);
    expect(ids).not.toContain(moved.scheduleId);
  });

  it('the due query returns only what is due, however many schedules exist', async () => {
    const clock = fixedClock('2026-06-01T12:00:00Z');
    const repo = await newRepo();
    for (let i = 0; i < 60; i += 1) {
      await saveNew(
        repo,
        schedule({ cadence: { type: 'one-off', dates: ['2027-06-01'] } }),
        clock.now(),
        't',
      );
    }
    const soon = schedule({ cadence: { type: 'one-off', dates: ['2026-06-03'] } });
    await saveNew(repo, soon, clock.now(), 't');
    const due = await repo.dueReminders('2026-06-02T09:00:00.000Z', 100);
    expect(due.map((d) => d.value.schedule.scheduleId)).toContain(soon.scheduleId);
    expect(due.every((d) => (d.value.nextReminderAt ?? '') <= '2026-06-02T09:00:00.000Z')).toBe(
      true,
    );
    expect(
      due.some(
        (d) =>
          d.value.schedule.cadence.type === 'one-off' &&
          d.value.schedule.cadence.dates[0] === '2027-06-01',
      ),
    ).toBe(false);
  });

  it('puts a throttled reminder back for when Teams said, and sends it once', async () => {
    const clock = fixedClock('2026-11-02T09:00:00Z');
    const repo = await newRepo();
    const s = schedule(); // first Tuesday, 3 Nov 10:00: reminded 2 Nov 09:00 and 3 Nov 09:00
    await saveNew(repo, s, fixedClock('2026-11-01T12:00:00Z').now());
    const throttled: ReminderResult = { kind: 'retry', afterMs: 30_000, reason: 'injected 429' };
    const messenger = new RecordingMessenger([throttled, throttled], s.scheduleId);
    const run = (): Promise<number> => scheduler(repo, messenger, clock).runOnce();
    await run();
    expect((await repo.getSchedule(s.coachId, s.scheduleId))?.value).toMatchObject({
      nextReminderAt: '2026-11-02T09:00:30.000Z',
      nextReminderSession: '2026-11-03T10:00:00.000Z',
      nextReminderKind: 'before',
      deliveryRetries: 1,
    });
    clock.set('2026-11-02T09:00:10Z');
    await run(); // not yet: Teams asked for 30 seconds
    expect(messenger.attempts).toHaveLength(1);
    clock.set('2026-11-02T09:00:31Z');
    await run();
    clock.set('2026-11-02T09:01:02Z');
    await run();
    expect(messenger.attempts).toHaveLength(3);
    expect(messenger.sent.filter((m) => m.schedule.scheduleId === s.scheduleId)).toHaveLength(1);
    expect((await repo.getSchedule(s.coachId, s.scheduleId))?.value).toMatchObject({
      nextReminderAt: '2026-11-03T09:00:00.000Z',
      deliveryRetries: 0,
    });
  });

  it('gives a reminder up after five more tries, and goes on to the next one', async () => {
    const clock = fixedClock('2026-11-02T09:00:00Z');
    const repo = await newRepo();
    const s = schedule();
    await saveNew(repo, s, fixedClock('2026-11-01T12:00:00Z').now());
    const failing: ReminderResult = { kind: 'retry', afterMs: 1_000, reason: 'injected 503' };
    const messenger = new RecordingMessenger(
      Array.from({ length: 10 }, () => failing),
      s.scheduleId,
    );
    for (let i = 0; i < 8; i += 1) {
      await scheduler(repo, messenger, clock).runOnce();
      clock.set(clock.now().plus({ seconds: 2 }).toISO() ?? '');
    }
    expect(messenger.attempts).toHaveLength(1 + MAX_REMINDER_RETRIES);
    expect((await repo.getSchedule(s.coachId, s.scheduleId))?.value).toMatchObject({
      nextReminderAt: '2026-11-03T09:00:00.000Z',
    });
  });

  it('a paused schedule sends nothing', async () => {
    const clock = fixedClock('2026-11-01T12:00:00Z');
    const repo = await newRepo();
    const s = schedule({ paused: true });
    await saveNew(repo, s, clock.now());
    expect((await repo.getSchedule(s.coachId, s.scheduleId))?.value.nextReminderAt).toBeNull();
  });
});
