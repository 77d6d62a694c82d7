/**
 * Settings migrations, one step per schema version: each step takes the JSON of version N and
 * returns the JSON of version N+1; the result of the last step is validated by SettingsSchema.
 *
 * The version is the integer `schemaVersion` inside the file (absent = 0), not conf's
 * semver-of-the-app bookkeeping: a file says what shape it has whichever build wrote it.
 */
import { z } from 'zod';
import {
  DEFAULT_HOTKEY,
  DEFAULT_OAUTH_PORT,
  DEFAULT_TOAST_REASONS,
  POLL_INTERVAL_LIMITS,
  SETTINGS_SCHEMA_VERSION,
} from './schema';

/** The file was written by a newer version of the app: never touch it. */
export class NewerSettingsError extends Error {
  override readonly name = 'NewerSettingsError';
  constructor(readonly fileVersion: number) {
    super(
      `Your settings were saved by a newer version of OpenProject Tray (settings version ${fileVersion}). ` +
        'Update OpenProject Tray to open them; they were left unchanged.',
    );
  }
}

/** The file's content is not a settings object of any known version. */
export class InvalidSettingsError extends Error {
  override readonly name = 'InvalidSettingsError';
}

interface Migration {
  from: number;
  migrate(input: unknown): unknown;
}

/**
 * Version 0: the pre-release, single-account file (no `schemaVersion`). Its token lived in the
 * secret store under the implicit account id `default`, which the migrated account keeps.
 */
const SettingsV0Schema = z.looseObject({
  serverUrl: z.string().optional(),
  displayName: z.string().optional(),
  authType: z.enum(['apikey', 'oauth']).optional(),
  oauth: z
    .looseObject({ clientId: z.string().min(1), port: z.number().int().optional() })
    .optional(),
  pollSeconds: z.number().optional(),
  notifyReasons: z.array(z.string()).optional(),
  muted: z.boolean().optional(),
  snoozedUntil: z.string().nullable().optional(),
  globalHotkey: z.string().nullable().optional(),
  openAtLogin: z.boolean().optional(),
  paused: z.boolean().optional(),
});

export const V0_ACCOUNT_ID = 'default';

function clampPoll(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds))
    return POLL_INTERVAL_LIMITS.defaultSeconds;
  const { minSeconds, maxSeconds } = POLL_INTERVAL_LIMITS;
  return Math.min(maxSeconds, Math.max(minSeconds, Math.round(seconds)));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'OpenProject';
  }
}

function v0ToV1(input: unknown): unknown {
  const v0 = SettingsV0Schema.parse(input);
  const accounts = [];
  if (v0.serverUrl) {
    const baseUrl = v0.serverUrl.trim().replace(/\/+$/, '');
    const auth =
      v0.authType === 'oauth' && v0.oauth
        ? {
            method: 'oauth',
            connection: {
              name: 'OpenProject',
              provider: 'openproject',
              clientId: v0.oauth.clientId,
              redirect: {
                mode: 'loopback',
                port: v0.oauth.port ?? DEFAULT_OAUTH_PORT,
                path: '/oauth-callback',
              },
            },
          }
        : { method: 'apiToken' };
    accounts.push({
      id: V0_ACCOUNT_ID,
      name: v0.displayName?.trim() || hostOf(baseUrl),
      baseUrl,
      auth,
      state: 'ok',
      options: {
        pollIntervalSeconds: clampPoll(v0.pollSeconds),
        toastReasons: v0.notifyReasons ?? DEFAULT_TOAST_REASONS,
        muted: v0.muted ?? false,
      },
    });
  }
  return {
    schemaVersion: 1,
    accounts,
    global: {
      snoozeUntil: v0.snoozedUntil ?? null,
      paused: v0.paused ?? false,
      hotkey: v0.globalHotkey === undefined ? DEFAULT_HOTKEY : v0.globalHotkey,
      startAtLogin: v0.openAtLogin ?? false,
      pollIntervalSeconds: clampPoll(v0.pollSeconds),
      toastReasons: v0.notifyReasons ?? DEFAULT_TOAST_REASONS,
    },
  };
}

const MIGRATIONS: readonly Migration[] = [{ from: 0, migrate: v0ToV1 }];

/** The `schemaVersion` of a parsed settings file; 0 when it has none. */
export function schemaVersionOf(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidSettingsError('The settings file does not hold a settings object.');
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new InvalidSettingsError('The settings file has an invalid schemaVersion.');
  }
  return version;
}

/** Runs every step from the file's version to the current one (not yet validated). */
export function migrateSettings(raw: unknown): { value: unknown; fromVersion: number } {
  const fromVersion = schemaVersionOf(raw);
  if (fromVersion > SETTINGS_SCHEMA_VERSION) throw new NewerSettingsError(fromVersion);
  let value = raw;
  for (let version = fromVersion; version < SETTINGS_SCHEMA_VERSION; version += 1) {
    const step = MIGRATIONS.find((migration) => migration.from === version);
    if (!step) throw new InvalidSettingsError(`No migration from settings version ${version}.`);
    value = step.migrate(value);
  }
  return { value, fromVersion };
}
