import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availablePort, launchBot, launchPlayground } from './launch';

/**
 * `npm run dev`: the bot with the embedded store and the Agents Playground together, offline.
 * Open the printed address in a browser to chat with the bot as a Teams user.
 */
async function main(): Promise<void> {
  const botPort = await availablePort(Number(process.env.PORT ?? 3978));
  const bot = await launchBot({ ...process.env, PORT: String(botPort) }, true);
  const playground = await launchPlayground(
    `${bot.url}/api/messages`,
    await availablePort(Number(process.env.PLAYGROUND_PORT ?? 56150)),
    join(tmpdir(), 'hwbc-agents-playground.log'),
  );
  process.stdout.write(
    [
      '',
      '  HWBC assistant is running locally.',
      `  Bot:              ${bot.url}/api/messages  (no authentication: loopback only)`,
      `  Agents Playground: ${playground.url}   <- open this in a browser`,
      '  Storage:          embedded, in memory (lost when you stop)',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void Promise.all([playground.stop(), bot.stop()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (const child of [bot, playground]) {
    child.process.once('exit', (code) => {
      process.stderr.write(`A process stopped (code ${code ?? 'signal'}); stopping the other.\n`);
      stop();
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm run dev failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
