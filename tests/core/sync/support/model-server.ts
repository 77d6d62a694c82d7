/**
 * An in-memory OpenProject that implements the engine's SyncSource: notifications created,
 * updated in place, read elsewhere and deleted, with the server's rule that every change stamps
 * `updatedAt = now` (strictly increasing here). Faults can be injected per call.
 */
import type { NotificationItem, NotificationReason } from '../../../../main/core/domain';
import type { Clock } from '../../../../main/core/sync/clock';
import type { SyncSource, UnreadSnapshot } from '../../../../main/core/sync/source';

export type SourceCall = 'snapshot' | 'list';

const BASE = 'https://op.example.test';

export class ModelServer implements SyncSource {
  readonly items = new Map<number, NotificationItem>();
  readonly calls = { snapshot: 0, list: 0 };
  /** Returns the error a call should fail with, or null. */
  fault: ((call: SourceCall) => Error | null) | null = null;
  /** Runs just before the list is read (to change things between snapshot and list). */
  beforeList: (() => void) | null = null;
  /** The next list leaves out its n-th unread item, as when a page shifts while it is read. */
  skipInNextList: number | null = null;
  #nextId = 1;
  #lastStamp = 0;

  constructor(readonly clock: Clock) {}

  readonly links = {
    workPackage: (id: number) => `${BASE}/work_packages/${id}`,
    notificationCenter: () => `${BASE}/notifications`,
  };

  #stamp(): string {
    this.#lastStamp = Math.max(this.clock.now(), this.#lastStamp + 1);
    return new Date(this.#lastStamp).toISOString();
  }

  create(
    options: {
      workPackageId?: number;
      subject?: string;
      reason?: NotificationReason;
      actor?: string | null;
      project?: string;
    } = {},
  ): NotificationItem {
    const id = this.#nextId;
    this.#nextId += 1;
    const stamp = this.#stamp();
    const workPackageId = options.workPackageId ?? 100 + id;
    const actor = options.actor === undefined ? 'Jane Doe' : options.actor;
    const item: NotificationItem = {
      id,
      readIAN: false,
      reason: options.reason ?? 'mentioned',
      createdAt: stamp,
      updatedAt: stamp,
      workPackageId,
      workPackageSubject: options.subject ?? `Work package ${workPackageId}`,
      projectId: 1,
      projectName: options.project ?? 'Demo project',
      actor: actor === null ? null : { id: 5, name: actor },
      details: [],
    };
    this.items.set(id, item);
    return item;
  }

  /** An aggregated journal: same id, bumped updatedAt, unread again, maybe another reason. */
  updateInPlace(id: number, reason?: NotificationReason): NotificationItem {
    const item = this.#get(id);
    item.updatedAt = this.#stamp();
    item.readIAN = false;
    if (reason) item.reason = reason;
    return item;
  }

  /** Read elsewhere (the web UI, another device): the server stamps updatedAt too. */
  read(id: number): void {
    const item = this.#get(id);
    item.readIAN = true;
    item.updatedAt = this.#stamp();
  }

  remove(id: number): void {
    this.items.delete(id);
  }

  /** Unread ones, newest first (ISO stamps of one format sort as strings). */
  unread(): NotificationItem[] {
    return [...this.items.values()]
      .filter((item) => !item.readIAN)
      .sort((a, b) =>
        a.updatedAt === b.updatedAt ? b.id - a.id : a.updatedAt < b.updatedAt ? 1 : -1,
      );
  }

  #get(id: number): NotificationItem {
    const item = this.items.get(id);
    if (!item) throw new Error(`no notification ${id}`);
    return item;
  }

  #failIfAsked(call: SourceCall): void {
    const error = this.fault?.(call);
    if (error) throw error;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a server answers asynchronously
  async unreadSnapshot(): Promise<UnreadSnapshot> {
    this.calls.snapshot += 1;
    this.#failIfAsked('snapshot');
    const unread = this.unread();
    const newest = unread[0];
    return {
      total: unread.length,
      newest: newest ? { id: newest.id, updatedAt: newest.updatedAt } : null,
    };
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a server answers asynchronously
  async unreadNotifications(): Promise<NotificationItem[]> {
    this.calls.list += 1;
    this.#failIfAsked('list');
    this.beforeList?.();
    const unread = this.unread();
    if (this.skipInNextList !== null && unread.length > 0) {
      unread.splice(this.skipInNextList % unread.length, 1);
    }
    this.skipInNextList = null;
    return unread.map((item) => ({
      ...item,
      actor: item.actor && { ...item.actor },
      details: item.details.map((detail) => ({ ...detail })),
    }));
  }
}
