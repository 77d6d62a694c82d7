/**
 * Where `watch` keeps its record of what it already printed, so that a restart does not print old
 * notifications again: `--state-dir`, else the platform's per-user state folder.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Env } from '../output';

const APP_FOLDER = 'openproject-tray';
const CLI_FOLDER = 'cli';

/** Shown in `watch --help`. */
export const STATE_DIR_HELP: readonly string[] = [
  '$XDG_STATE_HOME/openproject-tray/cli (when XDG_STATE_HOME is unset:',
  '~/.local/state/openproject-tray/cli; on macOS ~/Library/Application Support/openproject-tray/cli;',
  'on Windows %LOCALAPPDATA%\\openproject-tray\\cli)',
];

/** `--state-dir` resolved against the working directory, else the default folder. */
export function stateDir(
  flag: string | undefined,
  env: Env,
  platform: NodeJS.Platform = process.platform,
): string {
  const given = flag?.trim();
  if (given) return resolve(given);
  return defaultStateDir(env, platform);
}

export function defaultStateDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  const home = absolute(env.HOME) ?? absolute(env.USERPROFILE) ?? homedir();
  // The XDG spec says a relative value is invalid and must be ignored.
  const xdg = absolute(env.XDG_STATE_HOME);
  if (xdg) return join(xdg, APP_FOLDER, CLI_FOLDER);
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_FOLDER, CLI_FOLDER);
  }
  if (platform === 'win32') {
    const local = absolute(env.LOCALAPPDATA) ?? join(home, 'AppData', 'Local');
    return join(local, APP_FOLDER, CLI_FOLDER);
  }
  return join(home, '.local', 'state', APP_FOLDER, CLI_FOLDER);
}

function absolute(value: string | undefined): string | undefined {
  return value && isAbsolute(value) ? value : undefined;
}
