/**
 * The access-token lifecycle of one OAuth account, for the API client (`getToken`,
 * `onUnauthorized` of ClientOptions):
 * - refreshes shortly before expiry (min(2 min, 10 % of the lifetime)), and once on a 401;
 * - one refresh at a time: concurrent callers wait for the same one (single-flight);
 * - the rotated refresh token is stored (atomically, encrypted) BEFORE the new access token is used;
 * - a refused refresh (invalid_grant, revoked…) puts the account in "needs sign-in", keeping the
 *   tokens until the user acts; nothing is requested again until then;
 * - a transient failure (network, server down) is not "needs sign-in": the still-valid token is
 *   used, and the refresh is retried after a growing pause, never in a tight loop.
 */
import { ApiError } from '../api/errors';
import type { SecretStore } from '../secrets/secret-store';
import { SignInError } from './oauth-errors';
import { parseStoredTokens, refreshDueAt, serializeTokens, type TokenSet } from './token-set';

export type TokenState = 'ok' | 'needs-sign-in';

export interface TokenManagerOptions {
  secrets: SecretStore;
  /** Where the account's tokens are stored (secretKeys.oauthTokens(id)). */
  secretKey: string;
  /** Performs the refresh_token grant (token-requests.ts refreshTokens over a resolved provider). */
  refresh: (refreshToken: string, now: number) => Promise<TokenSet>;
  /** For messages: the account or server name. */
  accountName: string;
  now?: () => number;
  initialState?: TokenState;
  /** Told when the state changes, e.g. to persist it on the account and show it. */
  onStateChange?: (state: TokenState, reason: string) => void | Promise<void>;
}

/** A 401 within this long after a refresh: the request carried the old token, just retry. */
const RETRY_GRACE_MS = 30_000;
/** A second 401-triggered refresh within this long: fresh tokens are refused too, stop. */
const REPEATED_401_WINDOW_MS = 10 * 60_000;
const TRANSIENT_BACKOFF_MS = [30_000, 60_000, 120_000, 300_000];

/** Server answers to a refresh that mean "sign in again". */
const NEEDS_SIGN_IN_KINDS = new Set([
  'invalid-grant',
  'invalid-client',
  'unauthorized-client',
  'invalid-scope',
  'access-denied',
]);

export class TokenManager {
  readonly #options: TokenManagerOptions;
  readonly #now: () => number;
  #state: TokenState;
  #tokens: TokenSet | null | undefined;
  /** Tokens received but not yet stored: never used until they are. */
  #unsaved: TokenSet | null = null;
  #inflight: Promise<TokenSet> | null = null;
  #lastRefreshAt = Number.NEGATIVE_INFINITY;
  #last401RefreshAt = Number.NEGATIVE_INFINITY;
  #transientFailures = 0;
  #retryNotBefore = Number.NEGATIVE_INFINITY;
  #refreshCount = 0;

  constructor(options: TokenManagerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#state = options.initialState ?? 'ok';
  }

  get state(): TokenState {
    return this.#state;
  }

  /** Refresh requests made by this manager (for measurements). */
  get refreshCount(): number {
    return this.#refreshCount;
  }

