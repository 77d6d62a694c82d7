/**
 * A static `window.openprojectTray` for the renderer benchmark: it answers every command at once
 * from prepared data, and records in the page when the first widget row reaches a frame and how
 * long each search answer takes to show. Installed with `page.addInitScript(installStaticBridge,
 * data)` (the function is serialised, so it uses nothing from outside its body).
 */
import type {
  Account,
  NotificationGroup,
  NotificationsSnapshot,
  SearchHit,
  Settings,
} from '../../../../preload/contract';

export interface BenchData {
  accounts: Account[];
  snapshot: NotificationsSnapshot;
  settings: Settings;
  /** Two different answers; searches alternate between them so every update replaces the rows. */
  searchSets: SearchHit[][];
}

export interface SearchUpdate {
  /** performance.now() when the bridge's answer resolved. */
  answeredAt: number;
  /** …when its rows were in the DOM and laid out. */
  laidOutAt: number;
  /** …at the next animation frame (the frame that paints them). */
  frameAt: number;
}

/** What the page exposes for the benchmark to read (performance.now() times, from navigation). */
export interface BenchPage {
  __bench: {
    /** When the bridge answered `getNotifications`. */
    snapshotAnsweredAt: number | null;
    /** The frame that first shows a list row (or, with no groups, the "caught up" state). */
    firstRowPaintedAt: number | null;
    searchUpdates: SearchUpdate[];
  };
}

const SEARCH_HITS = 25;
const PROJECTS = [
  'Website relaunch',
  'Mobile app',
  'Infrastructure',
  'Customer support',
  'Q3 plan',
];
const PEOPLE = ['Zoë Müller', 'John Smith', 'Amira Haddad', 'Kenji Watanabe', 'Lucía Fernández'];
const REASONS = ['mentioned', 'assigned', 'commented', 'watched', 'responsible', 'dateAlert'];
const TYPES = ['Task', 'Bug', 'Feature', 'Milestone', 'Epic'];
const SUBJECTS = [
  'Update the onboarding e-mail texts',
  'Login fails with SSO when the session expired',
  'Prepare the release notes for 14.2',
  'Migrate the staging database to PostgreSQL 17',
  'Design review: new project overview page',
  'Customer asks for an export of all time entries',
];

function group(index: number, now: number): NotificationGroup {
  const id = 1_000 + index;
  const reason = REASONS[index % REASONS.length]!;
  const dateAlert = reason === 'dateAlert';
  const count = 1 + (index % 4);
  return {
    workPackageId: id,
    subject: `${SUBJECTS[index % SUBJECTS.length]!} (${id})`,
    projectId: index % PROJECTS.length,
    projectName: PROJECTS[index % PROJECTS.length]!,
    reasons: dateAlert ? ['dateAlert'] : [reason, 'watched'].slice(0, 1 + (index % 2)),
    count,
    latestAt: new Date(now - index * 7 * 60_000).toISOString(),
    actor: dateAlert ? null : { id: index % PEOPLE.length, name: PEOPLE[index % PEOPLE.length]! },
    notificationIds: Array.from({ length: count }, (_, n) => id * 10 + n),
    dateAlert: dateAlert
      ? { property: 'dueDate', value: new Date(now + 86_400_000).toISOString().slice(0, 10) }
      : null,
    url: `https://op.example.com/work_packages/${id}`,
    type: TYPES[index % TYPES.length]!,
    actorAvatarUrl: null,
  };
}

function hit(index: number, now: number): SearchHit {
  const id = 5_000 + index;
  return {
    accountId: 'bench',
    workPackage: {
      id,
      displayId: String(id),
      subject: `${SUBJECTS[index % SUBJECTS.length]!} (${id})`,
      type: TYPES[index % TYPES.length]!,
      status: index % 3 ? 'In progress' : 'New',
      project: PROJECTS[index % PROJECTS.length]!,
      assignee: PEOPLE[index % PEOPLE.length]!,
      updatedAt: new Date(now - index * 3_600_000).toISOString(),
      url: `https://op.example.com/work_packages/${id}`,
    },
  };
}

/**
 * One connected account with `groups` unread work-package groups, newest a moment before `now`
 * (then one every 7 minutes), and two search answers.
 */
