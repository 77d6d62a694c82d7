/**
 * The widget's data: the latest snapshot of the sync engine, mark read (notifications, a work
 * package, everything; then that account is synced at once so the counts drop), refresh now.
 */
import { ok, type CommandHandlers } from '../../preload/contract';
import type { OpenProjectClient } from '../core/api/client';
import type { AppContext } from './context';
import { AppError } from './errors';

/** The client of a signed-in account; `unknown-account` or `unauthenticated` otherwise. */
export function signedInClient(ctx: AppContext, accountId: string): OpenProjectClient {
  const account = ctx.account(accountId);
  const client = ctx.hub.client(accountId);
  if (account.state === 'signed-out' || !client) {
    throw new AppError(
      'unauthenticated',
      `${ctx.displayName(account)} is signed out: sign in again to use it.`,
    );
  }
  return client;
}

export function notificationCommands(
  ctx: AppContext,
): Pick<CommandHandlers, 'getNotifications' | 'markRead' | 'refreshNow'> {
  return {
    getNotifications: () => Promise.resolve(ok(ctx.publish.snapshot())),

    async markRead(request) {
      const client = signedInClient(ctx, request.accountId);
      switch (request.kind) {
        case 'notifications':
          await client.markRead(request.notificationIds);
          break;
        case 'workPackage':
          await client.markWorkPackageRead(request.workPackageId);
          break;
        case 'all':
          await client.markAllRead();
          break;
      }
      // The server has them read now: sync at once, so the list and the counts follow.
      await ctx.hub.engine.refreshNow(request.accountId);
      ctx.publish.notifications();
      return ok(null);
    },

    async refreshNow({ accountId }) {
      if (accountId !== undefined) {
        ctx.account(accountId);
        if (ctx.hub.has(accountId)) await ctx.hub.engine.refreshNow(accountId);
      } else {
        await ctx.hub.engine.refreshNow();
      }
      ctx.publish.all();
      return ok(null);
    },
  };
}
