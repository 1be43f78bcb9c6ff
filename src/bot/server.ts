import type { CloudAdapter, ActivityHandler } from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../logger';
import type { AboutPages } from './http/about-pages';
import { checkInboundActivity } from './inbound-activity';
import { answerDownload, NO_SUCH_REPORT, type DownloadResponse } from './http/report-routes';

export interface ServerDependencies {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  maxBodyBytes: number;
  /** Lower-case tenant ids allowed to use the bot; empty allows any (local use only). */
  allowedTenantIds: readonly string[];
  storageKind: 'embedded' | 'cosmos';
  /** Resolves true when storage answers. */
  probeStorage: () => Promise<boolean>;
  version: string;
  /** The privacy and terms pages the Teams app's details link to. */
  aboutPages: AboutPages;
  /** Signed-link downloads: the path pattern and what answers it. */
  downloads: Array<{
    path: string;
    handler: (
      params: Record<string, string>,
      path: string,
      query: URLSearchParams,
    ) => Promise<DownloadResponse>;
  }>;
}

const HEALTH_PROBE_TIMEOUT_MS = 2_000;

/** Resolves as the promise does, or false once the time is up: a health probe must answer quickly. */
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

/** The restify app, without listen(), so tests and index.ts decide where it runs. */
export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({
    name: 'hwbc-teams-assistant',
    handleUncaughtExceptions: false,
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    const storageOk = await withTimeout(deps.probeStorage(), HEALTH_PROBE_TIMEOUT_MS).catch(
      () => false,
    );
    res.status(storageOk ? 200 : 503);
    res.json({
      status: storageOk ? 'ok' : 'degraded',
      storage: deps.storageKind,
      version: deps.version,
    });
  });

  for (const [path, html] of [
    ['/', deps.aboutPages.home],
    ['/privacy', deps.aboutPages.privacy],
    ['/terms', deps.aboutPages.terms],
  ] as const) {
    server.get(path, async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return Promise.resolve();
    });
  }

  // The Agents Playground checks that the endpoint exists with HEAD before it sends anything.
  server.head('/api/messages', async (_req, res) => {
    res.send(204);
    return Promise.resolve();
  });

  server.post('/api/messages', async (req, res) => {
    const check = checkInboundActivity(req.body);
    if (!check.ok) {
      deps.logger.warn('activity_rejected', {
        reason: 'malformed',
        problems: check.problems.length,
      });
      res.status(400);
      res.json({ error: 'BadRequest', message: 'Not a valid activity', problems: check.problems });
      return;
    }
    if (
      deps.allowedTenantIds.length > 0 &&
      (!check.tenantId || !deps.allowedTenantIds.includes(check.tenantId))
    ) {
      deps.logger.warn('activity_rejected', { reason: 'tenant_not_allowed' });
      res.status(403);
      res.json({ error: 'Forbidden', message: 'This tenant is not allowed to use this bot.' });
      return;
    }
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });

  const send = (res: restify.Response, response: DownloadResponse): void => {
    res.status(response.status);
    res.setHeader('content-type', response.contentType);
    res.setHeader('cache-control', 'no-store');
    if (response.retryAfterSeconds !== undefined) {
      res.setHeader('retry-after', String(response.retryAfterSeconds));
    }
    if (response.filename) {
      res.setHeader('content-disposition', `attachment; filename="${response.filename}"`);
    }
    res.sendRaw(response.body);
  };
  for (const download of deps.downloads) {
    server.get(download.path, async (req, res) => {
      const response = await answerDownload(download.path, deps.logger, () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const params = (req.params ?? {}) as Record<string, string>;
        return download.handler(params, url.pathname, url.searchParams);
      });
      send(res, response);
    });
  }
  // Any other path under /reports names no report: an id with a literal '/', one longer than the
  // router takes, or one that is not valid percent-encoding. Answer with the same plain 404 as
  // the download routes, not the router's own message.
  server.on(
    'NotFound',
    (req: restify.Request, res: restify.Response, _error: Error, callback: () => void) => {
      if (/^\/reports(\/|$)/.test(req.path())) {
        send(res, NO_SUCH_REPORT);
      }
      callback();
    },
  );

  server.on(
    'restifyError',
    (
      req: restify.Request,
      _res: restify.Response,
      error: Error & { statusCode?: number },
      callback: () => void,
    ) => {
      deps.logger.warn('http_error', {
        method: req.method,
        path: req.path(),
        status: error.statusCode ?? 500,
        name: error.name,
      });
      callback();
    },
  );
  return server;
}
