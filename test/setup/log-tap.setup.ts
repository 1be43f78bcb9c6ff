/**
 * Copies every line any logger writes in a test file to the run's log tap (test/helpers/log-tap.ts),
 * whatever sink the test gave it.
 */
jest.mock('../../src/logger', () => {
  const actual = jest.requireActual<typeof import('../../src/logger')>('../../src/logger');
  const { tapLogLines } =
    jest.requireActual<typeof import('../helpers/log-tap')>('../helpers/log-tap');
  const createLogger: typeof actual.createLogger = (level, sink, scope) =>
    actual.createLogger(
      level,
      (line) => {
        tapLogLines([line]);
        sink(line);
      },
      scope,
    );
  return { ...actual, createLogger, silentLogger: createLogger('error', () => undefined) };
});
