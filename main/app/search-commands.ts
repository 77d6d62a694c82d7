/**
 * Quick search across every signed-in account at once (exact number matches first, then each
 * account's results in turn), cancellable by request id; and the recently opened work packages,
 * remembered in the app state, topped up with those that changed most recently.
 */
import {
  fail,
  ok,
  type BridgeError,
  type CommandHandlers,
  type SearchHit,
} from '../../preload/contract';
import type { WorkPackageGroup, WorkPackageSummary } from '../core/domain';
import { parseSearchInput, type SearchInput } from '../core/search/parse';
import { MAX_RECENT } from './app-state';
import type { AppContext } from './context';
import { toBridgeError } from './errors';

export const SEARCH_PAGE_SIZE = 20;
/** How many work packages the search shows before the user types. */
export const RECENT_SHOWN = 10;
const KNOWN_LIMIT = 500;

const key = (accountId: string, id: number) => `${accountId}#${id}`;

function isExact(input: SearchInput, workPackage: WorkPackageSummary): boolean {
  if (input.kind === 'id') return workPackage.id === input.id;
  if (input.kind !== 'text') return false;
  return workPackage.displayId.toLowerCase() === input.text.replace(/^#/, '').toLowerCase();
}

/** Exact matches first, then the accounts' results taken in turn (each already by relevance). */
export function mergeHits(
  input: SearchInput,
  perAccount: { accountId: string; results: WorkPackageSummary[] }[],
): SearchHit[] {
  const exact: SearchHit[] = [];
  const queues = perAccount.map(({ accountId, results }) => {
    const rest: SearchHit[] = [];
    for (const workPackage of results) {
      (isExact(input, workPackage) ? exact : rest).push({ accountId, workPackage });
    }
    return rest;
  });
  const merged = [...exact];
  for (let index = 0; queues.some((queue) => index < queue.length); index += 1) {
    for (const queue of queues) {
      const hit = queue[index];
      if (hit) merged.push(hit);
    }
  }
  return merged;
}

function fromGroup(group: WorkPackageGroup): WorkPackageSummary {
  return {
    id: group.workPackageId,
    displayId: String(group.workPackageId),
    subject: group.subject,
    type: null,
    status: null,
    project: group.projectName,
    assignee: null,
    updatedAt: group.latestAt,
    url: group.url,
  };
}

export class SearchService {
  readonly #ctx: AppContext;
  readonly #running = new Map<string, AbortController>();
  /** Work packages seen in search results, to remember them when opened. */
  readonly #known = new Map<string, WorkPackageSummary>();

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
    this.#running.clear();
    this.#known.clear();
  }

  /** Remembers an opened work package for "recent" (looked up when not seen before). */
  async recordOpened(accountId: string, workPackageId: number): Promise<void> {
    const ctx = this.#ctx;
    const summary =
      this.#known.get(key(accountId, workPackageId)) ??
      this.#fromGroups(accountId, workPackageId) ??
      (await ctx.hub.client(accountId)?.workPackage(workPackageId));
    if (!summary || !ctx.accounts.list().some((account) => account.id === accountId)) return;
    ctx.appState.update((state) => ({
      ...state,
      recent: [
        { accountId, workPackage: summary, openedAt: new Date(ctx.clock.now()).toISOString() },
        ...state.recent.filter(
          (entry) => !(entry.accountId === accountId && entry.workPackage.id === workPackageId),
        ),
      ].slice(0, MAX_RECENT),
    }));
  }

  commands(): Pick<CommandHandlers, 'search' | 'cancelSearch' | 'recentWorkPackages'> {
    return {
      search: async ({ requestId, text }) => {
        const input = parseSearchInput(text);
        if (input.kind === 'empty') return ok({ requestId, hits: [], failures: [] });
        this.#running.get(requestId)?.abort();
        const controller = new AbortController();
        this.#running.set(requestId, controller);
        const cancelled = new Promise<'cancelled'>((resolve) =>
          controller.signal.addEventListener('abort', () => resolve('cancelled'), { once: true }),
        );
        try {
          const outcome = await Promise.race([this.#searchAll(text), cancelled]);
          if (outcome === 'cancelled') return fail('cancelled', 'The search was cancelled.');
          for (const { accountId, results } of outcome.answers) {
            for (const workPackage of results) this.#remember(accountId, workPackage);
          }
          return ok({
            requestId,
            hits: mergeHits(input, outcome.answers),
            failures: outcome.failures,
          });
        } finally {
          if (this.#running.get(requestId) === controller) this.#running.delete(requestId);
        }
      },

      cancelSearch: ({ requestId }) => {
        this.#running.get(requestId)?.abort();
        this.#running.delete(requestId);
        return Promise.resolve(ok(null));
      },

      recentWorkPackages: () => Promise.resolve(ok(this.#recent())),
    };
  }

  async #searchAll(text: string) {
    const ctx = this.#ctx;
    const signedIn = ctx.accounts.list().filter((account) => account.state !== 'signed-out');
    const outcomes = await Promise.all(
      signedIn.map(async (account) => {
        const client = ctx.hub.client(account.id);
        if (!client) return { accountId: account.id, results: [] };
        try {
          const page = await client.search(text, { pageSize: SEARCH_PAGE_SIZE });
          return { accountId: account.id, results: page.results };
        } catch (error) {
          return { accountId: account.id, error: toBridgeError(error) };
        }
      }),
    );
    const answers: { accountId: string; results: WorkPackageSummary[] }[] = [];
    const failures: { accountId: string; error: BridgeError }[] = [];
    for (const outcome of outcomes) {
      if (outcome.error) failures.push({ accountId: outcome.accountId, error: outcome.error });
      else answers.push({ accountId: outcome.accountId, results: outcome.results ?? [] });
    }
    return { answers, failures };
  }

  #remember(accountId: string, workPackage: WorkPackageSummary): void {
    const id = key(accountId, workPackage.id);
    this.#known.delete(id);
    this.#known.set(id, workPackage);
    if (this.#known.size > KNOWN_LIMIT) {
      const oldest = this.#known.keys().next().value;
      if (oldest !== undefined) this.#known.delete(oldest);
    }
  }

  #fromGroups(accountId: string, workPackageId: number): WorkPackageSummary | null {
    const view = this.#ctx.hub.syncView(accountId);
    const group = view?.groups.find((candidate) => candidate.workPackageId === workPackageId);
    return group ? fromGroup(group) : null;
  }

  #recent(): SearchHit[] {
    const ctx = this.#ctx;
    const live = new Set(
      ctx.accounts
        .list()
        .filter((account) => account.state !== 'signed-out')
        .map((account) => account.id),
    );
    const hits: SearchHit[] = ctx.appState
      .get()
      .recent.filter((entry) => live.has(entry.accountId))
      .map(({ accountId, workPackage }) => ({ accountId, workPackage }));
    const seen = new Set(hits.map((hit) => key(hit.accountId, hit.workPackage.id)));
    const updated = ctx.hub
      .view()
      .accounts.filter((view) => live.has(view.id))
      .flatMap((view) => view.groups.map((group) => ({ accountId: view.id, group })))
      .sort((a, b) => Date.parse(b.group.latestAt) - Date.parse(a.group.latestAt));
    for (const { accountId, group } of updated) {
      if (hits.length >= RECENT_SHOWN) break;
      if (seen.has(key(accountId, group.workPackageId))) continue;
      seen.add(key(accountId, group.workPackageId));
      hits.push({ accountId, workPackage: fromGroup(group) });
    }
    return hits.slice(0, RECENT_SHOWN);
  }
}
