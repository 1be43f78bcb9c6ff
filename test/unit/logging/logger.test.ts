import { AppError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(line)) };
}

describe('the logger keeps what users typed out of the logs', () => {
  it("logs a library error's name and stack frames, not its message", () => {
    const { lines, logger } = capture();
    let parseError: unknown;
    try {
      JSON.parse('{"patient": "Johnathan Smithers 943 476 5919"');
    } catch (error) {
      parseError = error;
    }
    logger.error('turn_failed', { code: 'UNEXPECTED' }, parseError);
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({ event: 'turn_failed', errorName: 'SyntaxError' });
    expect(record.stack).toMatch(/^\s+at /);
    expect(lines[0]).not.toMatch(/Smithers|943 476 5919/);
  });

  it('keeps the code and message of our own coded errors, which never hold user text', () => {
    const { lines, logger } = capture();
    logger.error('turn_failed', {}, new AppError('STORAGE_UNAVAILABLE', 'read dialog state'));
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      errorCode: 'STORAGE_UNAVAILABLE',
      error: 'STORAGE_UNAVAILABLE: read dialog state',
    });
  });

  it('logs only the type of something thrown that is not an Error', () => {
    const { lines, logger } = capture();
    logger.error('job_failed', {}, 'Mr Edward Jones');
    expect(lines[0]).toContain('"errorName":"string"');
    expect(lines[0]).not.toContain('Edward');
  });
});
