import { describe, expect, it, vi } from 'vitest';
import { acceleratorProblem, displayAccelerator } from '../../main/shell/accelerator';
import { configureDesktopIdentity, DESKTOP_ENTRY_NAME } from '../../main/shell/desktop-identity';
import { defaultHotkey, Hotkey, WAYLAND_NOTE } from '../../main/shell/hotkey';

/** A globalShortcut stand-in: some accelerators belong to "another application". */
function fakeGlobalShortcut(takenByOthers: string[] = []) {
  const registered = new Map<string, () => void>();
  return {
    registered,
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (takenByOthers.includes(accelerator) || registered.has(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void registered.delete(accelerator)),
    press(accelerator: string) {
      registered.get(accelerator)?.();
    },
  };
}

describe('the quick-search hotkey', () => {
  it('registers the default and calls back when pressed', () => {
    const shortcuts = fakeGlobalShortcut();
    const pressed = vi.fn();
    const hotkey = new Hotkey(shortcuts, pressed, { platform: 'win32' });
    expect(hotkey.apply(defaultHotkey())).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Alt+O',
    });
    shortcuts.press('CommandOrControl+Alt+O');
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it("avoids the systems' own shortcuts by default", () => {
    const reservedOnMac = [
      'Command+Space',
      'Command+Alt+Space',
      'Control+Space',
      'Control+Alt+Space',
      'Control+Command+Space',
    ];
    const onMac = defaultHotkey().replace('CommandOrControl', 'Command');
    const elsewhere = defaultHotkey().replace('CommandOrControl', 'Control');
    expect(reservedOnMac).not.toContain(onMac);
    expect(['Alt+Space', 'Super+Space', 'Control+Space']).not.toContain(elsewhere);
    expect(acceleratorProblem(onMac)).toBeNull();
    expect(acceleratorProblem(elsewhere)).toBeNull();
  });

  it('switches to a new shortcut and releases the old one', () => {
    const shortcuts = fakeGlobalShortcut();
    const hotkey = new Hotkey(shortcuts, () => {}, { platform: 'linux', env: {} });
    hotkey.apply('Control+Alt+Space');
    expect(hotkey.apply('Control+Shift+K')).toEqual({ ok: true, accelerator: 'Control+Shift+K' });
    expect([...shortcuts.registered.keys()]).toEqual(['Control+Shift+K']);
    expect(hotkey.active).toBe('Control+Shift+K');
  });

  it('says when another application owns the shortcut and keeps the last one that worked', () => {
    const shortcuts = fakeGlobalShortcut(['Control+Alt+K']);
    const hotkey = new Hotkey(shortcuts, () => {}, { platform: 'win32' });
    hotkey.apply('Control+Alt+Space');
    expect(hotkey.apply('Control+Alt+K')).toEqual({
      ok: false,
      kind: 'taken',
      accelerator: 'Control+Alt+Space',
      reason: 'Ctrl+Alt+K is used by another application. Choose another shortcut.',
    });
    expect([...shortcuts.registered.keys()]).toEqual(['Control+Alt+Space']);
    expect(hotkey.active).toBe('Control+Alt+Space');
  });

  it('reports a taken default with no shortcut active, so the tray menu is the way in', () => {
    const shortcuts = fakeGlobalShortcut(['Control+Alt+Space']);
    const hotkey = new Hotkey(shortcuts, () => {}, { platform: 'linux', env: {} });
    const result = hotkey.apply('Control+Alt+Space');
    expect(result).toEqual({
      ok: false,
      kind: 'taken',
      accelerator: null,
      reason: 'Ctrl+Alt+Space is used by another application. Choose another shortcut.',
    });
  });

  it('treats an exception from Electron like a refusal', () => {
    const shortcuts = fakeGlobalShortcut();
    shortcuts.register.mockImplementationOnce(() => {
      throw new Error('conversion failure');
    });
    const hotkey = new Hotkey(shortcuts, () => {}, { platform: 'win32' });
    expect(hotkey.apply('Control+Alt+Space').ok).toBe(false);
  });

  it('refuses accelerators that are not shortcuts, or would catch typing, without touching the current one', () => {
    const shortcuts = fakeGlobalShortcut();
    const hotkey = new Hotkey(shortcuts, () => {}, { platform: 'win32' });
    hotkey.apply('Control+Alt+Space');
    for (const bad of ['A', 'Shift+A', 'Control+Alt', 'Ctrl+Hyper+K', 'Ctrl+Ctrl+K', '']) {
      const result = hotkey.apply(bad);
      if (bad === '') {
        expect(result).toEqual({ ok: true, accelerator: null });
        hotkey.apply('Control+Alt+Space');
        continue;
      }
      expect(result.ok, bad).toBe(false);
      expect(result).toMatchObject({ kind: 'invalid' });
      expect(result.accelerator).toBe('Control+Alt+Space');
    }
    expect(shortcuts.register).toHaveBeenCalledTimes(2);
    expect(acceleratorProblem('Shift+F9')).toBeNull();
    expect(acceleratorProblem('CommandOrControl++')).toBeNull();
  });

  it('turns off with null and unregisters', () => {
    const shortcuts = fakeGlobalShortcut();
    const hotkey = new Hotkey(shortcuts, () => {}, { platform: 'darwin' });
    hotkey.apply('Control+Shift+Space');
    expect(hotkey.apply(null)).toEqual({ ok: true, accelerator: null });
    expect(shortcuts.registered.size).toBe(0);
  });

  it('on Wayland explains the portal consent and the tray-menu fallback', () => {
    const shortcuts = fakeGlobalShortcut();
    const hotkey = new Hotkey(shortcuts, () => {}, {
      platform: 'linux',
      env: { XDG_SESSION_TYPE: 'wayland' },
    });
    expect(hotkey.apply('Control+Alt+Space')).toEqual({
      ok: true,
      accelerator: 'Control+Alt+Space',
      note: WAYLAND_NOTE,
    });
  });

  it('names keys the way each platform does', () => {
    expect(displayAccelerator('CommandOrControl+Alt+Space', 'win32')).toBe('Ctrl+Alt+Space');
    expect(displayAccelerator('CommandOrControl+Alt+Space', 'darwin')).toBe('Cmd+Option+Space');
    expect(displayAccelerator('Control+Shift+k', 'linux')).toBe('Ctrl+Shift+K');
    expect(displayAccelerator('Super+plus', 'linux')).toBe('Super+Plus');
  });
});

describe('the desktop identity', () => {
  it('sets the Linux desktop name and the Windows AppUserModelID', () => {
    const app = { setDesktopName: vi.fn(), setAppUserModelId: vi.fn() };
    configureDesktopIdentity(app, 'linux');
    expect(app.setDesktopName).toHaveBeenCalledWith(DESKTOP_ENTRY_NAME);
    configureDesktopIdentity(app, 'win32');
    expect(app.setAppUserModelId).toHaveBeenCalledWith('org.openproject.tray');
    expect(app.setDesktopName).toHaveBeenCalledTimes(1);
  });
});
