/**
 * Reading the settings file at start: parse, migrate, validate; and when it is damaged, keep it
 * aside as `config.corrupt-<timestamp>.json` and start from the last good copy (`config.json.bak`,
 * written after every successful save). Whatever happens, the user is told through a notice and
 * nothing they set up is deleted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { InvalidSettingsError, migrateSettings } from './migrations';
import { SETTINGS_SCHEMA_VERSION, SettingsSchema, defaultSettings, type Settings } from './schema';

export type SettingsNotice =
  | { kind: 'migrated'; fromVersion: number; toVersion: number; keptAs: string; message: string }
  | { kind: 'recovered-from-backup'; keptAs: string; message: string }
  | { kind: 'reset-to-defaults'; keptAs: string; message: string }
  | { kind: 'restored-missing'; message: string };

export interface SettingsPaths {
  folder: string;
  /** `config.json` */
  file: string;
  /** `config.json.bak`: the last good write. */
  backup: string;
}

export function settingsPaths(folder: string, configName = 'config'): SettingsPaths {
  const file = path.join(folder, `${configName}.json`);
  return { folder, file, backup: `${file}.bak` };
}

export interface LoadedSettings {
  settings: Settings;
  notices: SettingsNotice[];
  /** The file on disk is not (yet) the loaded settings: write them now. */
  needsWrite: boolean;
}

type ReadResult =
  | { kind: 'ok'; settings: Settings; fromVersion: number; text: string }
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string };

/** `2026-03-01T10-20-30-123Z`: sortable, and valid in file names on every OS. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function readSettingsFile(file: string): ReadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'it is not valid JSON' };
  }
  try {
    const { value, fromVersion } = migrateSettings(raw); // NewerSettingsError propagates
    const parsed = SettingsSchema.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return {
        kind: 'invalid',
        reason: `${first?.path.join('.') || 'the file'}: ${first?.message ?? 'invalid'}`,
      };
    }
    return { kind: 'ok', settings: parsed.data, fromVersion, text };
  } catch (error) {
    if (error instanceof InvalidSettingsError) return { kind: 'invalid', reason: error.message };
    if (error instanceof z.ZodError) {
      return {
        kind: 'invalid',
        reason: 'it does not have the shape of any known settings version',
      };
    }
    throw error;
  }
}

function keepAside(paths: SettingsPaths, label: string, now: Date): string {
  const name = `${path.basename(paths.file, '.json')}.${label}-${fileTimestamp(now)}.json`;
  const target = path.join(paths.folder, name);
  fs.renameSync(paths.file, target);
  return target;
}

function copyAside(paths: SettingsPaths, text: string, label: string, now: Date): string {
  const name = `${path.basename(paths.file, '.json')}.${label}-${fileTimestamp(now)}.json`;
  const target = path.join(paths.folder, name);
  fs.writeFileSync(target, text, { flag: 'wx' });
  return target;
}

function fromBackup(paths: SettingsPaths): Settings | null {
  const backup = readSettingsFile(paths.backup);
  return backup.kind === 'ok' ? backup.settings : null;
}

/** Loads the settings of `paths`, recovering from a damaged or missing file. */
export function loadSettings(paths: SettingsPaths, now: Date): LoadedSettings {
  const main = readSettingsFile(paths.file);
  if (main.kind === 'ok') {
    if (main.fromVersion === SETTINGS_SCHEMA_VERSION) {
      return { settings: main.settings, notices: [], needsWrite: false };
    }
    const keptAs = copyAside(paths, main.text, `v${main.fromVersion}`, now);
    return {
      settings: main.settings,
      needsWrite: true,
      notices: [
        {
          kind: 'migrated',
          fromVersion: main.fromVersion,
          toVersion: SETTINGS_SCHEMA_VERSION,
          keptAs,
          message: `Your settings were updated to the current format; the previous file was kept as ${path.basename(keptAs)}.`,
        },
      ],
    };
  }

  if (main.kind === 'missing') {
    const restored = fromBackup(paths);
    if (!restored) return { settings: defaultSettings(), notices: [], needsWrite: false };
    return {
      settings: restored,
      needsWrite: true,
      notices: [
        {
          kind: 'restored-missing',
          message: 'Your settings file was missing; it was restored from the last saved copy.',
        },
      ],
    };
  }

  const keptAs = keepAside(paths, 'corrupt', now);
  const recovered = fromBackup(paths);
  if (recovered) {
    return {
      settings: recovered,
      needsWrite: true,
      notices: [
        {
          kind: 'recovered-from-backup',
          keptAs,
          message:
            `Your settings file was damaged (${main.reason}); the last good copy was restored. ` +
            `The damaged file was kept as ${path.basename(keptAs)}.`,
        },
      ],
    };
  }
  return {
    settings: defaultSettings(),
    needsWrite: true,
    notices: [
      {
        kind: 'reset-to-defaults',
        keptAs,
        message:
          `Your settings file was damaged (${main.reason}) and no good copy was found, so OpenProject Tray ` +
          `started with default settings. The damaged file was kept as ${path.basename(keptAs)}.`,
      },
    ],
  };
}
