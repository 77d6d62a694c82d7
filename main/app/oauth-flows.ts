/**
 * OAuth sign-ins under way. `startOAuth` prepares the flow (PKCE, state, the loopback listener on
 * the account's registered port, or out of band), opens the authorization page through the opener
 * and answers at once; a loopback flow's outcome comes later as `oauthFinished`. An out-of-band
 * flow ends with `submitOAuthCode`. Nothing is saved before the tokens are checked.
 */
import { randomUUID } from 'node:crypto';
import {
  fail,
  ok,
  type Account,
  type CommandHandlers,
  type OAuthMode,
  type Result,
} from '../../preload/contract';
import { startSignIn, type SignIn } from '../core/auth/pkce-flow';
import { revokeToken } from '../core/auth/token-requests';
import type { TokenSet } from '../core/auth/token-set';
import {
  DEFAULT_CALLBACK_PATH,
  OAuthConnectionSchema,
  type OAuthConnection,
} from '../core/settings/schema';
import { isAllowedExternalUrl } from '../shell/external-links';
import type { AppContext } from './context';
import { AppError, failWith } from './errors';
import { ensureCanStoreSignIn } from './secret-storage';
import { oauthPort } from './setup-commands';
import { checkAccessToken, instanceNameFor, normalizeUrl, saveSignIn } from './sign-in';

interface Flow {
  flowId: string;
  mode: OAuthMode;
  baseUrl: string;
  accountId: string | null;
  connection: OAuthConnection;
  clientSecret: string | null;
  ca: string | null;
  signIn: SignIn;
  settled: boolean;
}

const CANCELLED = 'Sign-in was cancelled.';

export class OAuthFlows {
  readonly #ctx: AppContext;
  readonly #flows = new Map<string, Flow>();

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  /** Cancels every flow (the app stops, or everything is reset). */
  cancelAll(): void {
    for (const flow of [...this.#flows.values()]) this.#cancel(flow);
  }

  commands(): Pick<CommandHandlers, 'startOAuth' | 'cancelOAuth' | 'submitOAuthCode'> {
    return {
      startOAuth: async (request) => {
        const ctx = this.#ctx;
        // Refused before the browser opens, while storage is weak and not accepted.
        ensureCanStoreSignIn(ctx);
        const target = request.accountId ? ctx.account(request.accountId) : null;
        const baseUrl = target?.baseUrl ?? normalizeUrl(request.url);
        const ca = request.ca ?? (target ? ctx.meta(target).ca : null);
        const previous = target?.auth.method === 'oauth' ? target.auth.connection : null;
        // Loopback on the port the account registered (its redirect URI), else the app's default.
        const port =
          previous?.redirect.mode === 'loopback' ? previous.redirect.port : oauthPort(ctx);
        const instanceName = target
          ? ctx.meta(target).instanceName
          : await instanceNameFor(ctx, baseUrl, ca);
        const connection = OAuthConnectionSchema.parse({
          name: instanceName.slice(0, 100),
          provider: 'openproject',
          clientId: request.clientId,
          confidential: Boolean(request.clientSecret),
          redirect:
            request.mode === 'out-of-band'
              ? { mode: 'oob' }
              : { mode: 'loopback', port, path: DEFAULT_CALLBACK_PATH },
        });
        const signIn = await startSignIn({
          baseUrl,
          connection,
          clientSecret: request.clientSecret ?? null,
          fetch: ctx.fetchFor(ca),
          now: () => ctx.clock.now(),
          ...(ctx.deps.oauth?.timeoutMs ? { timeoutMs: ctx.deps.oauth.timeoutMs } : {}),
          ...(ctx.deps.oauth?.lingerMs ? { lingerMs: ctx.deps.oauth.lingerMs } : {}),
        });
        const flow: Flow = {
          flowId: randomUUID(),
          mode: request.mode,
          baseUrl,
          accountId: target?.id ?? null,
          connection,
          clientSecret: request.clientSecret ?? null,
          ca,
          signIn,
          settled: false,
        };
        if (!isAllowedExternalUrl(signIn.authorizationUrl, [baseUrl])) {
          signIn.cancel();
          throw new AppError(
            'not-allowed',
            `The sign-in page is not on ${baseUrl}, so it was not opened. Check the address of your OpenProject.`,
          );
        }
        this.#flows.set(flow.flowId, flow);
        if (signIn.mode === 'loopback') {
          signIn.tokens.then(
            (tokens) => void this.#complete(flow, tokens),
            (error: unknown) => this.#finish(flow, failWith(error)),
          );
        }
        try {
          await ctx.deps.opener.openExternal(signIn.authorizationUrl);
        } catch (error) {
          this.#flows.delete(flow.flowId);
          flow.settled = true;
          signIn.cancel();
          throw error;
        }
        return ok({ flowId: flow.flowId, mode: flow.mode, redirectUri: signIn.redirectUri });
      },

      cancelOAuth: ({ flowId }) => {
        const flow = this.#flows.get(flowId);
        if (flow) this.#cancel(flow);
        return Promise.resolve(ok(null));
      },

      submitOAuthCode: async ({ flowId, code }) => {
        const flow = this.#flows.get(flowId);
        if (!flow || flow.signIn.mode !== 'oob') {
          return fail(
            'oauth-failed',
            'This sign-in is no longer under way: start the sign-in again.',
          );
        }
        // A code that is refused may be pasted again; once tokens came, the flow is over.
        const tokens = await flow.signIn.submitCode(code);
        flow.settled = true;
        this.#flows.delete(flow.flowId);
        return ok(await this.#save(flow, tokens));
      },
    };
  }

  #cancel(flow: Flow): void {
    flow.signIn.cancel();
    this.#finish(flow, fail('cancelled', CANCELLED));
  }

  async #complete(flow: Flow, tokens: TokenSet): Promise<void> {
    try {
      const account = await this.#save(flow, tokens);
      this.#finish(flow, ok(account));
    } catch (error) {
      this.#finish(flow, failWith(error));
    }
  }

  /** Checks the tokens, then saves them; a refused or cancelled sign-in is revoked, not kept. */
  async #save(flow: Flow, tokens: TokenSet): Promise<Account> {
    const ctx = this.#ctx;
    let user;
    try {
      // Not kept (so revoked) when the user declined weak storage while the browser was open.
      ensureCanStoreSignIn(ctx);
      user = await checkAccessToken(ctx, flow.baseUrl, tokens.accessToken, flow.ca);
      if (flow.mode === 'loopback' && flow.settled) throw new AppError('cancelled', CANCELLED);
    } catch (error) {
      await this.#revoke(flow, tokens);
      throw error;
    }
    return saveSignIn(ctx, {
      baseUrl: flow.baseUrl,
      accountId: flow.accountId,
      user,
      ca: flow.ca,
      auth: { method: 'oauth', connection: flow.connection },
      store: async (id, auth) => {
        await ctx.accounts.setClientSecret(id, flow.clientSecret);
        await auth.tokenManager(id).replaceTokens(tokens);
      },
    });
  }

  async #revoke(flow: Flow, tokens: TokenSet): Promise<void> {
    const [token, hint] = tokens.refreshToken
      ? ([tokens.refreshToken, 'refresh_token'] as const)
      : ([tokens.accessToken, 'access_token'] as const);
    await revokeToken(flow.signIn.provider, token, hint).catch(() => undefined);
  }

  #finish(flow: Flow, result: Result<Account>): void {
    if (flow.settled) return;
    flow.settled = true;
    this.#flows.delete(flow.flowId);
    this.#ctx.publish.event('oauthFinished', { flowId: flow.flowId, result });
  }
}
