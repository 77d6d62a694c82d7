/**
 * The accounts page: list, rename / mute, sync again, disconnect (revoke, keep the account), remove
 * (revoke, forget), and reset everything back to the first run.
 */
import { fail, ok, type Account, type CommandHandlers, type Result } from '../../preload/contract';
import { defaultSettings } from '../core/settings/schema';
import type { AppContext } from './context';
import { AppError } from './errors';

export interface AccountCommandHooks {
  /** Cancels sign-ins and searches under way (reset everything). */
  cancelAll(): void;
}

/** The poll result of an account as a command result: its problem, if it has one. */
function syncResult(account: Account): Result<Account> {
  const { kind, message } = account.state;
  const text = message ?? 'OpenProject could not be checked.';
  switch (kind) {
    case 'needs-sign-in':
      return fail('unauthenticated', text);
    case 'offline':
      return fail('unreachable', text);
    case 'server-error':
      return fail('server', text);
    default:
      return ok(account);
  }
}

export function accountCommands(
  ctx: AppContext,
  hooks: AccountCommandHooks,
): Pick<
  CommandHandlers,
  | 'listAccounts'
  | 'updateAccount'
  | 'reconnect'
  | 'disconnect'
  | 'removeAccount'
  | 'resetEverything'
> {
  /** Revokes and deletes the account's credentials; the account stays, signed out. */
  async function signOut(accountId: string): Promise<void> {
    const account = ctx.account(accountId);
    if (account.state !== 'signed-out') {
      const result = await ctx.auth(accountId).disconnect(accountId);
      ctx.signedOutMessages.set(accountId, result.message);
    }
    ctx.forgetAuth(accountId);
    await ctx.hub.detach(accountId, { forgetSeen: false });
  }

  async function remove(accountId: string): Promise<void> {
    ctx.account(accountId);
    try {
      await signOut(accountId);
    } catch (error) {
      // Revoking is a courtesy to the server: the account goes in any case.
      ctx.log(
        `Signing out before removing failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await ctx.hub.detach(accountId, { forgetSeen: true });
    await ctx.accounts.remove(accountId);
    ctx.appState.forgetAccount(accountId);
    ctx.signedOutMessages.delete(accountId);
    ctx.forgetAuth(accountId);
  }

  return {
    listAccounts: () => Promise.resolve(ok(ctx.views())),

    updateAccount({ accountId, options }) {
      const account = ctx.account(accountId);
      const meta = ctx.meta(account);
      const label =
        options.label === undefined
          ? meta.label
          : options.label?.trim()
            ? options.label.trim()
            : null;
      ctx.appState.setMeta(accountId, { ...meta, label });
      ctx.accounts.update(accountId, (current) => ({
        ...current,
        name: (label ?? meta.instanceName).slice(0, 100),
        options: {
          ...current.options,
          ...(options.notify === undefined ? {} : { muted: !options.notify }),
        },
      }));
      ctx.hub.refreshOptions();
      ctx.publish.accounts();
      return Promise.resolve(ok(ctx.view(accountId)));
    },

    async reconnect({ accountId }) {
      const account = ctx.account(accountId);
      if (account.state === 'signed-out') {
        throw new AppError(
          'unauthenticated',
          `${ctx.displayName(account)} is signed out: sign in again to get its notifications.`,
        );
      }
      // A fresh client from the stored credentials; resolves after its poll.
      await ctx.hub.attach(accountId, { fresh: false });
      ctx.publish.all();
      return syncResult(ctx.view(accountId));
    },

    async disconnect({ accountId }) {
      await signOut(accountId);
      ctx.publish.all();
      return ok(ctx.view(accountId));
    },

    async removeAccount({ accountId }) {
      await remove(accountId);
      ctx.publish.all();
      return ok(null);
    },

    async resetEverything() {
      hooks.cancelAll();
      for (const account of ctx.accounts.list()) await remove(account.id);
      ctx.deps.settings.update(() => defaultSettings());
      ctx.appState.reset();
      ctx.probed.clear();
      const defaults = defaultSettings().global;
      ctx.hub.engine.setPaused(defaults.paused);
      ctx.hub.engine.snooze(null);
      if (ctx.deps.hotkeys.register(defaults.hotkey) !== 'ok') ctx.deps.hotkeys.register(null);
      if (ctx.deps.loginItem.supported) {
        await ctx.deps.loginItem.setEnabled(defaults.startAtLogin).catch((error: unknown) => {
          ctx.log(`Start at login could not be turned off: ${String(error)}`);
        });
      }
      ctx.publish.all();
      return ok(null);
    },
  };
}
