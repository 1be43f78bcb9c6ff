import type { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../logger';
import type { HwbcAdapter } from './adapter';
import type { RequestAuthenticator } from './auth/request-authenticator';
import type { AboutPages } from './http/about-pages';
import { registerHealthRoutes } from './http/health-routes';
import { messagesRoute } from './http/messages-route';
import { NO_SUCH_CALENDAR } from './http/calendar-routes';
import { answerDownload, NO_SUCH_REPORT, type DownloadResponse } from './http/report-routes';

export interface ServerDependencies {
  adapter: HwbcAdapter;
  /** Who sent each POST /api/messages; checked before anything else looks at the activity. */
  authenticator: RequestAuthenticator;
  bot: ActivityHandler;
  logger: Logger;
  maxBodyBytes: number;
  /** Lower-case tenant ids allowed to use the bot; empty allows any (local use only). */
  allowedTenantIds: readonly string[];
  storageKind: 'embedded' | 'cosmos';
  /** Resolves true when storage answers. */
  probeStorage: () => Promise<boolean>;
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

/** The restify app, without listen(), so tests and index.ts decide where it runs. */
export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({
    name: 'hwbc-teams-assistant',
    handleUncaughtExceptions: false,
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false }));

  registerHealthRoutes(server, deps);

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

  server.post('/api/messages', messagesRoute(deps));

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
  // Any other path under /reports (or /calendar) names no report: an id with a literal '/', one
  // longer than the router takes, or one that is not valid percent-encoding. Answer with the same
  // plain 404 as the download routes, not the router's own message.
  server.on(
    'NotFound',
    (req: restify.Request, res: restify.Response, _error: Error, callback: () => void) => {
      if (/^\/reports(\/|$)/.test(req.path())) {
        send(res, NO_SUCH_REPORT);
      } else if (/^\/calendar(\/|$)/.test(req.path())) {
        send(res, NO_SUCH_CALENDAR);
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
