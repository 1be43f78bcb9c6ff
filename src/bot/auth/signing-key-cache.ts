import type { Logger } from '../../logger';
import type { KeyFetchResult } from './openid-keys-fetch';
import type { SigningKey } from './signing-keys';

export type KeyLookup =
  | { kind: 'found'; key: SigningKey }
  | { kind: 'unknown' }
  | { kind: 'unavailable'; retryAfterSeconds: number };

export interface SigningKeyCacheOptions {
  /** Keys older than this are fetched again before use (botframework-connector: 24 h). */
  maxAgeMs: number;
  /** A token naming a key we do not hold fetches again at most this often. */
  unknownKeyRefreshMs: number;
  /** After a failed fetch, nobody fetches again (or waits) for this long. */
  failureCooldownMs: number;
  now: () => number;
}

export const DEFAULT_KEY_CACHE_OPTIONS: SigningKeyCacheOptions = {
  maxAgeMs: 24 * 60 * 60 * 1000,
  unknownKeyRefreshMs: 5 * 60 * 1000,
  failureCooldownMs: 5_000,
  now: () => Date.now(),
};

/**
 * The Bot Framework's signing keys, fetched once and shared. One fetch runs at a time and every
 * request that needs it waits for that one (single flight). Keys are fetched again after
 * `maxAgeMs`, or when a token names an unknown key id (at most once per `unknownKeyRefreshMs`).
 * When a refresh fails the keys already held stay in use, as botframework-connector does; with
 * none held, requests are told to come back after the cool-down instead of each trying again.
 */
export class SigningKeyCache {
  private keys: ReadonlyMap<string, SigningKey> | undefined;
  private loadedAt = 0;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly load: () => Promise<KeyFetchResult>,
    private readonly logger: Logger,
    private readonly options: SigningKeyCacheOptions = DEFAULT_KEY_CACHE_OPTIONS,
  ) {}

  async find(kid: string): Promise<KeyLookup> {
    const now = this.options.now();
    const stale = this.keys === undefined || now - this.loadedAt >= this.options.maxAgeMs;
    if (stale && (this.inFlight || !this.coolingDown(now))) {
      await this.refresh();
    }
    if (this.keys === undefined) {
      return { kind: 'unavailable', retryAfterSeconds: this.retryAfterSeconds() };
    }
    const held = this.keys.get(kid);
    if (held) {
      return { kind: 'found', key: held };
    }
    const later = this.options.now();
    const mayFetch =
      later - this.attemptedAt >= this.options.unknownKeyRefreshMs && !this.coolingDown(later);
    if (!this.inFlight && !mayFetch) {
      return { kind: 'unknown' };
    }
    await this.refresh();
    const fetched = this.keys.get(kid);
    return fetched ? { kind: 'found', key: fetched } : { kind: 'unknown' };
  }

  private coolingDown(now: number): boolean {
    return now - this.failedAt < this.options.failureCooldownMs;
  }

  private retryAfterSeconds(): number {
    const left = this.failedAt + this.options.failureCooldownMs - this.options.now();
    return Math.max(1, Math.ceil(left / 1000));
  }

  /** Joins the fetch under way, or starts one. Never rejects. */
  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchOnce(): Promise<void> {
    this.attemptedAt = this.options.now();
    let result: KeyFetchResult;
    try {
      result = await this.load();
    } catch {
      result = { ok: false, reason: 'network' };
    }
    if (result.ok) {
      this.keys = new Map(result.keys.map((key) => [key.kid, key]));
      this.loadedAt = this.options.now();
      this.logger.info('signing_keys_loaded', { keys: result.keys.length });
      return;
    }
    this.failedAt = this.options.now();
    this.logger.warn('signing_keys_unavailable', {
      reason: result.reason,
      status: result.status,
      usingHeldKeys: this.keys !== undefined,
    });
  }
}
