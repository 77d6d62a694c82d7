/**
 * Opening OpenProject pages in the browser. Main builds every URL itself from the target, and opens
 * it only when it lies on a signed-in account's instance (or, before sign-in, an instance probed in
 * this session): `isAllowedExternalUrl`, the shell's allow-list.
 */
import { ok, type CommandHandlers, type OpenTarget } from '../../preload/contract';
import { browserLinks } from '../core/api/url';
import { allowedExternalUrl } from '../shell/external-links';
import type { AppContext } from './context';
import { AppError } from './errors';
import { signedInClient } from './notification-commands';
import type { SearchService } from './search-commands';
import { normalizeUrl } from './sign-in';

/** Base URLs whose pages may be opened: signed-in accounts and this session's probes. */
export function allowedInstances(ctx: AppContext): string[] {
  const accounts = ctx.accounts
    .list()
    .filter((account) => account.state !== 'signed-out')
    .map((account) => account.baseUrl);
  return [...new Set([...accounts, ...ctx.probed.keys()])];
}

function targetUrl(ctx: AppContext, target: OpenTarget): string {
  switch (target.kind) {
    case 'workPackage':
      return signedInClient(ctx, target.accountId).links.workPackage(target.workPackageId);
    case 'notificationCenter':
      return signedInClient(ctx, target.accountId).links.notificationCenter();
    case 'accessTokens':
      return browserLinks(normalizeUrl(target.baseUrl)).accessTokens();
    case 'oauthApplications':
      return `${normalizeUrl(target.baseUrl)}/admin/oauth/applications`;
  }
}

/** Opens `url` when it is on an allowed instance; `not-allowed` otherwise. */
export async function openAllowed(ctx: AppContext, url: string): Promise<void> {
  const allowed = allowedExternalUrl(url, allowedInstances(ctx));
  if (allowed === null) {
    throw new AppError(
      'not-allowed',
      'OpenProject Tray only opens pages of the OpenProject instances you added. Add this instance first.',
    );
  }
  await ctx.deps.opener.openExternal(allowed);
}

export function browserCommands(
  ctx: AppContext,
  search: SearchService,
): Pick<CommandHandlers, 'openInBrowser'> {
  return {
    async openInBrowser(target) {
      await openAllowed(ctx, targetUrl(ctx, target));
      if (target.kind === 'workPackage') {
        void search.recordOpened(target.accountId, target.workPackageId).catch((error: unknown) => {
          ctx.log(`A recent work package was not remembered: ${String(error)}`);
        });
      }
      return ok(null);
    },
  };
}
