import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/store/cosmos-database';
import { startEmbeddedCosmos } from '../src/store/embedded-cosmos';
import { measureReferralLanguage, type ReferralLanguageResults } from './referral-language';
import { ROOT } from '../scripts/launch';
import { measureBot, type BotMeasures } from './bots';
import { runBroadcast, type BroadcastResult, type BroadcastScenario } from './broadcast';
import { round } from './measure';
import { benchScheduler, type SchedulerResult } from './scheduler';
import { printTable, type Row } from './table';

/**
 * `npm run bench` (add `-- --quick` for a shorter run): every number is measured against a
 * baseline in the same run on the same machine (a bare botbuilder echo bot on the same storage;
 * the rate the fake Teams connector allows), so the ratios mean something on any hardware.
 * Nothing here passes or fails; bench/results.json keeps the numbers, and docs/performance.md
 * says what they mean. `--only=bots|broadcast|scheduler|language` runs one section.
 */

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const wanted = (section: string): boolean => only === undefined || only === section;

const SIZES = quick
  ? {
      bots: { latencyConversations: 10, concurrentSeconds: 3, startups: 2 },
      posts: 120,
      channels: 12,
      held: [1000, 10_000],
      drain: 300,
    }
  : {
      bots: { latencyConversations: 25, concurrentSeconds: 5, startups: 3 },
      posts: 300,
      channels: 30,
      held: [1000, 10_000],
      drain: 1000,
    };

/** The margin the bench runs the sender with besides the default: see docs/performance.md. */
const BENCH_MARGIN_MS = 50;
const DEFAULT_MARGIN_MS = 500;

async function botsSection(): Promise<{ ours: BotMeasures; echo: BotMeasures }> {
  const echo = await measureBot('echo', SIZES.bots);
  const ours = await measureBot('ours', SIZES.bots);
  return { ours, echo };
}

async function withEmbeddedDatabase<T>(
  name: string,
  body: (
    database: Awaited<ReturnType<typeof openDatabase>>['database'],
    embedded: Awaited<ReturnType<typeof startEmbeddedCosmos>>,
  ) => Promise<T>,
): Promise<T> {
  const embedded = await startEmbeddedCosmos();
  const { client, database } = await openDatabase({
    endpoint: embedded.endpoint,
    key: embedded.key,
    database: name,
    allowSelfSigned: true,
  });
  try {
    return await body(database, embedded);
  } finally {
    client.dispose();
    await embedded.close();
  }
}

async function broadcastSection(): Promise<BroadcastResult[]> {
  const base = { posts: SIZES.posts, channels: SIZES.channels, senders: 1 };
  const scenarios: BroadcastScenario[] = [
    { ...base, name: 'with429', tenantPerSecond: 20, throttled: 0.1, marginMs: BENCH_MARGIN_MS },
    { ...base, name: 'without429', tenantPerSecond: 20, throttled: 0, marginMs: BENCH_MARGIN_MS },
    {
      ...base,
      name: 'twoSendersWith429',
      tenantPerSecond: 20,
      throttled: 0.1,
      marginMs: BENCH_MARGIN_MS,
      senders: 2,
    },
    {
      ...base,
      name: 'teamsDefault50With429',
      tenantPerSecond: 50,
      throttled: 0.1,
      marginMs: BENCH_MARGIN_MS,
    },
    {
      ...base,
      name: 'defaultMargin50With429',
      tenantPerSecond: 50,
      throttled: 0.1,
      marginMs: DEFAULT_MARGIN_MS,
    },
  ];
  return withEmbeddedDatabase('bench-broadcast', async (database, embedded) => {
    const results: BroadcastResult[] = [];
    for (const scenario of scenarios) {
      results.push(await runBroadcast(database, embedded, scenario));
    }
    return results;
  });
}

async function schedulerSection(): Promise<SchedulerResult> {
  return withEmbeddedDatabase('bench-scheduler', (database) =>
    benchScheduler(database, {
      held: SIZES.held,
      drain: SIZES.drain,
      tenantPerSecond: 50,
      marginMs: BENCH_MARGIN_MS,
    }),
  );
}

/** How well the referral reads GPs as they write, on the labelled corpus (accuracy, not speed). */
function referralLanguageSection(): ReferralLanguageResults | undefined {
  return wanted('language') ? measureReferralLanguage() : undefined;
}

const ratio = (value: number, baseline: number): number =>
  baseline > 0 ? round(value / baseline) : 0;

