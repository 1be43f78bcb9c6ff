import type { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../logger';
import type { AboutPages } from './about-pages';
import type { HwbcAdapter } from './adapter';
import type { RequestAuthenticator } from './auth/request-authenticator';
import { registerHealthRoutes } from './http/health-routes';
import { messagesRoute } from './http/messages-route';
import type { DownloadResponse } from './report-routes';

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

  for (const download of deps.downloads) {
    server.get(download.path, async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const params = (req.params ?? {}) as Record<string, string>;
      const response = await download.handler(params, url.pathname, url.searchParams);
      res.status(response.status);
      res.setHeader('content-type', response.contentType);
      res.setHeader('cache-control', 'no-store');
      if (response.filename) {
        res.setHeader('content-disposition', `attachment; filename="${response.filename}"`);
      }
      res.sendRaw(response.body);
    });
  }

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
