/**
 * The persisted record of what was already seen, per account: `id → updatedAt` of the unread
 * notifications at the last full sync, plus ids that left the unread list recently ("gone"), so
 * an id that briefly disappears (a page shifted while we read it) is not announced twice.
 */

export interface GoneEntry {
  updatedAt: string;
  /** When the id left the unread list (ms since the epoch). */
  since: number;
}

export interface SeenRecord {
  /** Unread notifications at the last full sync: id → updatedAt. */
  seen: Map<number, string>;
  /** Ids no longer unread, kept for a while: id → last updatedAt and since when. */
  gone: Map<number, GoneEntry>;
}

export interface SeenStore {
  /** null: this account never completed a sync (or the record was unreadable). */
  load(accountId: string): Promise<SeenRecord | null>;
  save(accountId: string, record: SeenRecord): Promise<void>;
  /** Forgets an account (removed, or signed in afresh: its next sync records without toasts). */
  forget(accountId: string): Promise<void>;
}

export function emptyRecord(): SeenRecord {
  return { seen: new Map(), gone: new Map() };
}

export function cloneRecord(record: SeenRecord): SeenRecord {
  return { seen: new Map(record.seen), gone: new Map(record.gone) };
}

/** Keeps records in memory (tests, the CLI's `watch` when nothing should persist). */
export function createMemorySeenStore(): SeenStore & { readonly saves: number } {
  const records = new Map<string, SeenRecord>();
  let saves = 0;
  return {
    get saves() {
      return saves;
    },
    load(accountId) {
      const record = records.get(accountId);
      return Promise.resolve(record ? cloneRecord(record) : null);
    },
    save(accountId, record) {
      saves += 1;
      records.set(accountId, cloneRecord(record));
      return Promise.resolve();
    },
    forget(accountId) {
      records.delete(accountId);
      return Promise.resolve();
    },
  };
}
