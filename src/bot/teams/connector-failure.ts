import { parseRetryAfter } from '../../domain/broadcast/retry-policy';

/** What botbuilder's connector client throws when Teams answers with an error. */
interface ConnectorError {
  statusCode?: number;
  message?: string;
  response?: { headers?: { get?: (name: string) => string | undefined | null } };
}

export interface ConnectorFailure {
  /** The HTTP status Teams answered with; absent when nothing answered (network). */
  status?: number;
  /** From Retry-After, when Teams sent one. */
  retryAfterMs?: number;
  message: string;
}

/** Reads the status and Retry-After out of a failed connector call. */
export function connectorFailure(error: unknown, now = Date.now()): ConnectorFailure {
  const failure = (error ?? {}) as ConnectorError;
  const retryAfter = failure.response?.headers?.get?.('retry-after');
  const retryAfterMs = parseRetryAfter(retryAfter ?? undefined, now);
  return {
    ...(typeof failure.statusCode === 'number' ? { status: failure.statusCode } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    message: failure.message ?? (error instanceof Error ? error.message : 'unknown error'),
  };
}

/** Throttling (429), a Teams-side failure (5xx) or no answer at all: worth trying again later. */
export const isTransient = (failure: ConnectorFailure): boolean =>
  failure.status === undefined || failure.status === 429 || failure.status >= 500;
