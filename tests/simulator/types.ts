/**
 * The simulator's public interface (docs/ARCHITECTURE.md § Simulator), its control surface and
 * the extension hook later modules (OAuth) plug into.
 */
import type { BearerResolver } from './auth';
import type { ApiReason, Area, DetailProperty } from './data/model';
import type { SeededTokens } from './data/state';
import type { ActiveFault, FaultSpec } from './faults';
import type { Exchange } from './http';
import type { PlainRoute, Settings } from './routes/types';
import type { RequestStats } from './stats';

export type {
  ActiveFault,
  FaultSpec,
  RequestStats,
  Settings,
  PlainRoute,
  Exchange,
  BearerResolver,
};

export interface SimulatorOptions {
  /** 0 (default) = a random free port. Always bound to 127.0.0.1. */
  port?: number;
  /** '' (default) or a sub-path such as '/openproject'; every href carries it. */
  basePath?: string;
  /** Seed of the deterministic data set (default: a fixed seed). */
  seed?: number;
  /** Seed exactly this many unread notifications for the demo user (default: the demo data set). */
  unread?: number;
  /** No notifications at all (a fresh instance). */
  empty?: boolean;
  /** The base clock (default: the system clock); `control.advanceClock` moves on top of it. */
  clock?: () => Date;
  /** OpenProject's `login_required` (default false: root and `/users/me` work anonymously). */
  loginRequired?: boolean;
  instanceName?: string;
  /** Shown to admins only (default '17.6.0'). */
  coreVersion?: string;
  /** How absent actor/activity links are written: left out like the server (default) or `{href: null}`. */
  absentLinks?: 'omit' | 'null';
  /** Semantic work package ids (`WEB-12`) as displayId, accepted by `/work_packages/{id}`. */
  semanticIds?: boolean;
  /** The Enterprise feature `date_alerts` (default true): allows `dateAlert` in the reason filter. */
  dateAlertsFeature?: boolean;
  /** Minutes within which one actor's changes to a work package are aggregated (default 5; 0 = never). */
  aggregationMinutes?: number;
  /** The `x-simulator-secret` of the HTTP control interface (default: random per run). */
  controlSecret?: string;
  /** Modules that add routes (e.g. `/oauth/*`) and Bearer token resolvers. */
  extensions?: ExtensionFactory[];
}

export type SimulatorTokens = SeededTokens;

export interface Simulator {
  /** Base URL including basePath, no trailing slash. */
  url: string;
  port: number;
  /** `apiKey` (legacy 40-hex, Basic), `bearer` (opapi-…), `other` (a second user's); plus admin, limited, locked. */
  tokens: SimulatorTokens;
  control: SimulatorControl;
  /** Adds an extension to the running simulator. */
  use(extension: ExtensionFactory): void;
  stop(): Promise<void>;
}

/** A user by id or login. */
export type UserRef = number | string;

export interface CreateNotificationInput {
  workPackageId: number;
  reason: ApiReason;
  /** Who changed the work package (default: a colleague of the recipient); ignored for date alerts. */
  actor?: UserRef | null;
  /** Who is notified (default: the demo user). */
  recipient?: UserRef;
  /** The change's comment; for `reminder` the note. */
  comment?: string;
  /** For `dateAlert`: which date (default dueDate; milestones: date). */
  property?: Exclude<DetailProperty, 'note'>;
  /** Aggregated into the same actor's change within the window: update in place (default) or delete. */
  onAggregate?: 'update' | 'delete';
}

export interface NotificationSnapshot {
  id: number;
  recipientId: number;
  reason: ApiReason;
  readIAN: boolean;
  workPackageId: number;
  projectId: number;
  actorId: number | null;
  activityId: number | null;
  details: { property: DetailProperty; value: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export interface NotificationChange {
  /** `created` a new notification, `aggregated` into an existing one (same id), or `deleted` it. */
  outcome: 'created' | 'aggregated' | 'deleted';
  notification: NotificationSnapshot;
}

export interface ResetOptions {
  unread?: number;
  empty?: boolean;
  seed?: number;
}

export interface SimulatorControl {
  /** The `x-simulator-secret` the HTTP control interface requires. */
  readonly secret: string;
  createNotification(input: CreateNotificationInput): NotificationChange;
  /** Changes one in place: `updatedAt` bumped, unread again unless `readIAN` says otherwise. */
  updateNotification(
    id: number,
    patch?: { reason?: ApiReason; readIAN?: boolean },
  ): NotificationSnapshot;
  /** Marks read (or unread) as another client would (`updatedAt` bumped). */
  markRead(ids: number | readonly number[], read?: boolean): void;
  deleteNotification(id: number): boolean;
  notifications(query?: { recipient?: UserRef; unread?: boolean }): NotificationSnapshot[];
  unreadCount(recipient?: UserRef): number;
  now(): Date;
  advanceClock(ms: number): Date;
  setClock(at: Date | string): Date;
  injectFault(spec: FaultSpec): string;
  clearFaults(id?: string): void;
  faults(): ActiveFault[];
  stats(): RequestStats;
  resetStats(): void;
  /** A new API token (default: the demo user's legacy key); `deny` areas answer 403. */
  createToken(input?: {
    user?: UserRef;
    kind?: 'legacy' | 'opapi';
    deny?: readonly Area[];
  }): string;
  revokeToken(token: string): boolean;
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Settings;
  /** Back to a freshly seeded state (faults and stats are kept; tokens are the seed's). */
  reset(options?: ResetOptions): void;
  users(): { id: number; login: string; name: string; admin: boolean; status: string }[];
  workPackages(): {
    id: number;
    subject: string;
    projectId: number;
    isClosed: boolean;
    updatedAt: string;
  }[];
}

/** What an extension can use of the simulator. */
export interface ExtensionHost {
  readonly basePath: string;
  origin(): string;
  now(): Date;
  findUser(ref: UserRef): { id: number; login: string; name: string; status: string } | undefined;
  readonly demoUserId: number;
}

export interface SimulatorExtension {
  /** Routes below the sub-path, tried before the API (e.g. `/oauth/token`, `/.well-known/…`). */
  routes?: PlainRoute[];
  /** Consulted for Bearer tokens that are not `opapi-` API tokens. */
  resolveBearer?: BearerResolver;
}

export type ExtensionFactory = (host: ExtensionHost) => SimulatorExtension;
