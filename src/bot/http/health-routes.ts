import type restify from 'restify';

export interface HealthDependencies {
  storageKind: 'embedded' | 'cosmos';
  /** Resolves true when storage answers. */
  probeStorage: () => Promise<boolean>;
}

const READINESS_PROBE_TIMEOUT_MS = 2_000;

/** Resolves as the promise does, or false once the time is up: a probe must answer quickly. */
async function withTimeout(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz` says only that the process answers (liveness), to anyone. `/readyz` says whether
 * storage answers (200 or 503), for the platform's health check; it names the storage kind and
 * nothing else about the deployment.
 */
export function registerHealthRoutes(server: restify.Server, deps: HealthDependencies): void {
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok' });
    return Promise.resolve();
  });

  server.get('/readyz', async (_req, res) => {
    const ready = await withTimeout(deps.probeStorage(), READINESS_PROBE_TIMEOUT_MS).catch(
      () => false,
    );
    res.json(ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      storage: deps.storageKind,
    });
  });
}
