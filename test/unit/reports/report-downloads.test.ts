import { randomUUID } from 'node:crypto';
import {
  isPossibleJobId,
  isPossibleMonth,
  isPossibleTenantId,
} from '../../../src/bot/http/download-links';
import { answerDownload, type DownloadResponse } from '../../../src/bot/http/report-routes';
import { AppError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import { storageError } from '../../../src/store/cosmos-errors';

const OK: DownloadResponse = { status: 200, contentType: 'text/csv', body: 'a\r\n' };

function capture(): {
  lines: Array<Record<string, unknown>>;
  logger: ReturnType<typeof createLogger>;
} {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('debug', (line) => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { lines, logger };
}

/** A handler whose promise rejects with exactly this, Error or not. */
const failingWith = (error: unknown) => (): Promise<DownloadResponse> =>
  Promise.resolve().then(() => {
    throw error;
  });

/** The SDK's errors as storageError() sees them: a number `code` is the HTTP status. */
const sdkError = (code: number | string): Error =>
  Object.assign(new Error(`sdk said ${code}`), { code });

describe('what a download answers when it fails', () => {
  it('passes a good answer through untouched, and logs nothing', async () => {
    const { lines, logger } = capture();
    expect(await answerDownload('/r', logger, () => Promise.resolve(OK))).toBe(OK);
    expect(lines).toHaveLength(0);
  });

  it.each([
    ['unreachable (no status)', sdkError('ECONNREFUSED')],
    ['a timeout', sdkError('TimeoutError')],
    ['408', sdkError(408)],
    ['429 throttled', sdkError(429)],
    ['500', sdkError(500)],
    ['503', sdkError(503)],
  ])('storage %s -> 503 with Retry-After and a fixed body', async (_name, cause) => {
    const { lines, logger } = capture();
    const response = await answerDownload(
      '/reports/x',
      logger,
      failingWith(storageError('read broadcast', cause)),
    );
    expect(response.status).toBe(503);
    expect(response.retryAfterSeconds).toBeGreaterThan(0);
    expect(response.contentType).toContain('text/plain');
    expect(response.body).toBe(
      'Reports are unavailable just now. Please try the link again in a minute.',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      event: 'download_unavailable',
      code: 'STORAGE_UNAVAILABLE',
      route: '/reports/x',
    });
    expect(JSON.stringify(lines[0])).not.toContain('sdk said');
  });

  it.each([
    [
      'a 400 from storage (a request it will always refuse)',
      storageError('read', sdkError(400)),
      'STORAGE_UNAVAILABLE',
    ],
    [
      'a stored document in the wrong shape',
      new AppError('STORED_DOCUMENT_INVALID', 'job'),
      'STORED_DOCUMENT_INVALID',
    ],
    ['a plain bug', new TypeError('cannot read properties of undefined'), 'UNEXPECTED'],
    ['a thrown string', 'boom', 'UNEXPECTED'],
  ])('%s -> 500 with a fixed body and one log line with the code', async (_name, error, code) => {
    const { lines, logger } = capture();
    const response = await answerDownload('/reports/y', logger, failingWith(error));
    expect(response).toEqual({
      status: 500,
      contentType: 'text/plain; charset=utf-8',
      body: 'Something went wrong preparing this report. Please try the link again later.',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      event: 'download_failed',
      code,
      route: '/reports/y',
    });
  });

  it('turns a handler that throws before it returns a promise into the same 500', async () => {
    const { lines, logger } = capture();
    const response = await answerDownload('/reports/z', logger, () => {
      throw new Error('synchronous');
    });
    expect(response.status).toBe(500);
    expect(lines).toHaveLength(1);
  });
});

describe('which ids a download link can name', () => {
  it('accepts the ids the app makes', () => {
    expect(isPossibleJobId(randomUUID())).toBe(true);
    expect(isPossibleTenantId('aaaaaaaa-0000-0000-0000-000000000001')).toBe(true);
    expect(isPossibleTenantId('AAAAAAAA-0000-0000-0000-000000000001')).toBe(true);
    expect(isPossibleMonth('2026-11')).toBe(true);
  });

  const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
  it.each([
    ['a /', `${uuid}/x`],
    ['..', '..'],
    ['a control character', `${uuid}\u0000`],
    ['a trailing newline', `${uuid}\n`],
    ['too long', `${uuid}${'0'.repeat(300)}`],
    ['upper case (randomUUID is lower case)', uuid.toUpperCase()],
    ['not a UUID', 'job-1'],
    ['empty', ''],
  ])('refuses a job id with %s', (_name, id) => {
    expect(isPossibleJobId(id)).toBe(false);
  });

  it('refuses tenant ids and months the app never makes', () => {
    expect(isPossibleTenantId('../x')).toBe(false);
    expect(isPossibleTenantId('tenant-broadcast')).toBe(false);
    expect(isPossibleMonth('2026-13')).toBe(false);
    expect(isPossibleMonth('2026-00')).toBe(false);
    expect(isPossibleMonth('2026-1')).toBe(false);
    expect(isPossibleMonth('2026-11\n')).toBe(false);
  });
});