  /** A valid access token, refreshed first when it is due. */
  async getToken(): Promise<string> {
    this.#assertSignedIn();
    const tokens = await this.#load();
    const due = refreshDueAt(tokens);
    const now = this.#now();
    if (this.#inflight || this.#unsaved || (due !== null && now >= due)) {
      try {
        return (await this.#refreshSingleFlight(false)).accessToken;
      } catch (error) {
        // Transient: the current token is still fine until it expires.
        const stillValid = tokens.expiresAt === null || now < tokens.expiresAt;
        if (isTransient(error) && stillValid && this.#state === 'ok') return tokens.accessToken;
        throw error;
      }
    }
    return tokens.accessToken;
  }

  /**
   * The API answered 401: refresh once and say whether to retry the request. Never loops:
   * a second 401 soon after a 401-triggered refresh means even fresh tokens are refused.
   */
  async onUnauthorized(): Promise<boolean> {
    if (this.#state !== 'ok') return false;
    try {
      if (this.#inflight) {
        await this.#inflight;
        return true;
      }
      const now = this.#now();
      if (now - this.#lastRefreshAt < RETRY_GRACE_MS) return true;
      if (now - this.#last401RefreshAt < REPEATED_401_WINDOW_MS) {
        await this.#needsSignIn(
          `${this.#options.accountName} refuses the renewed sign-in: sign in again.`,
        );
        return false;
      }
      this.#last401RefreshAt = now;
      await this.#refreshSingleFlight(true);
      return true;
    } catch (error) {
      // Refused: the request's own 401 stands. Transient: the caller sees the network problem.
      if (this.#needsSignInNow()) return false;
      throw error;
    }
  }

  /** The server says this token belongs to nobody (anonymous /users/me): sign in again. */
  async markSignedOut(): Promise<void> {
    await this.#needsSignIn(
      `${this.#options.accountName} no longer accepts the sign-in: sign in again.`,
    );
  }

  /** New tokens from a completed sign-in: stored first, then used; the state is ok again. */
  async replaceTokens(tokens: TokenSet): Promise<void> {
    await this.#options.secrets.set(this.#options.secretKey, serializeTokens(tokens));
    this.#tokens = tokens;
    this.#unsaved = null;
    this.#transientFailures = 0;
    this.#retryNotBefore = Number.NEGATIVE_INFINITY;
    this.#last401RefreshAt = Number.NEGATIVE_INFINITY;
    if (this.#state !== 'ok') {
      this.#state = 'ok';
      await this.#options.onStateChange?.('ok', 'Signed in.');
    }
  }

  #assertSignedIn(): void {
    if (this.#state === 'needs-sign-in') {
      throw new ApiError(
        'unauthenticated',
        `${this.#options.accountName} needs you to sign in again: open the account and choose "Sign in".`,
        { code: 'needs-sign-in' },
      );
    }
  }

  async #load(): Promise<TokenSet> {
    if (this.#tokens === undefined) {
      let stored: string | null;
      try {
        stored = await this.#options.secrets.get(this.#options.secretKey);
      } catch (error) {
        // A locked or damaged secret store: not "needs sign-in" by itself, the user decides.
        const detail = error instanceof Error ? ` ${error.message}` : '';
        throw new ApiError(
          'unexpected',
          `The stored sign-in of ${this.#options.accountName} could not be read.${detail} Sign in again if this persists.`,
          { code: 'secret-store' },
        );
      }
      this.#tokens = parseStoredTokens(stored);
    }
    if (this.#tokens === null) {
      await this.#needsSignIn(`${this.#options.accountName} has no stored sign-in: sign in.`);
      this.#assertSignedIn();
    }
    return this.#tokens as TokenSet;
  }

  #refreshSingleFlight(force: boolean): Promise<TokenSet> {
    this.#inflight ??= this.#refresh(force).finally(() => {
      this.#inflight = null;
    });
    return this.#inflight;
  }

  async #refresh(force: boolean): Promise<TokenSet> {
    const now = this.#now();
    let next = this.#unsaved;
    if (!next) {
      const current = await this.#load();
      if (!force && now < this.#retryNotBefore) throw this.#transientError(now);
      if (!current.refreshToken) {
        await this.#needsSignIn(`${this.#options.accountName}'s sign-in expired: sign in again.`);
        this.#assertSignedIn();
      }
      this.#refreshCount += 1;
      try {
        next = await this.#options.refresh(current.refreshToken as string, now);
      } catch (error) {
        if (error instanceof SignInError && NEEDS_SIGN_IN_KINDS.has(error.kind)) {
          await this.#needsSignIn(error.message);
          this.#assertSignedIn();
        }
        this.#noteTransientFailure(now);
        throw this.#transientError(now, error);
      }
    }
    try {
      // Persist the rotated refresh token before anything uses the new access token.
      await this.#options.secrets.set(this.#options.secretKey, serializeTokens(next));
    } catch {
      this.#unsaved = next;
      this.#noteTransientFailure(now);
      throw new ApiError(
        'unexpected',
        `The renewed sign-in for ${this.#options.accountName} could not be saved (secret storage unavailable): it will be tried again.`,
        { code: 'secret-store' },
      );
    }
    this.#unsaved = null;
    this.#tokens = next;
    this.#lastRefreshAt = this.#now();
    this.#transientFailures = 0;
    this.#retryNotBefore = Number.NEGATIVE_INFINITY;
    return next;
  }

  #noteTransientFailure(now: number): void {
    const pause =
      TRANSIENT_BACKOFF_MS[Math.min(this.#transientFailures, TRANSIENT_BACKOFF_MS.length - 1)] ??
      300_000;
    this.#transientFailures += 1;
    this.#retryNotBefore = now + pause;
  }

  #transientError(now: number, cause?: unknown): ApiError {
    const seconds = Math.max(1, Math.ceil((this.#retryNotBefore - now) / 1000));
    const detail = cause instanceof SignInError ? ` ${cause.message}` : '';
    return new ApiError(
      'unreachable',
      `The sign-in for ${this.#options.accountName} could not be renewed right now; retrying in ${seconds} s.${detail}`,
      { code: 'refresh-failed', retryAfterMs: seconds * 1000 },
    );
  }

  /** A method, so the state is read afresh after awaits (no narrowing). */
  #needsSignInNow(): boolean {
    return this.#state === 'needs-sign-in';
  }

  async #needsSignIn(reason: string): Promise<void> {
    if (this.#state === 'needs-sign-in') return;
    this.#state = 'needs-sign-in';
    await this.#options.onStateChange?.('needs-sign-in', reason);
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof ApiError && error.kind !== 'unauthenticated';
}
