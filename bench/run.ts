import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pcnConfigSchema } from '../src/domain/pcn-config';
import { referralAnswersSchema } from '../src/domain/referral/referral-answers';
import { assessReferral } from '../src/domain/referral/referral-rules';
import { availablePort, launchBot, ROOT } from '../scripts/launch';
import { SAMPLE_ANSWERS } from '../test/fixtures/referral-answers';

/**
 * Benchmarks, reported as ratios against a baseline measured in the same run on the same
 * machine, so the numbers mean something on any hardware. Nothing here passes or fails.
 */

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeLoop(iterations: number, body: () => void): number {
  const started = performance.now();
  for (let i = 0; i < iterations; i += 1) {
    body();
  }
  return (performance.now() - started) / iterations;
}

function benchRules(): void {
  const pcn = pcnConfigSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'config', 'pcn.example.json'), 'utf8')),
  );
  const answers = SAMPLE_ANSWERS;
  const n = 100_000;
  timeLoop(n / 10, () => assessReferral(answers, pcn.referral));
  const baseline = timeLoop(n, () => referralAnswersSchema.parse(answers));
  const rules = timeLoop(n, () => assessReferral(answers, pcn.referral));
  process.stdout.write(
    `rules: assessReferral ${(rules * 1e6).toFixed(0)} ns/call; baseline zod parse of the same answers ${(baseline * 1e6).toFixed(0)} ns; ratio ${(rules / baseline).toFixed(2)}\n`,
  );
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  if (!response.ok) {
    throw new Error(`POST answered ${response.status}`);
  }
}

/**
 * Referral turns over HTTP against /readyz, and the bot's memory before and after more
 * referrals. With `heapLimitMb`, the bot runs with that V8 heap limit: if memory were retained
 * per referral it would fail; if it stays flat, the growth seen without a limit is V8 taking
 * room it is allowed to, not a leak.
 */
async function benchHttp(heapLimitMb?: number): Promise<void> {
  const bot = await launchBot({
    PATH: process.env.PATH ?? '',
    PORT: String(await availablePort()),
    LOG_LEVEL: 'info',
    ...(heapLimitMb ? { NODE_OPTIONS: `--max-old-space-size=${heapLimitMb}` } : {}),
  });
  const pid = bot.process.pid ?? 0;
  try {
    const activity = (conversation: string, text: string, n: number) => ({
      type: 'message',
      id: `bench-${conversation}-${n}`,
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/uk/',
      deliveryMode: 'expectReplies',
      recipient: { id: '28:bot' },
      from: { id: `29:${conversation}` },
      conversation: { id: conversation, conversationType: 'personal', tenantId: 'bench-tenant' },
      text,
    });
    const answers = ['refer', 'no', 'yes', '1', '1, 5', '1, 2', '2', 'not measured', 'yes'];
    for (let i = 0; i < 5; i += 1) {
      for (const [n, text] of answers.entries()) {
        await post(bot.url, activity(`warm-${i}`, text, n));
      }
    }
    const rssBefore = rssKb(pid);

    const health: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const started = performance.now();
      await (await fetch(`${bot.url}/readyz`)).text();
      health.push(performance.now() - started);
    }
    const turns: number[] = [];
    const conversations = Number(process.env.BENCH_CONVERSATIONS ?? (heapLimitMb ? 300 : 100));
    for (let c = 0; c < conversations; c += 1) {
      for (const [n, text] of answers.entries()) {
        const started = performance.now();
        await post(bot.url, activity(`bench-${c}`, text, n));
        turns.push(performance.now() - started);
      }
    }
    const rssAfter = rssKb(pid);
    const turn = median(turns);
    const baseline = median(health);
    const heap = heapLimitMb ? ` (heap limited to ${heapLimitMb} MiB)` : '';
    process.stdout.write(
      `http${heap}: referral turn median ${turn.toFixed(1)} ms over ${turns.length} turns; baseline GET /readyz (one Cosmos read) ${baseline.toFixed(1)} ms; ratio ${(turn / baseline).toFixed(2)}\n`,
    );
    process.stdout.write(
      `memory${heap}: bot RSS ${(rssBefore / 1024).toFixed(0)} MiB after warm-up, ${(rssAfter / 1024).toFixed(0)} MiB after ${conversations} more complete referrals; ratio ${(rssAfter / rssBefore).toFixed(2)}\n`,
    );
  } finally {
    await bot.stop();
  }
}

async function main(): Promise<void> {
  benchRules();
  await benchHttp();
  await benchHttp(96);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
