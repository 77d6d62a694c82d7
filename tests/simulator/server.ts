/**
 * The HTTP server: control interface first (never counted, never faulted), then request
 * statistics and injected faults, extension routes (OAuth…), the API, the web pages, 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StoreError } from './data/store';
import { applyFault, delay, type Faults } from './faults';
import { createExchange, sendProblem, type Exchange } from './http';
import { ApiProblem, internalError, notFound } from './problems';
import { compile, match, type Compiled } from './router';
import { API_PREFIX, handleApi } from './routes/api';
import { CONTROL_PREFIX, handleControl } from './routes/control';
import type { PlainRoute, SimContext } from './routes/types';
import { notFoundPage, webRoutes } from './routes/web';
import type { Stats } from './stats';
import type { SimulatorControl } from './types';

export interface ServerDeps {
  sim: SimContext;
  faults: Faults;
  stats: Stats;
  control: SimulatorControl;
}

export interface SimulatorServer {
  server: Server;
  /** Adds routes tried before the API (extensions). */
  addRoutes(routes: readonly PlainRoute[]): void;
}

function controlSub(ex: Exchange): string | undefined {
  const candidates = [ex.url.pathname, ex.path];
  for (const path of candidates) {
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`))
      return path.slice(CONTROL_PREFIX.length);
  }
  return undefined;
}

export function createSimulatorServer(deps: ServerDeps): SimulatorServer {
  const { sim, faults, stats, control } = deps;
  const extensionRoutes: Compiled<PlainRoute>[] = [];
  const pages = webRoutes(sim).map((r) => compile(r));

  async function route(ex: Exchange): Promise<void> {
    const sub = controlSub(ex);
    if (sub !== undefined) return handleControl(ex, sub, control);
    stats.begin(ex);
    const { latencyMs, fault } = faults.take(ex.method, ex.path === '' ? ex.url.pathname : ex.path);
    if (latencyMs > 0) await delay(latencyMs);
    if (fault) return applyFault(ex, fault);
    if (ex.path === '') return notFoundPage(ex);
    const extension = match(extensionRoutes, ex.method, ex.path);
    if (extension) return extension.route.handle(ex, extension.params);
    if (ex.path === API_PREFIX || ex.path.startsWith(`${API_PREFIX}/`)) return handleApi(ex, sim);
    const page = match(pages, ex.method, ex.path);
    if (page) return page.route.handle(ex, page.params);
    return notFoundPage(ex);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const ex = createExchange(req, res, sim.origin(), sim.paths.basePath);
    route(ex).catch((error: unknown) => {
      if (error instanceof ApiProblem) return sendProblem(ex, error);
      if (error instanceof StoreError && error.code === 'not-found')
        return sendProblem(ex, notFound());
      console.error('[simulator] internal error while answering', req.method, req.url, error);
      sendProblem(ex, internalError());
    });
  });
  server.keepAliveTimeout = 5_000;
  return {
    server,
    addRoutes(routes) {
      extensionRoutes.push(...routes.map((r) => compile(r)));
    },
  };
}
