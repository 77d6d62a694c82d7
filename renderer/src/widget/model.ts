import type {
  Account,
  AccountStateKind,
  NotificationGroup,
  NotificationReason,
  NotificationsSnapshot,
} from '../../../preload/contract';
import type { TrayData } from '../bridge/useTrayData';

/** One row of the widget: a work package's unread notifications in one account. */
export interface GroupEntry {
  key: string;
  accountId: string;
  group: NotificationGroup;
}

export interface WidgetFilters {
  reason: NotificationReason | null;
  /** `projectKey()` of the chosen project. */
  project: string | null;
  accountId: string | null;
}

export const NO_FILTERS: WidgetFilters = { reason: null, project: null, accountId: null };

export function entryKey(accountId: string, workPackageId: number): string {
  return `${accountId}:${workPackageId}`;
}

export function projectKey(entry: GroupEntry): string {
  const { projectId, projectName } = entry.group;
  return `${entry.accountId}:${projectId ?? projectName ?? ''}`;
}

/**
 * Every account's groups in one list, newest first (ties by key, so the order is stable). Sorted by
 * parsed time with plain comparisons: `localeCompare` made this the costliest step at 1,000 groups.
 */
export function mergeGroups(
  snapshot: NotificationsSnapshot | null,
  hidden: ReadonlySet<string>,
): GroupEntry[] {
  if (!snapshot) return [];
  const entries = snapshot.accounts.flatMap((account) =>
    account.groups.map((group) => ({
      key: entryKey(account.accountId, group.workPackageId),
      accountId: account.accountId,
      group,
      at: Date.parse(group.latestAt) || 0,
    })),
  );
  return entries
    .filter((entry) => !hidden.has(entry.key))
    .sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, accountId, group }) => ({ key, accountId, group }));
}

export function applyFilters(entries: GroupEntry[], filters: WidgetFilters): GroupEntry[] {
  return entries.filter(
    (entry) =>
      (filters.accountId === null || entry.accountId === filters.accountId) &&
      (filters.reason === null || entry.group.reasons.includes(filters.reason)) &&
      (filters.project === null || projectKey(entry) === filters.project),
  );
}

export interface FilterChoices {
  reasons: NotificationReason[];
  projects: { key: string; name: string }[];
}

/** The reasons and projects present in the list, so every choice finds something. */
export function filterChoices(entries: GroupEntry[]): FilterChoices {
  const reasons = new Set<NotificationReason>();
  const projects = new Map<string, string>();
  for (const entry of entries) {
    entry.group.reasons.forEach((reason) => reasons.add(reason));
    if (entry.group.projectName !== null) projects.set(projectKey(entry), entry.group.projectName);
  }
  return {
    reasons: [...reasons],
    projects: [...projects]
      .map(([key, name]) => ({ key, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Account states that keep an account from syncing, most urgent first. */
export const PROBLEM_STATES = ['needs-sign-in', 'offline', 'server-error', 'signed-out'] as const;
export type ProblemKind = (typeof PROBLEM_STATES)[number];

export function isProblemKind(kind: AccountStateKind): kind is ProblemKind {
  return (PROBLEM_STATES as readonly AccountStateKind[]).includes(kind);
}

export function isProblem(account: Account): boolean {
  return isProblemKind(account.state.kind);
}

export type WidgetCondition =
  | { kind: 'loading' }
  | { kind: 'load-failed' }
  | { kind: 'no-accounts' }
  | { kind: 'list' }
  | { kind: 'filtered-empty' }
  | { kind: 'caught-up' }
  | { kind: 'problem'; account: Account };

/**
 * What the widget's main area shows. "All caught up" only when some account really synced;
 * when no account could sync, the first problem (sign-in first, then offline, server, signed out).
 */
export function widgetCondition(
  data: Pick<TrayData, 'status' | 'accounts' | 'snapshot'>,
  entries: GroupEntry[],
  visible: GroupEntry[],
): WidgetCondition {
  if (data.status === 'loading') return { kind: 'loading' };
  if (data.status === 'failed') return { kind: 'load-failed' };
  if (data.accounts.length === 0) return { kind: 'no-accounts' };
  if (entries.length > 0) return visible.length > 0 ? { kind: 'list' } : { kind: 'filtered-empty' };
  const synced = new Set(
    (data.snapshot?.accounts ?? []).filter((a) => a.syncedAt !== null).map((a) => a.accountId),
  );
  const healthy = data.accounts.filter((account) => !isProblem(account));
  if (healthy.some((account) => synced.has(account.id))) return { kind: 'caught-up' };
  if (healthy.length > 0) return { kind: 'loading' };
  const problem = [...data.accounts].sort((a, b) => problemRank(a) - problemRank(b))[0];
  return problem ? { kind: 'problem', account: problem } : { kind: 'loading' };
}

function problemRank(account: Account): number {
  const kind = account.state.kind;
  return isProblemKind(kind) ? PROBLEM_STATES.indexOf(kind) : PROBLEM_STATES.length;
}
