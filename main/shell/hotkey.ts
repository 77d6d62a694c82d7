import type { GlobalShortcut } from 'electron';
import { DEFAULT_HOTKEY } from '../core/settings/schema';
import { acceleratorProblem, displayAccelerator } from './accelerator';

/**
 * The default quick-search shortcut, the same as the settings' default (main/core/settings/schema.ts,
 * where the choice is explained). The Space combinations are out: Cmd+Space (Spotlight),
 * Cmd+Option+Space (Finder search), Control+Space and Super+Space (input sources), Alt+Space (the
 * window menu on Windows and Linux).
 */
export function defaultHotkey(): string {
  return DEFAULT_HOTKEY;
}

export type HotkeyResult =
  | { ok: true; accelerator: string | null; note?: string }
  /**
   * `accelerator` is the shortcut active now: the last one that worked, or null. `kind` tells an
   * accelerator another app owns ('taken') from one that is no usable shortcut ('invalid').
   */
  | { ok: false; kind: 'taken' | 'invalid'; accelerator: string | null; reason: string };

export interface HotkeyOptions {
  platform: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

export function isWayland(env: NodeJS.ProcessEnv): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || (!!env.WAYLAND_DISPLAY && !env.DISPLAY);
}

export const WAYLAND_NOTE =
  'On Wayland your desktop asks once whether to allow this shortcut. If it does not work, use ' +
  'Quick search in the tray menu, or assign the shortcut in your desktop’s keyboard settings.';

/**
 * The global quick-search shortcut: registers a new accelerator, and when that fails (another app
 * owns it) puts the previous one back, and says why in a sentence for the settings page.
 */
export class Hotkey {
  private current: string | null = null;

  constructor(
    private readonly shortcuts: Pick<GlobalShortcut, 'register' | 'unregister'>,
    private readonly onPressed: () => void,
    private readonly options: HotkeyOptions,
  ) {}

  /** The accelerator registered now, or null. */
  get active(): string | null {
    return this.current;
  }

  apply(accelerator: string | null): HotkeyResult {
    const wanted = accelerator?.trim() || null;
    if (wanted === null) {
      this.release();
      return { ok: true, accelerator: null };
    }
    const problem = acceleratorProblem(wanted);
    if (problem) return { ok: false, kind: 'invalid', accelerator: this.current, reason: problem };
    if (wanted === this.current) return this.success(wanted);

    const previous = this.current;
    this.release();
    if (this.tryRegister(wanted)) {
      this.current = wanted;
      return this.success(wanted);
    }
    if (previous && this.tryRegister(previous)) this.current = previous;
    const shown = displayAccelerator(wanted, this.options.platform);
    return {
      ok: false,
      kind: 'taken',
      accelerator: this.current,
      reason: `${shown} is used by another application. Choose another shortcut.`,
    };
  }

  /** Unregisters the shortcut (on quit, or when the user turns it off). */
  release(): void {
    if (this.current) this.shortcuts.unregister(this.current);
    this.current = null;
  }

  private tryRegister(accelerator: string): boolean {
    try {
      return this.shortcuts.register(accelerator, this.onPressed);
    } catch {
      return false; // Electron throws for accelerators it cannot parse on this platform
    }
  }

  private success(accelerator: string): HotkeyResult {
    return this.options.platform === 'linux' && isWayland(this.options.env ?? process.env)
      ? { ok: true, accelerator, note: WAYLAND_NOTE }
      : { ok: true, accelerator };
  }
}
