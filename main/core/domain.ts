/**
 * The core's domain types: what the rest of the app (CLI, sync engine, IPC contract, renderer)
 * works with. Plain data, JSON-serialisable, no behaviour. Times are ISO 8601 strings (UTC).
 */

/** OpenProject's notification reasons as the API emits them (an open set: treat unknown ones as strings). */
export const KNOWN_REASONS = [
  'mentioned',
  'assigned',
  'responsible',
  'watched',
  'subscribed',
  'commented',
  'created',
  'processed',
  'prioritized',
  'scheduled',
  'dateAlert',
  'shared',
  'reminder',
] as const;
export type KnownReason = (typeof KNOWN_REASONS)[number];
export type NotificationReason = KnownReason | (string & {});

export interface Person {
  id: number;
  name: string;
}

/** A date-alert or reminder detail (`Values::Property`). */
export interface NotificationDetail {
  property: string; // startDate | dueDate | date | note
  value: string | null;
}

/** One in-app notification, flattened from the HAL element. */
export interface NotificationItem {
  id: number;
  readIAN: boolean;
  reason: NotificationReason;
  createdAt: string;
  updatedAt: string;
  workPackageId: number | null;
  workPackageSubject: string | null;
  projectId: number | null;
  projectName: string | null;
  /** null for system events such as date alerts. */
  actor: Person | null;
  details: NotificationDetail[];
}

/** Unread notifications of one work package, for the widget and the CLI. */
export interface WorkPackageGroup {
  workPackageId: number;
  subject: string;
  projectId: number | null;
  projectName: string | null;
  /** Distinct reasons, most recent first. */
  reasons: NotificationReason[];
  count: number;
  /** The newest updatedAt among the group's notifications. */
  latestAt: string;
  /** The actor of the most recent notification that has one. */
  actor: Person | null;
  notificationIds: number[];
  /** A date alert's due/start date, when the group holds one. */
  dateAlert: NotificationDetail | null;
  /** Absolute browser URL of the work package. */
  url: string;
}

/** A work package as the quick search shows it. */
export interface WorkPackageSummary {
  id: number;
  displayId: string;
  subject: string;
  type: string | null;
  status: string | null;
  project: string | null;
  assignee: string | null;
  updatedAt: string | null;
  url: string;
}

export interface SearchPage {
  total: number;
  results: WorkPackageSummary[];
}

/** What the instance probe learnt about a URL. */
export interface InstanceInfo {
  /** The normalised base URL (with sub-path, no trailing slash). */
  baseUrl: string;
  instanceName: string;
  /** Only admins see it; null otherwise. */
  coreVersion: string | null;
  /** The user the given credentials belong to, when credentials were given and accepted. */
  user: Person | null;
}

export interface CurrentUser extends Person {
  login: string | null;
  email: string | null;
  avatar: string | null;
  admin: boolean;
}

/** What went wrong talking to OpenProject, one kind the app can branch on (see main/core/api/errors.ts). */
export type ApiErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'not-openproject'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'invalid-query'
  | 'rate-limited'
  | 'server'
  | 'unexpected';
