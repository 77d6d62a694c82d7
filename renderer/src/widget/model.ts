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
 * Main sends each account's groups newest first, so a single account's list needs no sorting.
 */
export function mergeGroups(
  snapshot: NotificationsSnapshot | null,
  hidden: ReadonlySet<string>,
): GroupEntry[] {
  if (!snapshot) return [];
  const entries: GroupEntry[] = [];
  const times: number[] = [];
  for (const { accountId, groups } of snapshot.accounts) {
    for (const group of groups) {
      const key = entryKey(accountId, group.workPackageId);
      if (hidden.has(key)) continue;
      entries.push({ key, accountId, group });
      times.push(Date.parse(group.latestAt) || 0);
    }
  }
  const newestFirst = (a: number, b: number) => {
    const keyA = entries[a]!.key;
    const keyB = entries[b]!.key;
    return times[b]! - times[a]! || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
  };
  for (let i = 1; i < entries.length; i += 1) {
    if (newestFirst(i - 1, i) > 0) {
      return entries
        .map((_, index) => index)
        .sort(newestFirst)
        .map((index) => entries[index]!);
    }
  }
  return entries;
}

export function applyFilters(entries: GroupEntry[], filters: WidgetFilters): GroupEntry[] {
  if (filters.accountId === null && filters.reason === null && filters.project === null)
    return entries;
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
/**
 * The reasons and projects to filter by: those of the rows there are, plus the filter that is set
 * even when its last row is gone (read here or elsewhere), so the select keeps naming it. The
 * name of such a project comes from the choices shown before.
 */
export function filterChoices(
  entries: GroupEntry[],
  active: WidgetFilters = NO_FILTERS,
  previous?: FilterChoices,
): FilterChoices {
  const reasons = new Set<NotificationReason>();
  const projects = new Map<string, string>();
  for (const entry of entries) {
    entry.group.reasons.forEach((reason) => reasons.add(reason));
    if (entry.group.projectName !== null) projects.set(projectKey(entry), entry.group.projectName);
  }
  if (active.reason !== null) reasons.add(active.reason);
  if (active.project !== null && !projects.has(active.project)) {
    const known = previous?.projects.find((project) => project.key === active.project);
    if (known) projects.set(known.key, known.name);
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
