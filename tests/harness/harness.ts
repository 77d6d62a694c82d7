/**
 * The browser harness: the real application service (main/app) over the real core, with settings
 * and secrets in a home folder, behind an HTTP server that serves the production renderer with the
 * app's CSP and a same-origin bridge — so the renderer runs in any browser (Playwright's Chromium)
 * against the simulator (or another OpenProject). What Electron would do (open the browser, show
 * windows, the global shortcut, start at login, desktop notifications) is recorded instead.
 * For development and tests only: it refuses to start with NODE_ENV=production.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EVENT_CHANNELS,
  type NotificationsSnapshot,
  type OpenViewRequest,
  type ViewName,
} from '../../preload/contract';
import { createAppService, type AppService } from '../../main/app';
import type { Notifier, Toast } from '../../main/core/notify/notifier';
import { createNodeNotifier } from '../../main/core/notify/node-notifier';
import type { SecretBackend } from '../../main/core/secrets/secret-store';
import { securityHeaders } from '../../main/shell/app-protocol';
import { startOAuthSimulator, TRAY_CLIENT_ID, type OAuthControl } from '../simulator/oauth/index';
import type { Simulator, SimulatorOptions } from '../simulator/types';
import { bridgeScript } from './bridge-bundle';
import {
  fakeHotkeys,
  fakeLoginItem,
  recordingNotifier,
  recordingOpener,
  recordingViews,
  homeStores,
  type FakeHotkeys,
  type FakeLoginItem,
  type ViewRecord,
} from './fakes';
import { ensureRendererBuild, type BuildPolicy } from './renderer-build';
import { startBridgeServer } from './server';

export interface HarnessOptions {
  /** Where settings, secrets (and their key file) and the seen records live; default a new temp folder. */
  home?: string;
  /** A running simulator to use (the caller stops it). Default: one started here, demo data + OAuth. */
  simulator?: Simulator;
  /** Options of the simulator started here. */
  simulatorOptions?: SimulatorOptions;
  /** Another OpenProject instead of a simulator (e.g. OPENPROJECT_URL). */
  openProjectUrl?: string;
  /** Sign in at start with the simulator's demo API token, or with this token. */
  demo?: boolean | { token: string };
  /** Accelerators the fake global-shortcut registry refuses as taken by another application. */
  hotkeyTaken?: string | readonly string[];
  /** HTTP port of the harness (default: a free one). */
  port?: number;
  /**
   * Loopback port of OAuth sign-ins (default: a free one). The harness's own simulator registers
   * the redirect URI with this port, as an admin would: its consent page lists the registered URI in
   * CSP `form-action`, and Chromium blocks the redirect to any other port.
   */
  oauthPort?: number;
  /** When to build out/renderer (default `auto`: when missing or older than its sources). */
  build?: BuildPolicy;
  /** `openView` also sends `windowShown`, so the one page follows to settings / the wizard (default true). */
  followViews?: boolean;
  /** Real desktop notifications (node-notifier) instead of recording them (default false). */
  desktopNotifications?: boolean;
  startAtLoginSupported?: boolean;
  /**
   * The backend the secret store reports (default `file`, the AES key file it really uses);
   * `basic_text` simulates Linux without a keyring: sign-ins wait for the user's decision.
   */
  secretBackend?: SecretBackend;
  /** Progress and problems (default: nothing). */
  log?: (line: string) => void;
}

