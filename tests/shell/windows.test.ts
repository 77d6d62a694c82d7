import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeScreen } from './support/fake-electron';

const screen = fakeScreen([
  {
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 32, width: 1920, height: 1048 },
  },
  {
    bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
    workArea: { x: 1920, y: 0, width: 1280, height: 1024 },
  },
]);
vi.mock('electron', () => ({ BrowserWindow: FakeBrowserWindow, screen }));

const { WindowRegistry, WINDOW_SIZES } = await import('../../main/shell/windows');
type Options = ConstructorParameters<typeof WindowRegistry>[0];

let clock = 0;
let trayBounds: Options['trayBounds'];
let saved: { x: number; y: number } | null;

function registry(overrides: Partial<Options> = {}) {
  return new WindowRegistry({
    preload: '/app/out/preload/index.cjs',
    urlFor: (route) => `app://bundle/index.html#/${route}`,
    platform: 'linux',
    trayBounds: () => trayBounds(),
    widgetPosition: { load: () => saved, save: (p) => (saved = p) },
    now: () => clock,
    ...overrides,
  });
}

const win = (w: unknown) => w as FakeBrowserWindow;

beforeEach(() => {
  FakeBrowserWindow.created = [];
  clock = 1000;
  trayBounds = () => ({ x: 0, y: 0, width: 0, height: 0 });
  saved = null;
  screen.cursor = { x: 10, y: 10 };
});

describe('the window registry', () => {
  it('creates each window once and reuses it, loading the route of the one renderer build', () => {
    const windows = registry();
    const widget = windows.get('widget');
    expect(windows.get('widget')).toBe(widget);
    windows.get('search');
    windows.showSettings();
    windows.showSettings();
    expect(FakeBrowserWindow.created.map((w) => w.loaded)).toEqual([
      ['app://bundle/index.html#/widget'],
      ['app://bundle/index.html#/search'],
      ['app://bundle/index.html#/settings'],
    ]);
  });

  it('creates a window again after it was destroyed', () => {
    const windows = registry();
    const settings = win(windows.get('settings'));
    settings.close();
    expect(settings.destroyed).toBe(true);
    expect(windows.peek('settings')).toBeUndefined();
    expect(windows.get('settings')).not.toBe(settings);
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('opens the first-run wizard in the settings window, and switches it back to settings', () => {
    const windows = registry();
    windows.showSettings('wizard');
    const settings = win(windows.peek('settings'));
    expect(settings.loaded).toEqual(['app://bundle/index.html#/wizard']);
    windows.showSettings('settings');
    expect(settings.loaded.at(-1)).toBe('app://bundle/index.html#/settings');
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('locks every window down the same way', () => {
    const windows = registry();
    for (const kind of ['widget', 'settings', 'search'] as const) {
      const prefs = win(windows.get(kind)).options.webPreferences;
      expect(prefs).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        devTools: false,
        disableBlinkFeatures: 'Auxclick',
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    }
    expect(win(windows.get('widget')).options).toMatchObject({
      frame: false,
      skipTaskbar: true,
      show: false,
    });
  });

  it('knows its own web contents and no others', () => {
    const windows = registry();
    const widget = win(windows.get('widget'));
    expect(windows.owns(widget.webContents as never)).toBe(true);
    expect(windows.owns({} as never)).toBe(false);
    widget.destroy();
    expect(windows.owns(widget.webContents as never)).toBe(false);
  });
});

describe('the widget', () => {
  it('pops up next to the tray icon where the OS tells where it is', () => {
    trayBounds = () => ({ x: 1850, y: 4, width: 24, height: 24 });
    const windows = registry({ platform: 'darwin' });
    windows.toggleWidget();
    const widget = win(windows.peek('widget'));
    expect(widget.visible && widget.focused).toBe(true);
    expect(widget.position).toEqual([1920 - WINDOW_SIZES.widget.width - 8, 32 + 8]);
  });

  it('hides on the next click, on blur and on Esc', () => {
    const windows = registry();
    windows.toggleWidget();
    const widget = win(windows.peek('widget'));
    windows.toggleWidget();
    expect(widget.visible).toBe(false);

    windows.toggleWidget();
    widget.blur();
    expect(widget.visible).toBe(false);

    clock += 5000;
    windows.toggleWidget();
    expect(widget.webContents.pressKey('Escape')).toBe(true);
    expect(widget.visible).toBe(false);
    expect(widget.webContents.pressKey('a')).toBe(false);
  });

  it('does not reopen when the tray click that blurred it arrives right after', () => {
    const windows = registry();
    windows.toggleWidget();
    const widget = win(windows.peek('widget'));
    widget.blur(); // the click on the tray icon takes the focus first…
    clock += 50;
    windows.toggleWidget(); // …then arrives as a click: the user wanted it closed
    expect(widget.visible).toBe(false);
    clock += 1000;
    windows.toggleWidget();
    expect(widget.visible).toBe(true);
  });

  it('stays open while its developer tools have the focus', () => {
    const windows = registry();
    windows.toggleWidget();
    const widget = win(windows.peek('widget'));
    widget.webContents.devToolsOpen = true;
    widget.blur();
    expect(widget.visible).toBe(true);
  });

  it('on Linux goes top-right under the panel, and remembers where the user moves it', () => {
    const windows = registry();
    windows.showWidget();
    const widget = win(windows.peek('widget'));
    expect(widget.position).toEqual([1920 - 400 - 8, 32 + 8]);
    widget.setPosition(300, 200); // the user drags it
    widget.blur();
    expect(saved).toEqual({ x: 300, y: 200 });
    clock += 5000;
    windows.showWidget();
    expect(widget.position).toEqual([300, 200]);
  });

  it('does not remember a position it chose itself, nor one next to a tray icon', () => {
    const windows = registry();
    windows.showWidget();
    win(windows.peek('widget')).blur();
    expect(saved).toBeNull();
    trayBounds = () => ({ x: 1700, y: 1050, width: 24, height: 24 });
    clock += 5000;
    windows.showWidget();
    const widget = win(windows.peek('widget'));
    widget.setPosition(5, 5);
    widget.blur();
    expect(saved).toBeNull();
  });

  it('hides instead of closing, until the app quits', () => {
    const windows = registry();
    windows.showWidget();
    const widget = win(windows.peek('widget'));
    widget.close();
    expect(widget.destroyed).toBe(false);
    expect(widget.visible).toBe(false);
    windows.prepareQuit();
    widget.close();
    expect(widget.destroyed).toBe(true);
  });
});

describe('quick search', () => {
  it('opens centred on the display with the mouse, on top, and hides on blur and Esc', () => {
    const windows = registry();
    screen.cursor = { x: 2500, y: 500 };
    windows.showSearch();
    const search = win(windows.peek('search'));
    expect(search.options).toMatchObject({ alwaysOnTop: true, frame: false });
    expect(search.position).toEqual([1920 + (1280 - 640) / 2, (1024 - 420) / 2]);
    expect(search.visible && search.focused).toBe(true);
    search.blur();
    expect(search.visible).toBe(false);
    windows.showSearch();
    search.webContents.pressKey('Escape');
    expect(search.visible).toBe(false);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });
});
