import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Starting the bot and the Microsoft 365 Agents Playground as child processes, for `npm run dev`
 * and for the end-to-end tests, so both run exactly the same way.
 */

/** The project folder, whether this runs compiled from dist/scripts or from source in tests. */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package-lock.json')) && dirname(dir) !== dir) {
    dir = dirname(dir);
  }
  return dir;
}

export const ROOT = findRoot(__dirname);

export interface Child {
  process: ChildProcess;
  output: string[];
  /** Emits 'line' for each line of output as it arrives. */
  events: EventEmitter;
  /** Resolves once the process has ended and all its output has been read. */
  closed: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The port asked for if it is free, otherwise any free one (another process may hold 3978 or 56150). */
export async function availablePort(preferred = 0): Promise<number> {
  const tryPort = (port: number): Promise<number | undefined> =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as AddressInfo;
        server.close(() => resolve(bound));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0)) ?? 0;
}

export function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  echo: boolean,
): Child {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const events = new EventEmitter();
  const addLine = (line: string): void => {
    if (line.length > 0) {
      output.push(line);
      events.emit('line', line);
    }
  };
  // A chunk can end part-way through a line: keep the rest until the line is complete.
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(addLine);
      if (echo) {
        process.stdout.write(text);
      }
    });
    stream?.on('end', () => addLine(partial));
  }
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    process: child,
    output,
    events,
    closed: exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
      await exited;
    },
  };
}

/**
 * Resolves with the first line of output (already written, or still to come) that matches. The
 * deadline only turns a process that never says it is ready into a clear error; it is generous
 * because a busy machine can take many seconds to start Node.
 */
export function waitForLine(
  child: Child,
  pattern: RegExp,
  what: string,
  timeoutMs = 45_000,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (outcome: () => void): void => {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      child.events.off('line', onLine);
      outcome();
    };
    const onLine = (line: string): void => {
      const match = pattern.exec(line);
      if (match) {
        finish(() => resolve(match));
      }
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new Error(`${what} did not start within ${timeoutMs} ms:\n${child.output.join('\n')}`),
        ),
      );
    }, timeoutMs);
    child.events.on('line', onLine);
    child.output.forEach(onLine);
    // All of its output has been read by the time it has closed.
    void child.closed.then(() =>
      finish(() =>
        reject(
          new Error(
            `${what} exited with code ${child.process.exitCode ?? child.process.signalCode}:\n${child.output.join('\n')}`,
          ),
        ),
      ),
    );
  });
}

/** Start the built bot; resolves once it listens, with its base URL. */
export async function launchBot(
  env: NodeJS.ProcessEnv,
  echo = false,
): Promise<Child & { url: string }> {
  const child = start(process.execPath, [join(ROOT, 'dist', 'src', 'index.js')], env, echo);
  const match = await waitForLine(child, /"event":"listening","url":"([^"]+)"/, 'the bot');
  return { ...child, url: match[1] ?? '' };
}

/**
 * Start the Agents Playground offline (no browser opened, no telemetry) against the bot. It binds
 * all interfaces and may move to another port when the one asked for is busy, so we read the
 * port it reports.
 */
export async function launchPlayground(
  botMessagesUrl: string,
  port: number,
  logFile: string,
  echo = false,
): Promise<Child & { url: string }> {
  const cli = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = start(
    process.execPath,
    [cli, '-e', botMessagesUrl, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(ROOT, '.m365agentsplayground.yml'),
    },
    echo,
  );
  const match = await waitForLine(child, /Listening on (\d+)/, 'the Agents Playground');
  const url = `http://127.0.0.1:${match[1] ?? port}`;
  // It says it listens before it has read its configuration; it is ready once it serves it. The
  // deadline is generous: it is there to report a Playground that never gets ready.
  const started = Date.now();
  for (;;) {
    const ready = await fetch(`${url}/_internal/v1/config`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) {
      return { ...child, url };
    }
    if (child.process.exitCode !== null || Date.now() - started > 45_000) {
      const log = existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('error'))
            .join('\n')
        : '';
      await child.stop();
      throw new Error(`the Agents Playground did not start:\n${log || child.output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