async function main(): Promise<void> {
  const started = performance.now();
  const bots = wanted('bots') ? await botsSection() : undefined;
  const broadcasts = wanted('broadcast') ? await broadcastSection() : undefined;
  const scheduler = wanted('scheduler') ? await schedulerSection() : undefined;
  const referralLanguage = referralLanguageSection();
  const byName = (name: string): BroadcastResult | undefined =>
    broadcasts?.find((b) => b.scenario.name === name);
  const headline = byName('with429');
  const tick = (held: string, due: number): number =>
    scheduler?.msPerTick[`held${held}_due${due}`] ?? 0;

  const results = {
    meta: {
      mode: quick ? 'quick' : 'full',
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      benchMarginMs: BENCH_MARGIN_MS,
      defaultMarginMs: DEFAULT_MARGIN_MS,
      seconds: 0,
    },
    ...(bots
      ? {
          turn: {
            p50Ms: round(bots.ours.p50Ms),
            p99Ms: round(bots.ours.p99Ms),
            echoP50Ms: round(bots.echo.p50Ms),
            echoP99Ms: round(bots.echo.p99Ms),
            ratioToEcho: ratio(bots.ours.p50Ms, bots.echo.p50Ms),
            p99RatioToEcho: ratio(bots.ours.p99Ms, bots.echo.p99Ms),
          },
          throughput: {
            conversations: 50,
            turnsPerSecond: round(bots.ours.turnsPerSecond),
            echoTurnsPerSecond: round(bots.echo.turnsPerSecond),
            ratioToEcho: ratio(bots.ours.turnsPerSecond, bots.echo.turnsPerSecond),
            errors: bots.ours.errors,
            echoErrors: bots.echo.errors,
            p99Ms: round(bots.ours.concurrentP99Ms),
            echoP99Ms: round(bots.echo.concurrentP99Ms),
          },
          memory: {
            idleRssMb: round(bots.ours.idleRssMb, 1),
            echoIdleRssMb: round(bots.echo.idleRssMb, 1),
            idleRssRatioToEcho: ratio(bots.ours.idleRssMb, bots.echo.idleRssMb),
            startRssMb: round(bots.ours.startRssMb, 1),
            echoStartRssMb: round(bots.echo.startRssMb, 1),
            loadedRssMb: round(bots.ours.loadedRssMb, 1),
            echoLoadedRssMb: round(bots.echo.loadedRssMb, 1),
          },
          startup: {
            ms: round(bots.ours.startupMs, 0),
            echoMs: round(bots.echo.startupMs, 0),
            ratioToEcho: ratio(bots.ours.startupMs, bots.echo.startupMs),
          },
        }
      : {}),
    ...(broadcasts
      ? {
          broadcast: {
            achievedToAllowed: {
              with429: round(headline?.achievedToAllowed ?? 0),
              without429: round(byName('without429')?.achievedToAllowed ?? 0),
              twoSendersWith429: round(byName('twoSendersWith429')?.achievedToAllowed ?? 0),
              teamsDefault50With429: round(byName('teamsDefault50With429')?.achievedToAllowed ?? 0),
              defaultMargin50With429: round(
                byName('defaultMargin50With429')?.achievedToAllowed ?? 0,
              ),
            },
            completionToIdeal: round(headline?.completionToIdeal ?? 0),
            lost: broadcasts.reduce((sum, b) => sum + b.lost, 0),
            duplicates: broadcasts.reduce((sum, b) => sum + b.duplicates, 0),
            violations: broadcasts.reduce((sum, b) => sum + b.violations, 0),
            cosmosRequestsPerPost: round(byName('without429')?.cosmosRequestsPerPost ?? 0),
            cosmosRequestsPerPostWith429: round(headline?.cosmosRequestsPerPost ?? 0),
            cosmosRequestsPerPostTwoSenders: round(
              byName('twoSendersWith429')?.cosmosRequestsPerPost ?? 0,
            ),
            scenarios: broadcasts.map((b) => ({
              ...b.scenario,
              postsPerSecond: round(b.postsPerSecond),
              achievedToAllowed: round(b.achievedToAllowed),
              achievedToCeiling: round(b.achievedToCeiling),
              completionToIdeal: round(b.completionToIdeal),
              lost: b.lost,
              duplicates: b.duplicates,
              violations: b.violations,
              teamsRequestsPerPost: round(b.requestsPerPost),
              cosmosRequestsPerPost: round(b.cosmosRequestsPerPost),
              seconds: round(b.seconds, 1),
            })),
          },
        }
      : {}),
    ...(scheduler
      ? {
          scheduler: {
            msPerTick: Object.fromEntries(
              Object.entries(scheduler.msPerTick).map(([k, v]) => [k, round(v, 1)]),
            ),
            tickRatio10kTo1k: {
              due10: ratio(tick('10k', 10), tick('1k', 10)),
              due1000: ratio(tick('10k', 1000), tick('1k', 1000)),
            },
            dueQueryMs: Object.fromEntries(
              Object.entries(scheduler.dueQueryMs).map(([k, v]) => [k, round(v, 1)]),
            ),
            drainReminders: scheduler.drainReminders,
            drainSeconds1000: round(scheduler.drainSeconds, 1),
            drainAllowedSeconds: scheduler.drainAllowedSeconds,
            drainRatioToAllowed: ratio(scheduler.drainSeconds, scheduler.drainAllowedSeconds),
          },
        }
      : {}),
    ...(referralLanguage ? { referralLanguage } : {}),
  };
  results.meta.seconds = round((performance.now() - started) / 1000, 1);
  const file = join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  printTable(tableRows(results), results.meta);
  process.stdout.write(`\nWritten to ${file}\n`);
}

