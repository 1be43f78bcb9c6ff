/** What to do after a failed send, from the HTTP status Teams answered with. */
export type SendFailure =
  { kind: 'retry'; delayMs: number; reason: string } | { kind: 'give-up'; reason: string };

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
};

/**
 * 429 / 412 / 502 / 503 / 504 and network errors are retried, honouring Retry-After when given,
 * otherwise with exponential backoff and full jitter. 403 means the app was removed or blocked:
 * permanent. Anything else is permanent too. After `maxAttempts` attempts, give up.
 */
export function afterFailure(
  status: number | undefined,
  retryAfterMs: number | undefined,
  attempt: number,
  options: RetryOptions,
  random: () => number,
): SendFailure {
  if (status === 403) {
    return {
      kind: 'give-up',
      reason: 'The app is no longer installed there, or was blocked (403).',
    };
  }
  if (status !== undefined && !RETRYABLE.has(status)) {
    return { kind: 'give-up', reason: `Teams refused the post (HTTP ${status}).` };
  }
  const label = status === undefined ? 'network error' : `HTTP ${status}`;
  if (attempt >= options.maxAttempts) {
    return { kind: 'give-up', reason: `Gave up after ${attempt} attempts (last: ${label}).` };
  }
  if (retryAfterMs !== undefined && retryAfterMs >= 0) {
    return {
      kind: 'retry',
      delayMs: Math.min(retryAfterMs, options.maxDelayMs * 10),
      reason: label,
    };
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return { kind: 'retry', delayMs: Math.round(ceiling * (0.5 + random() / 2)), reason: label };
}

/** Retry-After as Teams sends it: whole seconds, or an HTTP date. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (!value) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
