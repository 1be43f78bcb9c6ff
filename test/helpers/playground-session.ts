import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availablePort, launchPlayground, ROOT, type Child } from '../../scripts/launch';
import { startBot, type RunningBot } from './processes';

/** The Playground's signed-in user (.m365agentsplayground.yml): the example PCN's lead. */
export const PLAYGROUND_USER_AAD_ID = '00000000-0000-0000-0000-0000000000a1';

export interface PlaygroundSession {
  bot: RunningBot;
  playground: Child & { url: string };
  stop: () => Promise<void>;
}

/**
 * The built bot and the Agents Playground, each on a free port. With `userIsCoach` the
 * Playground's user (a lead) is also one of the PCN's coaches (trained, so offered referrals), so
 * one browser can walk every role.
 */
export async function startPlaygroundSession(
  name: string,
  options: { userIsCoach?: boolean; env?: Record<string, string> } = {},
): Promise<PlaygroundSession> {
  const env: Record<string, string> = { ...options.env };
  if (options.userIsCoach) {
    const pcn = JSON.parse(readFileSync(join(ROOT, 'config', 'pcn.example.json'), 'utf8')) as {
      coaches: Array<Record<string, unknown>>;
    };
    // Trained, and working with every practice: offered the referrals GPs send to the team.
    pcn.coaches.push({
      aadObjectId: PLAYGROUND_USER_AAD_ID,
      displayName: 'Sam Lead',
      practices: [],
      pciTrainingCompletedOn: '2026-01-15',
    });
    const pcnPath = join(tmpdir(), `pcn-${name}-${process.pid}.json`);
    writeFileSync(pcnPath, JSON.stringify(pcn));
    env.PCN_CONFIG_PATH = pcnPath;
  }
  const bot = await startBot(env);
  try {
    const playground = await launchPlayground(
      `${bot.url}/api/messages`,
      await availablePort(),
      join(tmpdir(), `playground-${name}-${process.pid}.log`),
    );
    return {
      bot,
      playground,
      stop: async () => {
        await playground.stop();
        await bot.stop();
      },
    };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}