type Results = Record<string, unknown> & { meta: { mode: string; seconds: number } };

function get(results: Results, path: string): number | undefined {
  let node: unknown = results;
  for (const part of path.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof node === 'number' ? node : undefined;
}

function tableRows(results: Results): Row[] {
  const rows: Row[] = [];
  const add = (
    what: string,
    value: string | undefined | false,
    baseline: string,
    ratioValue: number | undefined,
    target: string,
    met: boolean | undefined,
  ): void => {
    if (value !== undefined && value !== false) {
      rows.push({ what, value, baseline, ratio: ratioValue, target, met });
    }
  };
  const n = (path: string, unit = ''): string | undefined => {
    const value = get(results, path);
    return value === undefined ? undefined : `${value}${unit}`;
  };
  const v = (path: string): number => get(results, path) ?? NaN;
  add(
    'turn p50',
    n('turn.p50Ms', ' ms'),
    `echo ${n('turn.echoP50Ms', ' ms') ?? ''}`,
    get(results, 'turn.ratioToEcho'),
    '≤ 1.1x',
    v('turn.ratioToEcho') <= 1.1,
  );
  add(
    'turn p99 (one conversation)',
    n('turn.p99Ms', ' ms'),
    `echo ${n('turn.echoP99Ms', ' ms') ?? ''}`,
    get(results, 'turn.p99RatioToEcho'),
    '< 50 ms',
    v('turn.p99Ms') < 50,
  );
  add(
    'throughput, 50 conversations',
    n('throughput.turnsPerSecond', ' turns/s'),
    `echo ${n('throughput.echoTurnsPerSecond') ?? ''}`,
    get(results, 'throughput.ratioToEcho'),
    '≥ 0.91x (within 1.1x)',
    v('throughput.ratioToEcho') >= 1 / 1.1,
  );
  add(
    'throughput errors / p99',
    `${n('throughput.errors') ?? ''} / ${n('throughput.p99Ms', ' ms') ?? ''}`,
    `echo ${n('throughput.echoErrors') ?? ''} / ${n('throughput.echoP99Ms', ' ms') ?? ''}`,
    undefined,
    '0 errors',
    v('throughput.errors') === 0,
  );
  add(
    'idle RSS after GC',
    n('memory.idleRssMb', ' MiB'),
    `echo ${n('memory.echoIdleRssMb', ' MiB') ?? ''}`,
    get(results, 'memory.idleRssRatioToEcho'),
    '≤ 1.15x',
    v('memory.idleRssRatioToEcho') <= 1.15,
  );
  add(
    'start-up to /healthz 200',
    n('startup.ms', ' ms'),
    `echo ${n('startup.echoMs', ' ms') ?? ''}`,
    get(results, 'startup.ratioToEcho'),
    '≤ 1.2x',
    v('startup.ratioToEcho') <= 1.2,
  );
  add(
    'posts, 20/s, 10 % 429s',
    n('broadcast.achievedToAllowed.with429', ' of allowed'),
    'allowed 20/s',
    get(results, 'broadcast.achievedToAllowed.with429'),
    '≥ 0.95',
    v('broadcast.achievedToAllowed.with429') >= 0.95,
  );
  add(
    'posts, 20/s, no 429s',
    n('broadcast.achievedToAllowed.without429', ' of allowed'),
    'allowed 20/s',
    get(results, 'broadcast.achievedToAllowed.without429'),
    '≥ 0.95',
    v('broadcast.achievedToAllowed.without429') >= 0.95,
  );
  add(
    'posts, two senders, 10 % 429s',
    n('broadcast.achievedToAllowed.twoSendersWith429', ' of allowed'),
    'allowed 20/s',
    get(results, 'broadcast.achievedToAllowed.twoSendersWith429'),
    '≥ 0.95',
    v('broadcast.achievedToAllowed.twoSendersWith429') >= 0.95,
  );
  add(
    'posts, 50/s, 10 % 429s',
    n('broadcast.achievedToAllowed.teamsDefault50With429', ' of allowed'),
    'allowed 50/s',
    get(results, 'broadcast.achievedToAllowed.teamsDefault50With429'),
    '≥ 0.95',
    v('broadcast.achievedToAllowed.teamsDefault50With429') >= 0.95,
  );
  add(
    'posts, 50/s, 10 % 429s, 500 ms margin',
    n('broadcast.achievedToAllowed.defaultMargin50With429', ' of allowed'),
    'allowed 50/s',
    get(results, 'broadcast.achievedToAllowed.defaultMargin50With429'),
    '≥ 0.95',
    v('broadcast.achievedToAllowed.defaultMargin50With429') >= 0.95,
  );
  add(
    'posts lost / duplicated / violations',
    `${n('broadcast.lost') ?? ''} / ${n('broadcast.duplicates') ?? ''} / ${n('broadcast.violations') ?? ''}`,
    'all runs',
    undefined,
    '0 / 0 / 0',
    v('broadcast.lost') + v('broadcast.duplicates') + v('broadcast.violations') === 0,
  );
  add(
    'Cosmos requests per post',
    n('broadcast.cosmosRequestsPerPost'),
    `with 429s ${n('broadcast.cosmosRequestsPerPostWith429') ?? ''}, two senders ${n('broadcast.cosmosRequestsPerPostTwoSenders') ?? ''}`,
    undefined,
    'fewer (was 9.6)',
    v('broadcast.cosmosRequestsPerPost') < 9.6,
  );
  add(
    'reminder tick, 10 due, 10k held',
    n('scheduler.msPerTick.held10k_due10', ' ms'),
    `1k held ${n('scheduler.msPerTick.held1k_due10', ' ms') ?? ''}`,
    get(results, 'scheduler.tickRatio10kTo1k.due10'),
    '≤ 1.5x',
    v('scheduler.tickRatio10kTo1k.due10') <= 1.5,
  );
  add(
    'reminder tick, 1,000 due, 10k held',
    n('scheduler.msPerTick.held10k_due1000', ' ms'),
    `1k held ${n('scheduler.msPerTick.held1k_due1000', ' ms') ?? ''}`,
    get(results, 'scheduler.tickRatio10kTo1k.due1000'),
    '≤ 1.5x',
    v('scheduler.tickRatio10kTo1k.due1000') <= 1.5,
  );
  add(
    'due query alone, 10k held',
    n('scheduler.dueQueryMs.10k', ' ms'),
    `1k held ${n('scheduler.dueQueryMs.1k', ' ms') ?? ''}`,
    ratioOf(v('scheduler.dueQueryMs.10k'), v('scheduler.dueQueryMs.1k')),
    '(embedded store)',
    undefined,
  );
  add(
    `${n('scheduler.drainReminders') ?? ''} reminders due at once`,
    n('scheduler.drainSeconds1000', ' s'),
    `allowed ${n('scheduler.drainAllowedSeconds', ' s') ?? ''}`,
    get(results, 'scheduler.drainRatioToAllowed'),
    '≤ 1.1x',
    v('scheduler.drainRatioToAllowed') <= 1.1,
  );
  const share = (path: string): string | undefined => {
    const value = get(results, path);
    return value === undefined ? undefined : `${Math.round(value * 1000) / 10} %`;
  };
  add(
    'referral: fields read right',
    share('referralLanguage.fieldAccuracy'),
    'corpus labels',
    undefined,
    '≥ 95 %',
    v('referralLanguage.fieldAccuracy') >= 0.95,
  );
  add(
    'referral: wrong "not eligible" / "no referral"',
    n('referralLanguage.wrongNegatives'),
    'corpus labels',
    undefined,
    '0',
    v('referralLanguage.wrongNegatives') === 0,
  );
  add(
    'referral: route as labelled',
    share('referralLanguage.routeAccuracy'),
    'complete descriptions',
    undefined,
    '',
    undefined,
  );
  add(
    'referral: outcome in two messages',
    share('referralLanguage.twoMessageOutcomes'),
    'complete descriptions',
    undefined,
    '≥ 80 %',
    v('referralLanguage.twoMessageOutcomes') >= 0.8,
  );
  add(
    'referral: risk mentions escalated',
    share('referralLanguage.riskEscalated'),
    'every risk phrase',
    undefined,
    '100 %',
    v('referralLanguage.riskEscalated') === 1,
  );
  return rows;
}

const ratioOf = (a: number, b: number): number | undefined =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b) : undefined;

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
