/**
 * The wizard's first steps: probe an address, connect with an API token (checked at once against
 * /users/me AND the notifications query; never saved when it cannot read notifications).
 */
import { ok, type CommandHandlers, type ProbeWarning } from '../../preload/contract';
import { probeInstance } from '../core/api/probe';
import { registeredRedirectUri } from '../core/auth/pkce-flow';
import { DEFAULT_CALLBACK_PATH, DEFAULT_OAUTH_PORT } from '../core/settings/schema';
import type { AppContext } from './context';
import { ensureCanStoreSignIn } from './secret-storage';
import { checkToken, normalizeUrl, saveSignIn } from './sign-in';

/** Plain http is fine to this computer; anywhere else the token would cross the network in clear. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

export function oauthPort(ctx: AppContext): number {
  return ctx.deps.oauth?.port ?? DEFAULT_OAUTH_PORT;
}

export function setupCommands(
  ctx: AppContext,
): Pick<CommandHandlers, 'probe' | 'connectWithToken'> {
  return {
    async probe({ url, ca }) {
      const baseUrl = normalizeUrl(url);
      const timeoutMs = ctx.deps.requestTimeoutMs;
      const instance = await probeInstance(baseUrl, {
        retries: 0,
        ...(ca ? { ca } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      ctx.probed.set(instance.baseUrl, instance);
      const warnings: ProbeWarning[] = [];
      const where = new URL(instance.baseUrl);
      if (where.protocol === 'http:' && !isLoopbackHost(where.hostname)) {
        warnings.push('insecure-http');
      }
      if (ctx.accounts.list().some((account) => account.baseUrl === instance.baseUrl)) {
        warnings.push('already-connected');
      }
      const oauthRedirectUri = registeredRedirectUri({
        mode: 'loopback',
        port: oauthPort(ctx),
        path: DEFAULT_CALLBACK_PATH,
      });
      return ok({ instance, warnings, oauthRedirectUri });
    },

    async connectWithToken({ url, token, ca, accountId }) {
      // Refused before the token goes anywhere, while storage is weak and not accepted.
      ensureCanStoreSignIn(ctx);
      const target = accountId ? ctx.account(accountId) : null;
      const baseUrl = target?.baseUrl ?? normalizeUrl(url);
      const trusted = ca ?? (target ? ctx.meta(target).ca : null);
      const user = await checkToken(ctx, baseUrl, token, trusted);
      const account = await saveSignIn(ctx, {
        baseUrl,
        accountId: target?.id ?? null,
        user,
        ca: trusted,
        auth: { method: 'apiToken' },
        store: (id) => ctx.accounts.setApiToken(id, token),
      });
      return ok(account);
    },
  };
}
