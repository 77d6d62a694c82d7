/**
 * The service under test: real settings (conf) and secrets (AES-GCM file) in a temp home, the
 * harness's recording fakes at the Electron boundary, and a log of every request, answer and event
 * (to look for tokens in). Stopped and cleaned up when the test finishes.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import {
  COMMAND_NAMES,
  type CommandHandlers,
  type EventName,
  type Events,
  type Result,
} from '../../preload/contract';
import { createAppService, type AppService, type AppServiceDeps } from '../../main/app';
import type { SecretBackend } from '../../main/core/secrets/secret-store';
import {
  fakeHotkeys,
  fakeLoginItem,
  recordingNotifier,
  recordingOpener,
  recordingViews,
  homeStores,
} from '../harness/fakes';
import { freePort } from '../core/auth/support/fixtures';
import { startSimulator } from '../simulator/index';
import type { Simulator, SimulatorOptions } from '../simulator/types';

export async function tempHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'op-tray-app-'));
  onTestFinished(() => rm(home, { recursive: true, force: true }));
  return home;
}

export async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator(options);
  onTestFinished(() => sim.stop());
  return sim;
}

export interface EventRecord {
  event: EventName;
  payload: unknown;
}

export interface TestApp {
  home: string;
  service: AppService;
  /** The handlers, each call and answer logged. */
  h: CommandHandlers;
  opener: ReturnType<typeof recordingOpener>;
  hotkeys: ReturnType<typeof fakeHotkeys>;
  loginItem: ReturnType<typeof fakeLoginItem>;
  notifier: ReturnType<typeof recordingNotifier>;
  views: ReturnType<typeof recordingViews>;
  events: EventRecord[];
  /** Every answer given so far. */
  answers: Result<unknown>[];
  /** The payloads of one event, oldest first. */
  payloads<E extends EventName>(event: E): Events[E][];
  /** Resolves with the first payload of `event` (from now on) that satisfies `test`. */
  next<E extends EventName>(
    event: E,
    test?: (payload: Events[E]) => boolean,
    ms?: number,
  ): Promise<Events[E]>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  home?: string;
  hotkeyTaken?: string[];
  startAtLoginSupported?: boolean;
  /** The backend the secret store reports (default `file`); `basic_text`: no keyring on Linux. */
  secretBackend?: SecretBackend;
  deps?: Partial<AppServiceDeps>;
  /** Start syncing at once (default true). */
  start?: boolean;
}

/** A started service in a temp home (or `home`), stopped when the test finishes. */
export async function startApp(options: TestAppOptions = {}): Promise<TestApp> {
  const home = options.home ?? (await tempHome());
  const opener = recordingOpener();
  const hotkeys = fakeHotkeys(options.hotkeyTaken ?? []);
  const loginItem = fakeLoginItem(options.startAtLoginSupported ?? true);
  const notifier = recordingNotifier();
  const views = recordingViews();
  const service = createAppService({
    ...homeStores(home, options.secretBackend),
    dataDir: home,
    notifier,
    opener,
    hotkeys,
    loginItem,
    views,
    oauth: { port: await freePort(), lingerMs: 200 },
    ...options.deps,
  });
  const events: EventRecord[] = [];
  const answers: Result<unknown>[] = [];
  const waiters = new Set<(record: EventRecord) => void>();
  service.events.onAny((event, payload) => {
    const record = { event, payload };
    events.push(record);
    for (const waiter of [...waiters]) waiter(record);
  });
  const h = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (request: unknown) => {
        const handler = service.handlers[name] as (request: unknown) => Promise<Result<unknown>>;
        const answer = await handler(request);
        answers.push(answer);
        return answer;
      },
    ]),
  ) as unknown as CommandHandlers;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await service.stop();
  };
  onTestFinished(stop);
  if (options.start ?? true) await service.start();
  return {
    home,
    service,
    h,
    opener,
    hotkeys,
    loginItem,
    notifier,
    views,
    events,
    answers,
    payloads: <E extends EventName>(event: E) =>
      events
        .filter((record) => record.event === event)
        .map((record) => record.payload as Events[E]),
    next: <E extends EventName>(
      event: E,
      test: (payload: Events[E]) => boolean = () => true,
      ms = 10_000,
    ) =>
      new Promise<Events[E]>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No ${event} event within ${ms} ms.`));
        }, ms);
        const waiter = (record: EventRecord) => {
          if (record.event !== event || !test(record.payload as Events[E])) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(record.payload as Events[E]);
        };
        waiters.add(waiter);
      }),
    stop,
  };
}

/** The value of an ok result; fails the test with the error otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** Signs in with an API token and waits until the account's first sync is in the snapshot. */
export async function connected(app: TestApp, url: string, token: string): Promise<string> {
  const synced = app.next('notificationsChanged', (snapshot) =>
    snapshot.accounts.some((entry) => entry.syncedAt !== null && entry.accountId === id),
  );
  let id = '';
  const account = value(await app.h.connectWithToken({ url, token }));
  id = account.id;
  const now = value(await app.h.getNotifications());
  if (!now.accounts.some((entry) => entry.accountId === id && entry.syncedAt !== null))
    await synced;
  return id;
}

/** Every file under `folder` (recursively) with its text. */
export async function filesIn(folder: string): Promise<{ path: string; text: string }[]> {
  const found: { path: string; text: string }[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ path, text: await readFile(path, 'utf8') });
  }
  return found;
}
