/**
 * The OpenProject API v3 client of docs/ARCHITECTURE.md: one per account.
 */
import type {
  CurrentUser,
  InstanceInfo,
  NotificationItem,
  SearchPage,
  WorkPackageGroup,
  WorkPackageSummary,
} from '../domain';
import { groupByWorkPackage, newestFirst } from '../notifications/grouping';
import { parseSearchInput } from '../search/parse';
import { ApiError, isApiError } from './errors';
import {
  filtersParam,
  notificationIdsFilter,
  sortByParam,
  typeaheadFilter,
  unreadFilter,
  workPackageNotificationFilters,
} from './filters';
import {
  createTransport,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type Auth,
  type Transport,
} from './http';
import {
  isAnonymousUser,
  toCurrentUser,
  toNotificationItem,
  toWorkPackageSummary,
} from './mappers';
import { parseAnswer } from './parse';
import { probeRoot } from './probe-root';
import {
  NotificationCollectionSchema,
  NotificationSchema,
  TotalSchema,
  UserSchema,
  WorkPackageCollectionSchema,
  WorkPackageSchema,
} from './schemas';
import { browserLinks, normalizeBaseUrl, type BrowserLinks } from './url';

export interface ClientOptions {
  /** e.g. http://127.0.0.1:PORT/openproject (sub-path kept, trailing slash dropped). */
  baseUrl: string;
  auth?: Auth;
  /** Per attempt; default 15 000. */
  timeoutMs?: number;
  /** Default 2; idempotent requests only, honouring Retry-After. */
  retries?: number;
  /** Extra trusted CA certificates (PEM), on top of the system's. */
  ca?: string;
  /** Sign-in hook: refresh once, return true to retry the request once. */
  onUnauthorized?: () => Promise<boolean>;
}

export interface UnreadSnapshot {
  total: number;
  newest: { id: number; updatedAt: string } | null;
}

export interface OpenProjectClient {
  readonly baseUrl: string;
  probe(): Promise<InstanceInfo>;
  me(): Promise<CurrentUser>;
  unreadCount(): Promise<number>;
  unreadSnapshot(): Promise<UnreadSnapshot>;
  unreadNotifications(): Promise<NotificationItem[]>;
  notification(id: number): Promise<NotificationItem>;
  unreadGroups(): Promise<WorkPackageGroup[]>;
  markRead(notificationIds: number[]): Promise<void>;
  markWorkPackageRead(workPackageId: number): Promise<void>;
  markAllRead(): Promise<void>;
  search(text: string, page?: { offset?: number; pageSize?: number }): Promise<SearchPage>;
  workPackage(idOrDisplayId: number | string): Promise<WorkPackageSummary>;
  links: BrowserLinks;
}

/** The largest page OpenProject serves by default (`apiv3_max_page_size`). */
export const MAX_PAGE_SIZE = 1000;
/** Ids per bulk read_ian request, keeping the URL well under proxy limits. */
export const MARK_READ_BATCH = 100;
const DEFAULT_SEARCH_PAGE_SIZE = 20;
/** More pages than this means the server does not page as documented. */
const MAX_PAGES = 200;
/** What the quick search needs of each work package (`updatedAt` is not selectable). */
export const SEARCH_SELECT = [
  'total',
  'count',
  'elements/id',
  'elements/displayId',
  'elements/subject',
  'elements/self',
  'elements/project',
  'elements/status',
  'elements/type',
  'elements/assignee',
].join(',');

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

