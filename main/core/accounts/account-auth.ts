/**
 * Signing accounts in and out, and the credentials the API client of each account uses:
 * API tokens (checked, then stored), OAuth (sign-in flow, one TokenManager per account so
 * refreshes are single-flight across every client of the account), and disconnect (revoke on
 * the server, delete locally in any case).
 */
import type { ClientOptions } from '../api/client';
import { checkApiToken, type ApiTokenCheckResult } from '../auth/api-token-check';
import { createGotFetch, type FetchLike } from '../auth/got-fetch';
import { toSignInError } from '../auth/oauth-errors';
import { startSignIn, type SignIn } from '../auth/pkce-flow';
import { resolveProvider, type ResolvedProvider } from '../auth/providers';
import { TokenManager, type TokenState } from '../auth/token-manager';
import { refreshTokens, revokeToken } from '../auth/token-requests';
import { parseStoredTokens, type TokenSet } from '../auth/token-set';
import { secretKeys } from '../secrets/secret-store';
import type { Account } from '../settings/schema';
import type { Accounts } from './accounts';

export interface AccountAuthOptions {
  accounts: Accounts;
  /** The HTTP stack for sign-in and refresh (got, with the app's CA and proxy). */
  fetch?: FetchLike;
  now?: () => number;
  /** Told when an account changes state (needs sign-in, ok again), with a sentence for the user. */
  onStateChange?: (accountId: string, state: TokenState, reason: string) => void;
}

export interface SignInRun {
  signIn: SignIn;
  /** Loopback: resolves once the tokens are stored and the account is ok (rejects with a SignInError). */
  completed: Promise<void>;
}

export interface DisconnectResult {
  /** True when the server confirmed the revocation. */
  revoked: boolean;
  message: string;
}

type CredentialOptions = Pick<ClientOptions, 'auth' | 'onUnauthorized'>;

function oauthConnection(account: Account) {
  if (account.auth.method !== 'oauth') {
    throw new Error(`${account.name} does not sign in with OAuth.`);
  }
  return account.auth.connection;
}

export class AccountAuth {
  readonly #accounts: Accounts;
  readonly #fetch: FetchLike;
  readonly #now: () => number;
  readonly #onStateChange: AccountAuthOptions['onStateChange'];
  readonly #managers = new Map<string, TokenManager>();
  readonly #providers = new Map<string, Promise<ResolvedProvider>>();
  /** The sign-in under way per account: a new one cancels it (and frees its port) first. */
  readonly #running = new Map<string, SignIn>();

  constructor(options: AccountAuthOptions) {
    this.#accounts = options.accounts;
    this.#fetch = options.fetch ?? createGotFetch();
    this.#now = options.now ?? Date.now;
    this.#onStateChange = options.onStateChange;
  }

