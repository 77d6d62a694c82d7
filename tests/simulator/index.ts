/**
 * Our OpenProject 17: `startSimulator(options)` starts an API v3 double on 127.0.0.1 with
 * deterministic demo data, a notification lifecycle, API-token auth, fault injection, request
 * statistics and a control interface (programmatic and HTTP). See docs/ARCHITECTURE.md.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { userName } from './data/events';
import { createClock } from './data/clock';
import { DEFAULT_SEED, seedState } from './data/seed';
import type { NotificationPlan } from './data/seed-notifications';
import { Store } from './data/store';
import { createControl } from './control';
import { Faults } from './faults';
import { createPaths, normaliseBasePath } from './paths';
import type { Settings, SimContext } from './routes/types';
import { createSimulatorServer } from './server';
import { Stats } from './stats';
import type {
  ExtensionFactory,
  ExtensionHost,
  ResetOptions,
  Simulator,
  SimulatorOptions,
} from './types';

export type * from './types';
export { DEFAULT_SEED } from './data/seed';
export { DEMO_COUNTS } from './data/seed-notifications';

function plan(options: { unread?: number; empty?: boolean }): NotificationPlan {
  if (options.empty) return { kind: 'empty' };
  if (options.unread !== undefined)
    return { kind: 'unread', count: Math.max(0, Math.floor(options.unread)) };
  return { kind: 'demo' };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = createClock(options.clock);
  let seed = options.seed ?? DEFAULT_SEED;
  const seeded = seedState({ seed, now: clock.now(), plan: plan(options) });
  const settings: Settings = {
    loginRequired: options.loginRequired ?? false,
    instanceName: options.instanceName ?? 'OpenProject',
    coreVersion: options.coreVersion ?? '17.6.0',
    absentLinks: options.absentLinks ?? 'omit',
    semanticIds: options.semanticIds ?? false,
    dateAlertsFeature: options.dateAlertsFeature ?? true,
    aggregationMinutes: options.aggregationMinutes ?? 5,
  };
  const store = new Store(seeded.state, clock, () => settings.aggregationMinutes);
  const tokens = { ...seeded.tokens };
  const paths = createPaths(normaliseBasePath(options.basePath));
  let origin = 'http://127.0.0.1';
  const sim: SimContext = { store, paths, settings, bearerResolvers: [], origin: () => origin };
  const faults = new Faults();
  const stats = new Stats();
  const reset = (next: ResetOptions): void => {
    seed = next.seed ?? seed;
    const fresh = seedState({ seed, now: clock.now(), plan: plan(next) });
    store.state = fresh.state;
    Object.assign(tokens, fresh.tokens);
  };
  const control = createControl({
    store,
    faults,
    stats,
    settings,
    secret: options.controlSecret ?? randomBytes(16).toString('hex'),
    reset,
  });
  const simulatorServer = createSimulatorServer({ sim, faults, stats, control });
  const { server } = simulatorServer;

  const host: ExtensionHost = {
    basePath: paths.basePath,
    origin: () => origin,
    now: () => new Date(clock.now()),
    findUser(ref) {
      const user = store.user(ref);
      return user && { id: user.id, login: user.login, name: userName(user), status: user.status };
    },
    get demoUserId() {
      return store.state.demoUserId;
    },
  };
  const use = (factory: ExtensionFactory): void => {
    const extension = factory(host);
    if (extension.routes) simulatorServer.addRoutes(extension.routes);
    if (extension.resolveBearer) sim.bearerResolvers.push(extension.resolveBearer);
  };
  options.extensions?.forEach(use);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    url: `${origin}${paths.basePath}`,
    port,
    tokens,
    control,
    use,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
