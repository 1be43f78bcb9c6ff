import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket, connect } from 'node:net';
import { join } from 'node:path';
import { launchBot, ROOT, start, waitForLine, type Child } from '../../scripts/launch';
import { tapLogLines } from './log-tap';
import { present } from './present';

export type Running = Child;

export interface RunningBot extends Running {
  url: string;
}

/** Start the built bot (`npm start`'s entry point) as its own process, on a free port. */
export async function startBot(env: Record<string, string> = {}): Promise<RunningBot> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  const bot = await launchBot({
    PATH: process.env.PATH ?? '',
    PORT: '0',
    LOG_LEVEL: 'info',
    // On the real clock, a run on a Monday morning would otherwise send digests into the tests' chats.
    WEEKLY_DIGEST_OFF: 'true',
    ...env,
  });
  return {
    ...bot,
    stop: async (signal) => {
      await bot.stop(signal);
      // Its log lines join the run's scan for identifiers.
      tapLogLines(bot.output.filter((line) => line.startsWith('{')));
    },
  };
}

/** For one test file: the built bot, started before its tests and stopped after. Call it in a test. */
export function useBot(env: Record<string, string> = {}): () => RunningBot {
  let bot: RunningBot | undefined;
  beforeAll(async () => {
    bot = await startBot(env);
  });
  afterAll(async () => {
    await bot?.stop();
  });
  return () => present(bot, 'bot started before the tests');
}

/** Run the bot expecting it to refuse to start; returns its exit code and output. */
export async function startBotExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = start(
    process.execPath,
    [join(ROOT, 'dist', 'src', 'index.js')],
    { PATH: process.env.PATH ?? '', ...env },
    false,
  );
  const code = await new Promise<number | null>((resolve) => child.process.once('close', resolve));
  return { code, output: child.output.join('\n') };
}

/**
 * The Cosmos-compatible server from its own CLI, in its own process, as a stand-in for a Cosmos
 * account. It binds a port the system picks (port 0) and says which, so no other process can take
 * the port between our choosing it and the server binding it.
 */
export async function startCosmosProcess(): Promise<Running & { endpoint: string }> {
  const cli = join(ROOT, 'node_modules', '@vercel', 'cosmosdb-server', 'lib', 'cli.js');
  const running = start(
    process.execPath,
    [cli, '-p', '0', '--host', '127.0.0.1'],
    { PATH: process.env.PATH ?? '' },
    false,
  );
  try {
    const ready = await waitForLine(
      running,
      /Ready to accept HTTPS connections at 127\.0\.0\.1:(\d+)/,
      'the Cosmos-compatible server',
    );
    return { ...running, endpoint: `https://127.0.0.1:${ready[1] ?? ''}` };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/** A TCP proxy on loopback that can cut its traffic, to take storage away from a running bot. */
export interface CuttableProxy {
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<CuttableProxy> {
  let open = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      open = false;
      sockets.forEach((s) => s.destroy());
    },
    restore: () => {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
