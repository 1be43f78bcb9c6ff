import { PlaygroundDriver } from './playground-driver';
import { startPlaygroundSession, type PlaygroundSession } from './playground-session';

/**
 * For one test file: a Playground session (startPlaygroundSession's `name` and `options`) started
 * before the tests with a driver connected to it, both stopped after. Read `driver` in a test.
 */
export function usePlayground(
  name: string,
  options?: Parameters<typeof startPlaygroundSession>[1],
): { readonly driver: PlaygroundDriver } {
  let session: PlaygroundSession | undefined;
  let driver: PlaygroundDriver | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession(name, options);
    driver = await PlaygroundDriver.connect(session.playground.url);
  });
  afterAll(async () => {
    driver?.close();
    await session?.stop();
  });
  return {
    get driver() {
      if (driver === undefined) {
        throw new Error('The Playground is started in beforeAll: use its driver inside a test.');
      }
      return driver;
    },
  };
}