export interface Harness {
  /** The page to open: `http://127.0.0.1:PORT/?k=SECRET` (hash routes: `pageUrl('settings')`). */
  url: string;
  origin: string;
  secret: string;
  home: string;
  /** The page URL showing one view (`#/wizard?account=…` with an account id). */
  pageUrl(view?: ViewName, accountId?: string): string;
  service: AppService;
  /** The simulator in use (null with `openProjectUrl`). */
  simulator: Simulator | null;
  /** Its OAuth control when the harness started it (null otherwise). */
  oauth: OAuthControl | null;
  /** The OpenProject the harness points at. */
  openProjectUrl: string;
  /** The account signed in with `demo`, else null. */
  demoAccountId: string | null;
  /** URLs the service opened "in the browser", oldest first (the OAuth authorize URL among them). */
  openedUrls(): string[];
  /** openView / windowAction calls, oldest first. */
  views(): ViewRecord[];
  /** Desktop notifications shown (empty with `desktopNotifications`). */
  toasts(): Toast[];
  hotkeys: FakeHotkeys;
  loginItem: FakeLoginItem;
  /** Stops the service, the server, the simulator it started, and removes a home it created. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForFirstSync(service: AppService, accountId: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const synced = (snapshot: NotificationsSnapshot) =>
      snapshot.accounts.some((entry) => entry.accountId === accountId && entry.syncedAt !== null);
    const timer = setTimeout(done, ms);
    const off = service.events.on('notificationsChanged', (snapshot) => {
      if (synced(snapshot)) done();
    });
    void service.handlers.getNotifications().then((result) => {
      if (result.ok && synced(result.value)) done();
    });
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The browser harness is for development and tests only (NODE_ENV=production).');
  }
  const log = options.log ?? (() => {});
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const root = await ensureRendererBuild(options.build ?? 'auto', log);
    const home = options.home ?? (await mkdtemp(join(tmpdir(), 'openproject-tray-harness-')));
    if (!options.home) cleanups.push(() => rm(home, { recursive: true, force: true }));

    let simulator: Simulator | null = options.simulator ?? null;
    let oauth: OAuthControl | null = null;
    if (!simulator && !options.openProjectUrl) {
      const started = await startOAuthSimulator(options.simulatorOptions ?? {});
      simulator = started.sim;
      oauth = started.oauth;
      const owned = started.sim;
      cleanups.push(() => owned.stop());
    }
    const openProjectUrl = options.openProjectUrl ?? simulator?.url ?? '';
    const oauthPort = options.oauthPort ?? (await freePort());
    oauth?.updateApplication(TRAY_CLIENT_ID, {
      redirectUris: [`http://127.0.0.1:${oauthPort}/oauth-callback`],
    });

    const opener = recordingOpener();
    const hotkeys = fakeHotkeys(
      typeof options.hotkeyTaken === 'string' ? [options.hotkeyTaken] : (options.hotkeyTaken ?? []),
    );
    const loginItem = fakeLoginItem(options.startAtLoginSupported ?? true);
    const recorded = recordingNotifier();
    const notifier: Notifier = options.desktopNotifications
      ? createNodeNotifier({
          openExternal: (url) => opener.openExternal(url),
          onError: (error) => log(`A desktop notification failed: ${String(error)}`),
        })
      : recorded;
    let onViewOpened: (request: OpenViewRequest) => void = () => {};
    const views = recordingViews((request) => onViewOpened(request));
    const service = createAppService({
      ...homeStores(home, options.secretBackend),
      dataDir: home,
      notifier,
      opener,
      hotkeys,
      loginItem,
      views,
      oauth: { port: oauthPort, lingerMs: 2_000 },
      log,
    });
    cleanups.push(() => service.stop());

    const secret = randomBytes(24).toString('base64url');
    const server = await startBridgeServer({
      root,
      handlers: service.handlers,
      securityHeaders: securityHeaders(),
      bridgeScript,
      secret,
      ...(options.port ? { port: options.port } : {}),
    });
    cleanups.push(() => server.stop());
    const unsubscribe = service.events.onAny((event, payload) =>
      server.broadcast(EVENT_CHANNELS[event], payload),
    );
    cleanups.push(() => Promise.resolve(unsubscribe()));
    if (options.followViews ?? true) {
      onViewOpened = (request) => server.broadcast(EVENT_CHANNELS.windowShown, request);
    }
    await service.start();

    let demoAccountId: string | null = null;
    if (options.demo) {
      const token =
        typeof options.demo === 'object' ? options.demo.token : simulator?.tokens.apiKey;
      if (!token)
        throw new Error('--demo needs a token for an OpenProject other than the simulator.');
      const connected = await service.handlers.connectWithToken({ url: openProjectUrl, token });
      if (!connected.ok)
        throw new Error(`Signing in for the demo failed: ${connected.error.message}`);
      demoAccountId = connected.value.id;
      await waitForFirstSync(service, demoAccountId, 10_000);
    }

    const url = `${server.origin}/?k=${secret}`;
    return {
      url,
      origin: server.origin,
      secret,
      home,
      pageUrl: (view, accountId) =>
        view === undefined
          ? url
          : `${url}#/${view}${accountId ? `?account=${encodeURIComponent(accountId)}` : ''}`,
      service,
      simulator,
      oauth,
      openProjectUrl,
      demoAccountId,
      openedUrls: () => [...opener.opened],
      views: () => [...views.records],
      toasts: () => [...recorded.toasts],
      hotkeys,
      loginItem,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
