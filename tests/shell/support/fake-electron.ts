import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';

/**
 * Stand-ins for Electron's objects, used through `vi.mock('electron', …)`: the one boundary the
 * shell's tests fake. They record what the shell asked the OS to do.
 */
export class FakeMenu {
  constructor(readonly template: MenuItemConstructorOptions[]) {}

  /** Finds an item by id, searching submenus. */
  item(id: string): MenuItemConstructorOptions | undefined {
    const find = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.id === id) return item;
        if (Array.isArray(item.submenu)) {
          const found = find(item.submenu);
          if (found) return found;
        }
      }
      return undefined;
    };
    return find(this.template);
  }

  click(id: string): void {
    const item = this.item(id);
    if (!item?.click) throw new Error(`no clickable menu item ${id}`);
    if (item.enabled === false) throw new Error(`menu item ${id} is disabled`);
    (item.click as () => void)();
  }

  get labels(): string[] {
    return this.template.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
  }
}

export class FakeImage {
  readonly representations: { scaleFactor: number; buffer: Buffer }[] = [];
  template = false;
  addRepresentation(options: { scaleFactor: number; buffer: Buffer }): void {
    this.representations.push(options);
  }
  setTemplateImage(value: boolean): void {
    this.template = value;
  }
}

type Listener = (...args: unknown[]) => void;

/** A minimal event emitter like Electron's objects. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      listener(...args);
    };
    return this.on(event, wrapped);
  }
  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    listeners.forEach((l) => l(...args));
    return listeners.length > 0;
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
}

export class FakeTray extends FakeEmitter {
  image: FakeImage | null = null;
  tooltip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  readonly calls: string[] = [];
  poppedUp: FakeMenu[] = [];
  setImage(image: FakeImage): void {
    this.calls.push('setImage');
    this.image = image;
  }
  setToolTip(text: string): void {
    this.calls.push('setToolTip');
    this.tooltip = text;
  }
  setTitle(title: string): void {
    this.calls.push('setTitle');
    this.title = title;
  }
  setContextMenu(menu: FakeMenu): void {
    this.calls.push('setContextMenu');
    this.contextMenu = menu;
  }
  popUpContextMenu(menu: FakeMenu): void {
    this.poppedUp.push(menu);
  }
}

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  devToolsOpen = false;
  /** What main sent to the page (`webContents.send`), oldest first. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isDevToolsOpened(): boolean {
    return this.devToolsOpen;
  }
  /** Emits `before-input-event` for a key press; tells whether the app prevented its default. */
  pressKey(key: string): boolean {
    let prevented = false;
    this.emit(
      'before-input-event',
      { preventDefault: () => (prevented = true) },
      { type: 'keyDown', key },
    );
    return prevented;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  visible = false;
  focused = false;
  destroyed = false;
  minimized = false;
  position: [number, number] = [0, 0];

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
  getPosition(): number[] {
    return [...this.position];
  }
  /** The user (or OS) closes the window: 'close' may be prevented, else it is destroyed. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroy();
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  /** The window loses focus, as when the user clicks elsewhere. */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
}

export interface FakeDisplay {
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
}

export function fakeScreen(displays: FakeDisplay[], cursor = { x: 0, y: 0 }) {
  const containing = (p: { x: number; y: number }) =>
    displays.find(
      (d) =>
        p.x >= d.bounds.x &&
        p.x < d.bounds.x + d.bounds.width &&
        p.y >= d.bounds.y &&
        p.y < d.bounds.y + d.bounds.height,
    ) ?? displays[0]!;
  return {
    cursor,
    getPrimaryDisplay: () => displays[0]!,
    getCursorScreenPoint() {
      return this.cursor;
    },
    getDisplayNearestPoint: containing,
    getDisplayMatching: (r: { x: number; y: number }) => containing(r),
  };
}

/** What a test's hoisted state must hold for `fakeElectronBase`. */
export interface FakeElectronState {
  ipc: Map<string, (...args: unknown[]) => unknown>;
  shortcuts: Map<string, () => void>;
  trays: unknown[];
  opened: string[];
  /** Accelerators another application owns: registering them fails. */
  taken?: string[];
}

/**
 * The part of the faked `electron` module every shell test shares: app, Tray (recorded in
 * `state.trays`), BrowserWindow, one 1920×1080 screen with a top panel, Menu, nativeImage, shell,
 * ipcMain and globalShortcut (recorded in `state`). A test spreads it and adds what it needs.
 */
export function fakeElectronBase(state: FakeElectronState, appExtras: object = {}) {
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: true,
    dock: { hide: vi.fn() },
    setDesktopName: vi.fn(),
    setAppUserModelId: vi.fn(),
    setBadgeCount: vi.fn(() => true),
    quit: vi.fn(),
    ...appExtras,
  });
  class Tray extends FakeTray {
    constructor(readonly initialImage: FakeImage) {
      super();
      state.trays.push(this);
    }
    getBounds() {
      return { x: 0, y: 0, width: 0, height: 0 };
    }
  }
  return {
    app,
    Tray,
    BrowserWindow: FakeBrowserWindow,
    screen: fakeScreen([
      {
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 32, width: 1920, height: 1048 },
      },
    ]),
    Menu: { buildFromTemplate: (t: never) => new FakeMenu(t) },
    nativeImage: {
      createFromBuffer: (buffer: Buffer, o: { scaleFactor: number }) => {
        const image = new FakeImage();
        image.addRepresentation({ scaleFactor: o.scaleFactor, buffer });
        return image;
      },
    },
    shell: { openExternal: (url: string) => Promise.resolve(void state.opened.push(url)) },
    ipcMain: {
      handle: (channel: string, fn: never) => state.ipc.set(channel, fn),
      on: (channel: string, fn: never) => state.ipc.set(channel, fn),
      removeHandler: (channel: string) => state.ipc.delete(channel),
    },
    globalShortcut: {
      register: (accelerator: string, fn: () => void) => {
        if (state.taken?.includes(accelerator)) return false;
        state.shortcuts.set(accelerator, fn);
        return true;
      },
      unregister: (accelerator: string) => state.shortcuts.delete(accelerator),
    },
  };
}
