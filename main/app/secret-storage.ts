/**
 * Weak secret storage (Electron's `basic_text` on Linux without a keyring): the service learns the
 * backend from the secret store (`deps.secrets.backend`), tells the renderer, and refuses to save a
 * new sign-in until the user has accepted weak protection. The decision is kept in the settings
 * (`global.weakSecretStorage`); token refreshes of accounts already signed in are not affected.
 */
import { ok, type CommandHandlers, type SecretStorageStatus } from '../../preload/contract';
import type { SecretBackend } from '../core/secrets/secret-store';
import type { AppContext } from './context';
import { AppError } from './errors';

/** Backends that protect secrets only weakly: new sign-ins need the user's consent. */
const WEAK_BACKENDS: readonly SecretBackend[] = ['basic_text'];

export const WEAK_STORAGE_REFUSED =
  'Your sign-in was not saved: this computer has no keyring the app can use, so it would be stored ' +
  'with weak protection only. Install or unlock GNOME Keyring or KWallet and restart OpenProject ' +
  'Tray, or choose to store sign-ins with weak protection.';

const NOTHING_TO_DECIDE =
  'Sign-ins are stored in the system keychain here, so there is nothing to decide about weak protection.';

export function secretStorageStatus(ctx: AppContext): SecretStorageStatus {
  const backend = ctx.deps.secrets.backend;
  const weak = WEAK_BACKENDS.includes(backend);
  const decision = ctx.deps.settings.get().global.weakSecretStorage;
  return { backend, weak, decision, canStoreSignIns: !weak || decision === 'accepted' };
}

/** Throws `storage` with what to do when a new sign-in may not be saved now. */
export function ensureCanStoreSignIn(ctx: AppContext): void {
  if (!secretStorageStatus(ctx).canStoreSignIns) {
    throw new AppError('storage', WEAK_STORAGE_REFUSED);
  }
}

export function secretStorageCommands(
  ctx: AppContext,
): Pick<CommandHandlers, 'getSecretStorage' | 'decideWeakSecretStorage'> {
  return {
    getSecretStorage: () => Promise.resolve(ok(secretStorageStatus(ctx))),

    decideWeakSecretStorage({ decision }) {
      if (!secretStorageStatus(ctx).weak) throw new AppError('not-allowed', NOTHING_TO_DECIDE);
      ctx.deps.settings.update((settings) => ({
        ...settings,
        global: { ...settings.global, weakSecretStorage: decision },
      }));
      ctx.log(
        decision === 'accepted'
          ? 'The user chose to store sign-ins with weak protection (no keyring).'
          : 'The user chose not to store sign-ins with weak protection (no keyring).',
      );
      ctx.publish.secretStorage();
      return Promise.resolve(ok(secretStorageStatus(ctx)));
    },
  };
}
