import { z } from 'zod';
import { isHttpsOrLoopback } from '../../config';
import { parseJwks, type SigningKey } from './signing-keys';

export type KeyFetchFailure = 'timeout' | 'network' | 'http_status' | 'bad_document' | 'no_keys';

export type KeyFetchResult =
  { ok: true; keys: SigningKey[] } | { ok: false; reason: KeyFetchFailure; status?: number };

const openIdConfigurationSchema = z
  .object({ jwks_uri: z.string().refine(isHttpsOrLoopback) })
  .loose();

class FetchFailed extends Error {
  constructor(
    readonly reason: KeyFetchFailure,
    readonly status?: number,
  ) {
    super(reason);
    this.name = 'FetchFailed';
  }
}

function classify(error: unknown, signal: AbortSignal): KeyFetchResult {
  if (error instanceof FetchFailed) {
    return {
      ok: false,
      reason: error.reason,
      ...(error.status === undefined ? {} : { status: error.status }),
    };
  }
  return { ok: false, reason: signal.aborted ? 'timeout' : 'network' };
}

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchFailed('http_status', response.status);
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FetchFailed('bad_document');
  }
}

/**
 * Fetches the OpenID configuration, then the JWKS it names, within one deadline for both.
 * Never throws: a failure comes back as a reason class, with no library or server text.
 */
export async function fetchSigningKeys(
  metadataUrl: string,
  timeoutMs: number,
): Promise<KeyFetchResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const configuration = openIdConfigurationSchema.safeParse(await getJson(metadataUrl, signal));
    if (!configuration.success) {
      return { ok: false, reason: 'bad_document' };
    }
    const keys = parseJwks(await getJson(configuration.data.jwks_uri, signal));
    if (keys === undefined) {
      return { ok: false, reason: 'bad_document' };
    }
    return keys.length > 0 ? { ok: true, keys } : { ok: false, reason: 'no_keys' };
  } catch (error) {
    return classify(error, signal);
  }
}
