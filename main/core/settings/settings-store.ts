/**
 * The SettingsStore port and its conf-backed implementation. conf (electron-store's engine)
 * owns the file and its atomic writes; this module adds what conf does not: zod validation,
 * integer-versioned migrations, a `.bak` of the last good write, and recovery from a damaged
 * file with a notice for the user. The app passes an electron-store factory with the same
 * options (see settingsConfOptions); the CLI and tests use conf with a `cwd` folder.
 */
import * as fs from 'node:fs';
import Conf from 'conf';
import { writeFileAtomicSync } from './atomic-file';
import { loadSettings, settingsPaths, type SettingsNotice } from './settings-file';
import { SettingsSchema, type Settings } from './schema';

export type { SettingsNotice } from './settings-file';

export interface SettingsStore {
  /** The settings file. */
  readonly path: string;
  /** What happened while loading (migration, recovery): show these to the user once. */
  readonly notices: readonly SettingsNotice[];
  /** A copy of the current settings. */
  get(): Settings;
  /**
   * Applies a change, validates the result and writes it (atomically, then the `.bak`).
   * Throws InvalidSettingsChangeError, leaving everything unchanged, when the result is invalid.
   */
  update(change: (current: Settings) => Settings): Settings;
  /** Called after every successful update; returns an unsubscribe function. */
  onChange(listener: (settings: Settings) => void): () => void;
}

export class InvalidSettingsChangeError extends Error {
  override readonly name = 'InvalidSettingsChangeError';
}

/** The part of conf / electron-store the store uses. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface SettingsConfOptions {
  cwd: string;
  configName: string;
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  watch: false;
}

/** The options conf and electron-store are constructed with, identical in the CLI and the app. */
export function settingsConfOptions(cwd: string, configName = 'config'): SettingsConfOptions {
  // No conf `schema`/`migrations`/`defaults`: zod and migrations.ts own validation and versions,
  // and a damaged file is never cleared (it is kept aside by settings-file.ts instead).
  return {
    cwd,
    configName,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  };
}

export interface OpenSettingsStoreOptions {
  /** The settings folder (conf's `cwd`); the app uses electron's userData. */
  cwd: string;
  configName?: string;
  now?: () => Date;
  /** electron-store in the app; conf by default. */
  createConf?: (options: SettingsConfOptions) => ConfLike;
}

function serialize(settings: Settings): string {
  // conf's own format (tab-indented JSON), so the backup is byte-identical to the file.
  return JSON.stringify(settings, undefined, '\t');
}

export function openSettingsStore(options: OpenSettingsStoreOptions): SettingsStore {
  const now = options.now ?? (() => new Date());
  const paths = settingsPaths(options.cwd, options.configName);
  const loaded = loadSettings(paths, now());
  const confOptions = settingsConfOptions(options.cwd, options.configName);
  const conf = options.createConf
    ? options.createConf(confOptions)
    : new Conf<Record<string, unknown>>(confOptions);
  let current = loaded.settings;
  const listeners = new Set<(settings: Settings) => void>();

  function write(settings: Settings): void {
    conf.store = structuredClone(settings);
    writeFileAtomicSync(paths.backup, serialize(settings));
  }

  if (loaded.needsWrite) write(current);
  else if (fs.existsSync(paths.file) && !fs.existsSync(paths.backup)) {
    // A file from before backups existed (or a deleted backup): start one now.
    writeFileAtomicSync(paths.backup, serialize(current));
  }

  return {
    path: conf.path,
    notices: loaded.notices,
    get: () => structuredClone(current),
    update(change) {
      const parsed = SettingsSchema.safeParse(change(structuredClone(current)));
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new InvalidSettingsChangeError(
          `The settings were not saved: ${first?.path.join('.') || 'settings'}: ${first?.message ?? 'invalid'}`,
        );
      }
      write(parsed.data);
      current = parsed.data;
      for (const listener of listeners) listener(structuredClone(current));
      return structuredClone(current);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