function validIds(ids: readonly number[]): number[] {
  return [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
}

export function createClient(options: ClientOptions): OpenProjectClient {
  return buildClient(options, 1);
}

/** `redirects`: how many moves of the instance `probe()` still follows. */
function buildClient(options: ClientOptions, redirects: number): OpenProjectClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const auth: Auth = options.auth ?? { kind: 'none' };
  const transport: Transport = createTransport({
    baseUrl,
    auth,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? DEFAULT_RETRIES,
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
  });
  const links = browserLinks(baseUrl);
  const ctx = transport.errorContext;
  const unread = filtersParam([unreadFilter()]);

  async function me(): Promise<CurrentUser> {
    const user = parseAnswer(UserSchema, await transport.get('users/me'), ctx, 'the current user');
    if (isAnonymousUser(user)) {
      throw new ApiError(
        'unauthenticated',
        `OpenProject at ${baseUrl} treats you as an anonymous visitor. Sign in, or create an API token at ${links.accessTokens()}.`,
      );
    }
    return toCurrentUser(user);
  }

  async function unreadNotifications(): Promise<NotificationItem[]> {
    const byId = new Map<number, NotificationItem>();
    // Paged by id, which never changes, so a notification updated meanwhile does not move pages.
    const sortBy = sortByParam(['id', 'desc']);
    for (let offset = 1; offset <= MAX_PAGES; offset += 1) {
      const answer = await transport.get('notifications', {
        filters: unread,
        sortBy,
        pageSize: MAX_PAGE_SIZE,
        offset,
      });
      const page = parseAnswer(NotificationCollectionSchema, answer, ctx, 'the notifications');
      const elements = page._embedded?.elements ?? [];
      for (const element of elements) byId.set(element.id, toNotificationItem(element));
      const pageSize = page.pageSize || elements.length;
      if (elements.length === 0 || offset * pageSize >= page.total || byId.size >= page.total) {
        break;
      }
    }
    return [...byId.values()].sort(newestFirst);
  }

  async function markBatch(ids: number[]): Promise<void> {
    try {
      await transport.post('notifications/read_ian', {
        filters: filtersParam([notificationIdsFilter(ids)]),
      });
    } catch (error) {
      // One id that is no longer ours (deleted meanwhile) fails the whole filter: go one by one.
      if (!isApiError(error, 'invalid-query')) throw error;
      for (const id of ids) {
        try {
          await transport.post(`notifications/${id}/read_ian`);
        } catch (single) {
          if (!isApiError(single, 'not-found')) throw single;
        }
      }
    }
  }

  async function workPackage(idOrDisplayId: number | string): Promise<WorkPackageSummary> {
    const key = String(idOrDisplayId).trim().replace(/^#/, '');
    if (key === '') {
      throw new ApiError('not-found', 'No work package number was given.');
    }
    const answer = await transport.get(`work_packages/${encodeURIComponent(key)}`);
    const wp = parseAnswer(WorkPackageSchema, answer, ctx, `work package ${key}`);
    return toWorkPackageSummary(wp, links.workPackage);
  }

  async function search(
    text: string,
    page: { offset?: number; pageSize?: number } = {},
  ): Promise<SearchPage> {
    const input = parseSearchInput(text);
    const offset = clampInt(page.offset, 1, Number.MAX_SAFE_INTEGER, 1);
    const pageSize = clampInt(page.pageSize, 0, MAX_PAGE_SIZE, DEFAULT_SEARCH_PAGE_SIZE);
    if (input.kind === 'empty') return { total: 0, results: [] };
    if (input.kind === 'id') {
      try {
        const found = await workPackage(input.id);
        return { total: 1, results: offset === 1 && pageSize > 0 ? [found] : [] };
      } catch (error) {
        if (isApiError(error, 'not-found')) return { total: 0, results: [] };
        throw error;
      }
    }
    const answer = await transport.get('work_packages', {
      filters: filtersParam([typeaheadFilter(input.text)]),
      sortBy: sortByParam(['updatedAt', 'desc']),
      offset,
      pageSize,
      select: SEARCH_SELECT,
    });
    const result = parseAnswer(WorkPackageCollectionSchema, answer, ctx, 'the search results');
    return {
      total: result.total,
      results: (result._embedded?.elements ?? []).map((wp) =>
        toWorkPackageSummary(wp, links.workPackage),
      ),
    };
  }

  return {
    baseUrl,
    links,
    probe: () =>
      probeRoot({
        transport,
        auth,
        me,
        redirects,
        probeAt: (target) => buildClient({ ...options, baseUrl: target }, redirects - 1).probe(),
      }),
    me,

    async unreadCount() {
      const answer = await transport.get('notifications', { pageSize: 0, filters: unread });
      return parseAnswer(TotalSchema, answer, ctx, 'the unread count').total;
    },

    async unreadSnapshot() {
      const answer = await transport.get('notifications', {
        pageSize: 1,
        sortBy: sortByParam(['updatedAt', 'desc']),
        filters: unread,
      });
      const page = parseAnswer(NotificationCollectionSchema, answer, ctx, 'the notifications');
      const first = page._embedded?.elements[0];
      return {
        total: page.total,
        newest: first ? { id: first.id, updatedAt: first.updatedAt } : null,
      };
    },

    unreadNotifications,

    async notification(id) {
      const answer = await transport.get(`notifications/${id}`);
      return toNotificationItem(parseAnswer(NotificationSchema, answer, ctx, `notification ${id}`));
    },

    async unreadGroups() {
      return groupByWorkPackage(await unreadNotifications(), links.workPackage);
    },

    async markRead(notificationIds) {
      const ids = validIds(notificationIds);
      for (let i = 0; i < ids.length; i += MARK_READ_BATCH) {
        await markBatch(ids.slice(i, i + MARK_READ_BATCH));
      }
    },

    async markWorkPackageRead(workPackageId) {
      try {
        await transport.post('notifications/read_ian', {
          filters: filtersParam([unreadFilter(), ...workPackageNotificationFilters(workPackageId)]),
        });
      } catch (error) {
        // The resourceId filter only allows visible work packages: one deleted or hidden
        // meanwhile has no notifications of ours left to mark.
        if (!isApiError(error, 'invalid-query')) throw error;
      }
    },

    async markAllRead() {
      await transport.post('notifications/read_ian', { filters: unread });
    },

    search,
    workPackage,
  };
}
