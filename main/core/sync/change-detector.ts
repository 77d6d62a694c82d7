/**
 * Deciding what changed, from one cheap snapshot and, only when it moved, the full unread list.
 *
 * Why the snapshot (total + newest unread's id/updatedAt) catches every change within one poll:
 * the server stamps `updatedAt = now` on every create, update in place (aggregated journal) and
 * re-unread, so any such notification becomes the newest unread one; reads and deletions lower the
 * total. A read plus a new one in the same interval keep the total but change the newest. The only
 * blind spot is a server clock that steps back *and* a read or deletion in the same interval that
 * keeps the total; the change then shows at the next change (or an optional periodic full sync).
 */
import type { NotificationItem } from '../domain';
import type { UnreadSnapshot } from './source';
import type { SeenRecord } from './seen-store';

/** How long an id that left the unread list is remembered (it may reappear unchanged). */
export const GONE_RETENTION_MS = 3 * 24 * 60 * 60_000;
/** At most this many such ids are remembered, newest first. */
export const GONE_LIMIT = 2_000;

function instant(iso: string): number {
  return Date.parse(iso);
}

/** Two timestamps name the same moment (tolerates format differences such as precision). */
export function sameInstant(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = instant(a);
  const tb = instant(b);
  return Number.isFinite(ta) && Number.isFinite(tb) && ta === tb;
}

export function sameSnapshot(a: UnreadSnapshot | null, b: UnreadSnapshot): boolean {
  if (!a || a.total !== b.total) return false;
  if (a.newest === null || b.newest === null) return a.newest === b.newest;
  return a.newest.id === b.newest.id && sameInstant(a.newest.updatedAt, b.newest.updatedAt);
}

/** The unread items of a list, each id once (a page may shift while the list is read). */
export function uniqueUnread(list: readonly NotificationItem[]): NotificationItem[] {
  const byId = new Map<number, NotificationItem>();
  for (const item of list) {
    if (item.readIAN) continue;
    const known = byId.get(item.id);
    if (!known || instant(item.updatedAt) > instant(known.updatedAt)) byId.set(item.id, item);
  }
  return [...byId.values()];
}

/**
 * Whether a list describes the same state as the snapshot taken just before it. If not, something
 * changed in between (or a page shifted): the next poll fetches the list again.
 */
export function listMatchesSnapshot(
  unread: readonly NotificationItem[],
  snapshot: UnreadSnapshot,
): boolean {
  if (unread.length !== snapshot.total) return false;
  if (snapshot.newest === null) return unread.length === 0;
  const { id, updatedAt } = snapshot.newest;
  const newestAt = instant(updatedAt);
  let found = false;
  for (const item of unread) {
    if (item.id === id) found = sameInstant(item.updatedAt, updatedAt);
    else if (instant(item.updatedAt) > newestAt) return false;
  }
  return found;
}

export interface Reconciliation {
  /** Unread notifications not seen before, or seen with another updatedAt (updated in place). */
  fresh: NotificationItem[];
  next: SeenRecord;
  /** No earlier record: everything was recorded as seen, nothing is fresh. */
  baseline: boolean;
}

/** Compares the unread list with what was seen, and returns the new record (pruned). */
export function reconcile(
  previous: SeenRecord | null,
  unread: readonly NotificationItem[],
  now: number,
): Reconciliation {
  const next: SeenRecord = { seen: new Map(), gone: new Map() };
  const fresh: NotificationItem[] = [];
  for (const item of unread) {
    if (previous) {
      const known = previous.seen.get(item.id) ?? previous.gone.get(item.id)?.updatedAt;
      if (known === undefined || !sameInstant(known, item.updatedAt)) fresh.push(item);
    }
    next.seen.set(item.id, item.updatedAt);
  }
  if (previous) {
    const gone: [number, { updatedAt: string; since: number }][] = [];
    for (const [id, updatedAt] of previous.seen) {
      if (!next.seen.has(id)) gone.push([id, { updatedAt, since: now }]);
    }
    for (const [id, entry] of previous.gone) {
      if (!next.seen.has(id) && !previous.seen.has(id) && now - entry.since < GONE_RETENTION_MS) {
        gone.push([id, entry]);
      }
    }
    gone.sort((a, b) => b[1].since - a[1].since);
    for (const [id, entry] of gone.slice(0, GONE_LIMIT)) next.gone.set(id, entry);
  }
  return { fresh, next, baseline: previous === null };
}

/** Newest first, as the widget and the toasts want them. */
export function newestFirst(items: readonly NotificationItem[]): NotificationItem[] {
  return [...items].sort((a, b) => instant(b.updatedAt) - instant(a.updatedAt) || b.id - a.id);
}
