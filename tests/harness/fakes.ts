/**
 * The harness's stand-ins for what Electron does: the browser (opened URLs are recorded), the
 * windows (views and window actions are recorded), the global shortcut (refuses the combinations
 * it is told are taken), start at login, desktop notifications (recorded), and the keychain's
 * verdict (a secret store that reports another backend, e.g. `basic_text`: no keyring on Linux).
 */
import type { OpenViewRequest } from '../../preload/contract';
import type {
  ExternalOpener,
  HotkeyOutcome,
  HotkeyRegistrar,
  LoginItemPort,
  ViewPort,
} from '../../main/app';
import type { Notifier, Toast } from '../../main/core/notify/notifier';
import { join } from 'node:path';
import { aesGcmCipher, keyFileProvider } from '../../main/core/secrets/aes-gcm-cipher';
import { FileSecretStore } from '../../main/core/secrets/file-secret-store';
import type { SecretBackend, SecretStore } from '../../main/core/secrets/secret-store';
import { openSettingsStore } from '../../main/core/settings/settings-store';
import { acceleratorProblem } from '../../main/shell/accelerator';

export interface RecordingOpener extends ExternalOpener {
  readonly opened: string[];
}

export function recordingOpener(): RecordingOpener {
  const opened: string[] = [];
  return {
    opened,
    openExternal(url) {
      opened.push(url);
      return Promise.resolve();
    },
  };
}

export type ViewRecord =
  | { kind: 'openView'; request: OpenViewRequest }
  | { kind: 'windowAction'; action: 'close' | 'hide' };

export interface RecordingViews extends ViewPort {
  readonly records: ViewRecord[];
}

export function recordingViews(onOpen: (request: OpenViewRequest) => void = () => {}) {
  const records: ViewRecord[] = [];
  const views: RecordingViews = {
    records,
    openView(request) {
      records.push({ kind: 'openView', request });
      onOpen(request);
    },
    windowAction(action) {
      records.push({ kind: 'windowAction', action });
    },
  };
  return views;
}

export interface FakeHotkeys extends HotkeyRegistrar {
  /** The accelerator registered now. */
  readonly active: string | null;
  /** Every register() call, in order. */
  readonly calls: (string | null)[];
  /** Combinations "another application" owns. */
  taken: Set<string>;
}

/** Like Electron's globalShortcut: refuses what is taken (case-insensitively) or no accelerator. */
export function fakeHotkeys(taken: readonly string[] = []): FakeHotkeys {
  const calls: (string | null)[] = [];
  let active: string | null = null;
  const fake: FakeHotkeys = {
    calls,
    taken: new Set(taken),
    get active() {
      return active;
    },
    register(accelerator): HotkeyOutcome {
      calls.push(accelerator);
      if (accelerator === null) {
        active = null;
        return 'ok';
      }
      if (acceleratorProblem(accelerator) !== null) return 'invalid';
      const wanted = accelerator.toLowerCase();
      if ([...fake.taken].some((combination) => combination.toLowerCase() === wanted)) {
        return 'taken';
      }
      active = accelerator;
      return 'ok';
    },
  };
  return fake;
}

export interface FakeLoginItem extends LoginItemPort {
  enabled: boolean;
  /** Makes setEnabled fail with this error (null: succeed). */
  failWith: Error | null;
}

export function fakeLoginItem(supported = true): FakeLoginItem {
  const item: FakeLoginItem = {
    supported,
    enabled: false,
    failWith: null,
    setEnabled(enabled) {
      if (item.failWith) return Promise.reject(item.failWith);
      item.enabled = enabled;
      return Promise.resolve();
    },
  };
  return item;
}

export interface RecordingNotifier extends Notifier {
  readonly toasts: Toast[];
}

export function recordingNotifier(): RecordingNotifier {
  const toasts: Toast[] = [];
  return {
    toasts,
    reportsClicks: false,
    onClick: () => () => undefined,
    notify(toast) {
      toasts.push(toast);
      return Promise.resolve();
    },
  };
}

/**
 * The same store, reporting `backend` (as Electron's safeStorage cipher would): with `basic_text`
 * the service asks the user before it saves a sign-in with weak protection.
 */
export function secretsReporting(store: SecretStore, backend: SecretBackend): SecretStore {
  return {
    backend,
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}

/**
 * The settings and secrets of a home folder, as the CLI keeps them (an AES-GCM key file beside the
 * secrets); `backend` makes the secret store report another backend (e.g. `basic_text`).
 */
export function homeStores(home: string, backend?: SecretBackend) {
  const secrets = FileSecretStore.inFolder(
    home,
    aesGcmCipher(keyFileProvider(join(home, 'secrets.key'))),
  );
  return {
    settings: openSettingsStore({ cwd: home }),
    secrets: backend ? secretsReporting(secrets, backend) : secrets,
  };
}
