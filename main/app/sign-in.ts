/**
 * What every sign-in shares, API token or OAuth: the URL as typed, the checks (whose credentials,
 * and can they read notifications), and saving the result: a new account, or new credentials for
 * an existing one (asked for, or the same user on the same instance), then syncing it.
 */
import type { Account, Person } from '../../preload/contract';
import type { AccountAuth } from '../core/accounts/account-auth';
import { createClient, type OpenProjectClient } from '../core/api/client';
import { isApiError } from '../core/api/errors';
import { probeInstance } from '../core/api/probe';
import { normalizeBaseUrl } from '../core/api/url';
import { checkApiToken, type ApiTokenProblem } from '../core/auth/api-token-check';
import type { CurrentUser } from '../core/domain';
import { secretKeys } from '../core/secrets/secret-store';
import type { AccountAuth as CoreAuthSettings } from '../core/settings/schema';
import type { AppContext } from './context';
import { AppError } from './errors';
import { ensureCanStoreSignIn } from './secret-storage';

/** The base URL of what the user typed; `invalid-url` when it is no http(s) address. */
export function normalizeUrl(input: string): string {
  try {
    return normalizeBaseUrl(input);
  } catch (error) {
    throw new AppError('invalid-url', error instanceof Error ? error.message : String(error));
  }
}

const PROBLEM_KINDS: Partial<Record<ApiTokenProblem, AppError['kind']>> = {
  empty: 'invalid-input',
  rejected: 'unauthenticated',
  'cannot-read-notifications': 'forbidden',
  'not-openproject': 'not-openproject',
};

/** Keeps the last error of the client's calls, so a failed check keeps its precise kind. */
function recordingErrors(client: OpenProjectClient, record: (error: unknown) => void) {
  const noted =
    <T>(call: () => Promise<T>) =>
    () =>
      call().catch((error: unknown) => {
        record(error);
        throw error;
      });
  return {
    ...client,
    me: noted(() => client.me()),
    unreadCount: noted(() => client.unreadCount()),
  };
}

/** /users/me and the notifications query with the token; the user, or why not. */
export async function checkToken(
  ctx: AppContext,
  baseUrl: string,
  token: string,
  ca: string | null,
): Promise<CurrentUser> {
  let last: unknown = null;
  const timeoutMs = ctx.deps.requestTimeoutMs;
  const result = await checkApiToken({
    baseUrl,
    token,
    ...(ca ? { ca } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    createClient: (options) =>
      recordingErrors(createClient(options), (error) => {
        last = error;
      }),
  });
  if (result.ok) return result.user;
  const kind =
    PROBLEM_KINDS[result.problem] ?? (isApiError(last) ? last.kind : ('internal' as const));
  throw new AppError(kind, result.message);
}

/** /users/me and the notifications query with a fresh OAuth access token. */
export async function checkAccessToken(
  ctx: AppContext,
  baseUrl: string,
  accessToken: string,
  ca: string | null,
): Promise<CurrentUser> {
  const timeoutMs = ctx.deps.requestTimeoutMs;
  const client = createClient({
    baseUrl,
    auth: { kind: 'bearer', getToken: () => Promise.resolve(accessToken) },
    retries: 0,
    ...(ca ? { ca } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  const user = await client.me();
  try {
    await client.unreadCount();
  } catch (error) {
    const refused = ['forbidden', 'unauthenticated', 'not-found', 'invalid-query'] as const;
    if (refused.some((kind) => isApiError(error, kind))) {
      throw new AppError(
        'forbidden',
        `OpenProject signs you in as ${user.name}, but refuses to let this sign-in read notifications, so it was not saved: ask your administrator to allow the scope api_v3 for the OAuth application.`,
      );
    }
    throw error;
  }
  return user;
}

/** The instance's name: from this session's probe, else asked anonymously, else its host. */
export async function instanceNameFor(
  ctx: AppContext,
  baseUrl: string,
  ca: string | null,
): Promise<string> {
  const probed = ctx.probed.get(baseUrl);
  if (probed) return probed.instanceName;
  try {
    const info = await probeInstance(baseUrl, { retries: 0, ...(ca ? { ca } : {}) });
    ctx.probed.set(info.baseUrl, info);
    return info.instanceName;
  } catch {
    return new URL(baseUrl).host;
  }
}

/** An account of the same user on the same instance (signing in there again). */
function sameUserAccount(ctx: AppContext, baseUrl: string, userId: number): string | null {
  const match = ctx.accounts
    .list()
    .find(
      (account) =>
        account.baseUrl === baseUrl && ctx.appState.meta(account.id)?.user?.id === userId,
    );
  return match?.id ?? null;
}

export interface CompletedSignIn {
  baseUrl: string;
  /** The account the user chose to sign in again, if any. */
  accountId: string | null;
  user: Person;
  ca: string | null;
  auth: CoreAuthSettings;
  /** Stores the credentials under the account (its settings already say how it signs in). */
  store(accountId: string, auth: AccountAuth): Promise<void>;
}

const OTHER_METHOD_KEYS = {
  apiToken: (id: string) => [secretKeys.oauthTokens(id), secretKeys.clientSecret(id)],
  oauth: (id: string) => [secretKeys.apiToken(id)],
};

/** Saves a checked sign-in and starts syncing; the account as the renderer sees it. */
export async function saveSignIn(ctx: AppContext, done: CompletedSignIn): Promise<Account> {
  // Checked again here: the user may have changed their mind while the sign-in was under way.
  ensureCanStoreSignIn(ctx);
  const person = { id: done.user.id, name: done.user.name };
  const existing = done.accountId ?? sameUserAccount(ctx, done.baseUrl, done.user.id);
  if (existing) {
    const previous = ctx.account(existing);
    for (const key of OTHER_METHOD_KEYS[done.auth.method](existing)) {
      await ctx.accounts.secrets.delete(key);
    }
    ctx.accounts.update(existing, (account) => ({ ...account, auth: done.auth, state: 'ok' }));
    const meta = ctx.meta(previous);
    ctx.appState.setMeta(existing, { ...meta, user: person, ca: done.ca ?? meta.ca });
    ctx.signedOutMessages.delete(existing);
    await done.store(existing, ctx.renewAuth(existing));
    await ctx.hub.attach(existing, { fresh: previous.state === 'signed-out' });
    ctx.publish.all();
    return ctx.view(existing);
  }
  const instanceName = await instanceNameFor(ctx, done.baseUrl, done.ca);
  const { global } = ctx.deps.settings.get();
  const account = ctx.accounts.add({
    name: instanceName.slice(0, 100),
    baseUrl: done.baseUrl,
    auth: done.auth,
    options: {
      pollIntervalSeconds: global.pollIntervalSeconds,
      toastReasons: global.toastReasons,
    },
  });
  ctx.appState.setMeta(account.id, {
    instanceName: instanceName.slice(0, 200),
    label: null,
    user: person,
    ca: done.ca,
  });
  try {
    await done.store(account.id, ctx.renewAuth(account.id));
  } catch (error) {
    // Nothing half-saved: without its credentials the account is not kept.
    await ctx.accounts.remove(account.id).catch(() => undefined);
    ctx.appState.forgetAccount(account.id);
    ctx.forgetAuth(account.id);
    throw error;
  }
  await ctx.hub.attach(account.id, { fresh: true });
  ctx.publish.all();
  return ctx.view(account.id);
}
