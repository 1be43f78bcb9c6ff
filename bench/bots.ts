import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { availablePort, ROOT, start, type Child } from '../scripts/launch';
import { median, percentile, rssMb } from './measure';

/** Our bot (the built app) or the bare echo bot, as separate processes on the embedded store. */
export type BotKind = 'ours' | 'echo';

const SCRIPTS: Record<BotKind, string> = {
  ours: join(ROOT, 'dist', 'src', 'index.js'),
  echo: join(ROOT, 'dist', 'bench', 'echo-bot.js'),
};

interface RunningBot {
  child: Child;
  url: string;
  startupMs: number;
}

/** Spawn the bot and time it until /healthz answers 200. */
async function launch(kind: BotKind): Promise<RunningBot> {
  const port = await availablePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = start(
    process.execPath,
    [SCRIPTS[kind]],
    {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: `--expose-gc --require ${join(ROOT, 'dist', 'bench', 'gc-on-signal.js')}`,
    },
    false,
  );
  for (;;) {
    const ok = await fetch(`${url}/healthz`)
      .then(async (r) => {
        await r.text();
        return r.ok;
      })
      .catch(() => false);
    if (ok) {
      return { child, url, startupMs: performance.now() - started };
    }
    if (child.process.exitCode !== null || performance.now() - started > 30_000) {
      await child.stop();
      throw new Error(`${kind} bot did not start:\n${child.output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A full GC in the bot, then its resident memory (MiB). */
async function rssAfterGc(bot: RunningBot): Promise<number> {
  const seen = bot.child.output.filter((line) => line.includes('"gc_done"')).length;
  bot.child.process.kill('SIGUSR2');
  const started = Date.now();
  while (bot.child.output.filter((line) => line.includes('"gc_done"')).length <= seen) {
    if (Date.now() - started > 5_000) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return rssMb(bot.child.process.pid ?? 0);
}

const REFERRAL = ['refer', 'no', 'yes', '1', '1, 5', '1, 2', '2', 'not measured', 'yes'];

function activity(conversation: string, text: string, n: number): Record<string, unknown> {
  return {
    type: 'message',
    id: `bench-${conversation}-${n}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/uk/',
    deliveryMode: 'expectReplies',
    recipient: { id: '28:bot' },
    from: { id: `29:${conversation}` },
    conversation: { id: conversation, conversationType: 'personal', tenantId: 'bench-tenant' },
    text,
  };
}

/** One turn over HTTP; its time in ms, or undefined when it failed. */
async function turn(url: string, body: Record<string, unknown>): Promise<number | undefined> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.text();
    return response.ok ? performance.now() - started : undefined;
  } catch {
    return undefined;
  }
}

/** A referral's turns, one conversation after another. */
async function sequential(url: string, prefix: string, conversations: number): Promise<number[]> {
  const times: number[] = [];
  for (let c = 0; c < conversations; c += 1) {
    for (const [n, text] of REFERRAL.entries()) {
      const ms = await turn(url, activity(`${prefix}-${c}`, text, n));
      if (ms !== undefined) {
        times.push(ms);
      }
    }
  }
  return times;
}

/** `conversations` people at once, each going through referrals as fast as answered. */
async function concurrent(
  url: string,
  prefix: string,
  conversations: number,
  seconds: number,
): Promise<{ turnsPerSecond: number; errors: number; p99Ms: number }> {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_v, worker) => {
      for (let round = 0; performance.now() < until; round += 1) {
        for (const [n, text] of REFERRAL.entries()) {
          if (performance.now() >= until) {
            break;
          }
          const ms = await turn(url, activity(`${prefix}-${worker}-${round}`, text, n));
          if (ms === undefined) {
            errors += 1;
          } else {
            times.push(ms);
          }
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { turnsPerSecond: times.length / elapsed, errors, p99Ms: percentile(times, 99) };
}

export interface BotMeasures {
  startupMs: number;
  /** After start-up and a GC, before any turn. */
  startRssMb: number;
  /** After warm-up turns and a GC: the bot at rest. */
  idleRssMb: number;
  /** After the latency and throughput runs, and a GC. */
  loadedRssMb: number;
  p50Ms: number;
  p99Ms: number;
  turnsPerSecond: number;
  errors: number;
  concurrentP99Ms: number;
}

/** Start-up (median of `startups`), memory, latency at one conversation and throughput at 50. */
export async function measureBot(
  kind: BotKind,
  sizes: { latencyConversations: number; concurrentSeconds: number; startups: number },
): Promise<BotMeasures> {
  const bot = await launch(kind);
  const startups = [bot.startupMs];
  try {
    const startRssMb = await rssAfterGc(bot);
    await sequential(bot.url, `${kind}-warm`, 5);
    const idleRssMb = await rssAfterGc(bot);
    const latency = await sequential(bot.url, `${kind}-latency`, sizes.latencyConversations);
    const load = await concurrent(bot.url, `${kind}-load`, 50, sizes.concurrentSeconds);
    const loadedRssMb = await rssAfterGc(bot);
    await bot.child.stop();
    for (let i = 1; i < sizes.startups; i += 1) {
      const again = await launch(kind);
      startups.push(again.startupMs);
      await again.child.stop();
    }
    return {
      startupMs: median(startups),
      startRssMb,
      idleRssMb,
      loadedRssMb,
      p50Ms: percentile(latency, 50),
      p99Ms: percentile(latency, 99),
      turnsPerSecond: load.turnsPerSecond,
      errors: load.errors,
      concurrentP99Ms: load.p99Ms,
    };
  } finally {
    await bot.child.stop();
  }
}