export function benchData(groups: number, now = Date.now()): BenchData {
  const account: Account = {
    id: 'bench',
    baseUrl: 'https://op.example.com',
    instanceName: 'Example OpenProject',
    user: { id: 7, name: 'Jane Doe' },
    authMethod: 'apiToken',
    state: { kind: 'connected', message: null },
    options: { label: null, notify: true },
    lastSyncAt: new Date(now).toISOString(),
  };
  const list = Array.from({ length: groups }, (_, index) => group(index, now));
  const total = list.reduce((sum, g) => sum + g.count, 0);
  return {
    accounts: [account],
    snapshot: {
      accounts: [{ accountId: 'bench', groups: list, syncedAt: new Date(now).toISOString() }],
      unread: { total, perAccount: { bench: total } },
    },
    settings: {
      pollIntervalSeconds: 60,
      notifyReasons: ['mentioned', 'assigned'],
      hotkey: null,
      startAtLogin: false,
      startAtLoginSupported: true,
      pause: { kind: 'active' },
    },
    searchSets: [0, 1].map((set) =>
      Array.from({ length: SEARCH_HITS }, (_, index) => hit(set * SEARCH_HITS + index, now)),
    ),
  };
}

/** Minimal DOM typing for the page side (the test tsconfig has no DOM library). */
interface PageNode {
  textContent: string | null;
  getBoundingClientRect(): unknown;
}
interface PageScope extends BenchPage {
  openprojectTray?: unknown;
  document: {
    querySelector(selector: string): PageNode | null;
    querySelectorAll(selector: string): { length: number };
  };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): void;
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
    disconnect(): void;
  };
}

type Answer = Promise<{ ok: true; value: unknown }>;

/**
 * The bench data as it crosses IPC: each answer travels serialised and is decoded when it arrives,
 * as Electron's structured clone does. (Handing the page ready-made objects instead would make it
 * decode the whole data set in its init script, before navigation even parses the HTML, and charge
 * that to the renderer's start-up.)
 */
export interface SerializedBenchData {
  accounts: string;
  snapshot: string;
  settings: string;
  searchSets: string[];
}

export function serializeBenchData(data: BenchData): SerializedBenchData {
  return {
    accounts: JSON.stringify(data.accounts),
    snapshot: JSON.stringify(data.snapshot),
    settings: JSON.stringify(data.settings),
    searchSets: data.searchSets.map((hits) => JSON.stringify(hits)),
  };
}

/** Runs in the page before its scripts. Self-contained: it is serialised by Playwright. */
export function installStaticBridge(wire: SerializedBenchData): void {
  const scope = globalThis as unknown as PageScope;
  const decode = <T>(json: string | undefined, empty: T): T =>
    json === undefined ? empty : (JSON.parse(json) as T);
  const bench: BenchPage['__bench'] = {
    snapshotAnsweredAt: null,
    firstRowPaintedAt: null,
    searchUpdates: [],
  };
  scope.__bench = bench;
  const answer = (value: unknown): Answer => Promise.resolve({ ok: true, value });
  let searches = 0;

  const search = (request: { requestId: string }): Answer => {
    const hits = decode<SearchHit[]>(wire.searchSets[searches % wire.searchSets.length], []);
    searches += 1;
    const expected = hits[0]?.workPackage.subject ?? null;
    const update: SearchUpdate = { answeredAt: 0, laidOutAt: 0, frameAt: 0 };
    const observer = new scope.MutationObserver(() => {
      const first = scope.document.querySelector('[role="listbox"] .result-subject');
      const shown = scope.document.querySelectorAll('[role="listbox"] [role="option"]').length;
      if (first?.textContent !== expected || shown !== hits.length) return;
      observer.disconnect();
      scope.document.querySelector('[role="listbox"]')?.getBoundingClientRect();
      update.laidOutAt = scope.performance.now();
      scope.requestAnimationFrame(() => {
        update.frameAt = scope.performance.now();
        bench.searchUpdates.push(update);
      });
    });
    observer.observe(scope.document, { childList: true, subtree: true });
    update.answeredAt = scope.performance.now();
    return answer({ requestId: request.requestId, hits, failures: [] });
  };

  const handlers: Record<string, (request: never) => Answer> = {
    appInfo: () => answer({ name: 'OpenProject Tray', version: 'bench' }),
    listAccounts: () => answer(decode(wire.accounts, [])),
    getNotifications: () => {
      const snapshot = decode(wire.snapshot, null);
      bench.snapshotAnsweredAt = scope.performance.now();
      return answer(snapshot);
    },
    getSettings: () => answer(decode(wire.settings, null)),
    recentWorkPackages: () => answer(decode(wire.searchSets[0], [])),
    search,
  };
  scope.openprojectTray = new Proxy(handlers, {
    get: (target, name: string) =>
      name === 'on' ? () => () => undefined : (target[name] ?? (() => answer(null))),
  });

  const firstRow = new scope.MutationObserver(() => {
    if (scope.document.querySelector('.group-row, .state-calm') === null) return;
    firstRow.disconnect();
    scope.requestAnimationFrame(() => {
      bench.firstRowPaintedAt = scope.performance.now();
    });
  });
  firstRow.observe(scope.document, { childList: true, subtree: true });
}