  /** Checks the token (/users/me and the notifications query) and stores it only when both pass. */
  async connectApiToken(
    accountId: string,
    token: string,
    options: { ca?: string; timeoutMs?: number } = {},
  ): Promise<ApiTokenCheckResult> {
    const account = this.#accounts.get(accountId);
    const result = await checkApiToken({ baseUrl: account.baseUrl, token, ...options });
    if (!result.ok) return result;
    await this.#accounts.setApiToken(accountId, token);
    this.#accounts.update(accountId, (current) => ({
      ...current,
      auth: { method: 'apiToken' },
      state: 'ok',
    }));
    return result;
  }

  /**
   * Starts the OAuth sign-in of an account (cancelling one already under way for it); open
   * `signIn.authorizationUrl` in the browser.
   */
  async startOAuthSignIn(
    accountId: string,
    options: { timeoutMs?: number; signal?: AbortSignal; lingerMs?: number } = {},
  ): Promise<SignInRun> {
    const account = this.#accounts.get(accountId);
    const connection = oauthConnection(account);
    const previous = this.#running.get(accountId);
    if (previous) {
      previous.cancel();
      if (previous.mode === 'loopback') await previous.closed;
    }
    const signIn = await startSignIn({
      baseUrl: account.baseUrl,
      connection,
      clientSecret: connection.confidential
        ? await this.#accounts.getClientSecret(accountId)
        : null,
      fetch: this.#fetch,
      now: this.#now,
      ...options,
    });
    this.#running.set(accountId, signIn);
    const forget = () => {
      if (this.#running.get(accountId) === signIn) this.#running.delete(accountId);
    };
    const store = async (tokens: TokenSet) => {
      this.#providers.set(accountId, Promise.resolve(signIn.provider));
      await this.tokenManager(accountId).replaceTokens(tokens);
    };
    if (signIn.mode === 'oob') {
      const submit = signIn.submitCode.bind(signIn);
      signIn.submitCode = async (pasted) => {
        const tokens = await submit(pasted);
        await store(tokens);
        forget();
        return tokens;
      };
      return { signIn, completed: Promise.resolve() };
    }
    void signIn.closed.then(forget);
    const completed = signIn.tokens.then(store);
    void completed.catch(() => undefined);
    return { signIn, completed };
  }

  /** The TokenManager of an OAuth account (one per account). */
  tokenManager(accountId: string): TokenManager {
    let manager = this.#managers.get(accountId);
    if (manager) return manager;
    const account = this.#accounts.get(accountId);
    manager = new TokenManager({
      secrets: this.#accounts.secrets,
      secretKey: secretKeys.oauthTokens(accountId),
      accountName: account.name,
      now: this.#now,
      initialState: account.state === 'ok' ? 'ok' : 'needs-sign-in',
      refresh: async (refreshToken, now) =>
        refreshTokens(await this.#provider(accountId), refreshToken, now),
      onStateChange: (state, reason) => {
        this.#accounts.setState(accountId, state);
        this.#onStateChange?.(accountId, state, reason);
      },
    });
    this.#managers.set(accountId, manager);
    return manager;
  }

  /** `auth` and `onUnauthorized` for createClient of this account. */
  async clientOptions(accountId: string): Promise<CredentialOptions> {
    const account = this.#accounts.get(accountId);
    if (account.auth.method === 'apiToken') {
      const token = await this.#accounts.getApiToken(accountId);
      if (!token) {
        await this.reportSignedOut(accountId);
        return { auth: { kind: 'none' } };
      }
      return { auth: { kind: 'apiKey', token } };
    }
    const manager = this.tokenManager(accountId);
    return {
      auth: { kind: 'bearer', getToken: () => manager.getToken() },
      onUnauthorized: () => manager.onUnauthorized(),
    };
  }

  /** The server treats the account as anonymous (or refuses its token): it needs sign-in. */
  async reportSignedOut(accountId: string): Promise<void> {
    const account = this.#accounts.get(accountId);
    if (account.auth.method === 'oauth') {
      await this.tokenManager(accountId).markSignedOut();
      return;
    }
    if (account.state !== 'needs-sign-in') {
      this.#accounts.setState(accountId, 'needs-sign-in');
      this.#onStateChange?.(
        accountId,
        'needs-sign-in',
        `${account.name} no longer accepts the API token.`,
      );
    }
  }

  /**
   * Signs the account out: OAuth tokens are revoked at the server (refresh token, RFC 7009)
   * and deleted here even when the revocation fails; the message says which happened.
   */
  async disconnect(accountId: string): Promise<DisconnectResult> {
    const account = this.#accounts.get(accountId);
    const done = (result: DisconnectResult) => {
      this.#managers.delete(accountId);
      this.#accounts.setState(accountId, 'signed-out');
      return result;
    };
    if (account.auth.method === 'apiToken') {
      await this.#accounts.secrets.delete(secretKeys.apiToken(accountId));
      return done({
        revoked: false,
        message: `The API token of ${account.name} was removed from this computer. It stays valid in OpenProject until you delete it under My account → Access tokens.`,
      });
    }
    const key = secretKeys.oauthTokens(accountId);
    const tokens = parseStoredTokens(await this.#accounts.secrets.get(key));
    let failure: string | null = null;
    if (tokens) {
      try {
        const provider = await this.#provider(accountId);
        const [token, hint] = tokens.refreshToken
          ? ([tokens.refreshToken, 'refresh_token'] as const)
          : ([tokens.accessToken, 'access_token'] as const);
        await revokeToken(provider, token, hint);
      } catch (error) {
        failure = toSignInError(error, new URL(account.baseUrl).host).message;
      }
    }
    await this.#accounts.secrets.delete(key);
    this.#providers.delete(accountId);
    if (!tokens) {
      return done({ revoked: false, message: `${account.name} was not signed in.` });
    }
    if (failure) {
      return done({
        revoked: false,
        message: `The sign-in of ${account.name} was removed from this computer, but revoking it on the server failed: ${failure} You can revoke "OpenProject Tray" under My account → Access tokens.`,
      });
    }
    return done({
      revoked: true,
      message: `Signed out of ${account.name}: the sign-in was revoked on the server and removed from this computer.`,
    });
  }

  #provider(accountId: string): Promise<ResolvedProvider> {
    let provider = this.#providers.get(accountId);
    if (!provider) {
      const account = this.#accounts.get(accountId);
      const connection = oauthConnection(account);
      provider = (async () =>
        resolveProvider({
          baseUrl: account.baseUrl,
          connection,
          clientSecret: connection.confidential
            ? await this.#accounts.getClientSecret(accountId)
            : null,
          fetch: this.#fetch,
        }))();
      // A failed discovery (offline) is tried again next time.
      void provider.catch(() => this.#providers.delete(accountId));
      this.#providers.set(accountId, provider);
    }
    return provider;
  }
}
