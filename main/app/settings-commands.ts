/**
 * The options: poll interval, the reasons that raise a desktop notification, the hotkey (through
 * the registrar; refused → the previous one is put back and nothing changes), start at login,
 * snooze and pause. A refused update changes nothing at all.
 */
import { ok, type CommandHandlers, type SettingsUpdate } from '../../preload/contract';
import type { Settings as CoreSettings } from '../core/settings/schema';
import type { AppContext } from './context';
import { AppError } from './errors';

function pauseFields(
  pause: NonNullable<SettingsUpdate['pause']>,
  now: number,
): Pick<CoreSettings['global'], 'paused' | 'snoozeUntil'> {
  switch (pause.kind) {
    case 'active':
      return { paused: false, snoozeUntil: null };
    case 'paused':
      return { paused: true, snoozeUntil: null };
    case 'snoozed': {
      const until = Date.parse(pause.until);
      return until > now
        ? { paused: false, snoozeUntil: new Date(until).toISOString() }
        : { paused: false, snoozeUntil: null };
    }
  }
}

/** Registers `wanted` (null: none); on refusal puts `previous` back and throws. */
export function applyHotkey(ctx: AppContext, wanted: string | null, previous: string | null) {
  const outcome = ctx.deps.hotkeys.register(wanted);
  if (outcome === 'ok') return;
  ctx.deps.hotkeys.register(previous);
  if (outcome === 'taken') {
    throw new AppError(
      'hotkey-taken',
      `${wanted ?? ''} is used by another application. Choose another shortcut.`,
    );
  }
  throw new AppError(
    'hotkey-invalid',
    `${wanted ?? ''} cannot be used as a shortcut. Combine a key with Ctrl, Alt, Shift or Cmd.`,
  );
}

export function settingsCommands(
  ctx: AppContext,
): Pick<CommandHandlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => Promise.resolve(ok(ctx.publish.settingsView())),

    async updateSettings(update) {
      const saved = ctx.deps.settings.get();
      const before = saved.global;
      const now = ctx.clock.now();
      const hotkeyChanges = update.hotkey !== undefined && update.hotkey !== before.hotkey;
      const loginChanges =
        update.startAtLogin !== undefined && update.startAtLogin !== before.startAtLogin;
      if (loginChanges && !ctx.deps.loginItem.supported) {
        throw new AppError('not-allowed', 'Starting at login is not available on this system.');
      }
      if (hotkeyChanges) applyHotkey(ctx, update.hotkey ?? null, before.hotkey);
      const undo = () => {
        if (hotkeyChanges) ctx.deps.hotkeys.register(before.hotkey);
      };
      try {
        if (loginChanges) await ctx.deps.loginItem.setEnabled(update.startAtLogin ?? false);
      } catch (error) {
        undo();
        throw new AppError(
          'storage',
          `Start at login could not be changed (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
      try {
        const pause = update.pause ? pauseFields(update.pause, now) : {};
        const interval = update.pollIntervalSeconds ?? before.pollIntervalSeconds;
        const reasons = [...new Set(update.notifyReasons ?? before.toastReasons)];
        ctx.deps.settings.update((settings) => ({
          ...settings,
          global: {
            ...settings.global,
            ...pause,
            pollIntervalSeconds: interval,
            toastReasons: reasons,
            ...(update.hotkey !== undefined ? { hotkey: update.hotkey } : {}),
            ...(update.startAtLogin !== undefined ? { startAtLogin: update.startAtLogin } : {}),
          },
          // Mirrored on every account, where the core keeps them.
          accounts: settings.accounts.map((account) => ({
            ...account,
            options: { ...account.options, pollIntervalSeconds: interval, toastReasons: reasons },
          })),
        }));
      } catch (error) {
        try {
          ctx.deps.settings.update(() => saved);
        } catch {
          // The write failed in the first place; what is on disk is still the old settings.
        }
        if (loginChanges) {
          await ctx.deps.loginItem.setEnabled(before.startAtLogin).catch(() => undefined);
        }
        undo();
        throw error;
      }
      const global = ctx.deps.settings.get().global;
      const engine = ctx.hub.engine;
      engine.setPaused(global.paused);
      engine.snooze(global.snoozeUntil === null ? null : Date.parse(global.snoozeUntil));
      ctx.hub.refreshOptions();
      ctx.publish.all();
      return ok(ctx.publish.settingsView());
    },
  };
}
