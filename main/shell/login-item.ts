import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { App } from 'electron';
import { DESKTOP_ENTRY_NAME } from './desktop-identity';

/** Passed when the OS starts the app at login: it starts in the tray, no window. */
export const HIDDEN_FLAG = '--hidden';

export function startedHidden(argv: readonly string[]): boolean {
  return argv.includes(HIDDEN_FLAG);
}

/** $XDG_CONFIG_HOME/autostart (an absolute XDG_CONFIG_HOME only, as the spec says), else ~/.config/autostart. */
export function autostartDir(env: NodeJS.ProcessEnv, home = homedir()): string {
  const configHome = env.XDG_CONFIG_HOME;
  return join(
    configHome && isAbsolute(configHome) ? configHome : join(home, '.config'),
    'autostart',
  );
}

/** One Exec argument, quoted and escaped as the Desktop Entry spec wants. */
export function quoteExecArg(arg: string): string {
  if (/[\n\r\t]/.test(arg))
    throw new Error('A start-up command cannot contain line breaks or tabs.');
  if (/^[A-Za-z0-9_\-./=:,@+]+$/.test(arg)) return arg;
  // Quoting rule first (escape " ` $ \ inside double quotes), then the string rule (\ → \\), then %.
  const quoted = `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replaceAll('\\', '\\\\').replaceAll('%', '%%');
}

export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=OpenProject Tray',
    'Comment=Your OpenProject notifications in the system tray',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    `Icon=${DESKTOP_ENTRY_NAME.replace(/\.desktop$/, '')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LoginItemOptions {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  env?: NodeJS.ProcessEnv;
  /** The program to start: process.execPath (an AppImage's own path comes from $APPIMAGE). */
  execPath: string;
  /** Arguments before --hidden: the app folder when running unpackaged (`electron .`). */
  args?: readonly string[];
  home?: string;
}

/**
 * Start at login. macOS and Windows through `app.setLoginItemSettings`; Linux through an XDG autostart
 * .desktop file, written or removed here. Either way the app starts with --hidden.
 */
export class LoginItem {
  constructor(private readonly options: LoginItemOptions) {}

  /** The autostart file on Linux. */
  get desktopFile(): string {
    return join(autostartDir(this.env, this.options.home), DESKTOP_ENTRY_NAME);
  }

  async isEnabled(): Promise<boolean> {
    if (this.options.platform !== 'linux') {
      return this.options.app.getLoginItemSettings(this.loginSettingsQuery()).openAtLogin;
    }
    try {
      const content = await readFile(this.desktopFile, 'utf8');
      return (
        !/^Hidden\s*=\s*true\s*$/m.test(content) &&
        !/^X-GNOME-Autostart-enabled\s*=\s*false/m.test(content)
      );
    } catch {
      return false;
    }
  }

  async setEnabled(enabled: boolean): Promise<void> {
    const { platform, app } = this.options;
    if (platform === 'win32') {
      app.setLoginItemSettings({
        openAtLogin: enabled,
        path: this.options.execPath,
        args: [...(this.options.args ?? []), HIDDEN_FLAG],
      });
      return;
    }
    if (platform === 'darwin') {
      // A tray-only app (LSUIElement) shows no window at start anyway; macOS cannot pass arguments.
      app.setLoginItemSettings({ openAtLogin: enabled });
      return;
    }
    if (!enabled) {
      await rm(this.desktopFile, { force: true });
      return;
    }
    const command = [
      this.env.APPIMAGE ?? this.options.execPath,
      ...(this.options.args ?? []),
      HIDDEN_FLAG,
    ];
    await mkdir(autostartDir(this.env, this.options.home), { recursive: true });
    const temporary = `${this.desktopFile}.${process.pid}.tmp`;
    await writeFile(temporary, autostartEntry(command), { mode: 0o644 });
    await rename(temporary, this.desktopFile);
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  private loginSettingsQuery(): { path?: string; args?: string[] } {
    return this.options.platform === 'win32'
      ? { path: this.options.execPath, args: [...(this.options.args ?? []), HIDDEN_FLAG] }
      : {};
  }
}
