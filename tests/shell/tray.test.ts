import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeImage, FakeMenu, FakeTray } from './support/fake-electron';
import { decodePng } from './support/png-decode';
import type { TrayStatus as Status } from '../../main/shell/tray-status';

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown[]) => new FakeMenu(template as never) },
  nativeImage: {
    createFromBuffer: (buffer: Buffer, options: { scaleFactor: number }) => {
      const image = new FakeImage();
      image.addRepresentation({ scaleFactor: options.scaleFactor, buffer });
      return image;
    },
  },
}));

const { TrayController } = await import('../../main/shell/tray');
const { pauseEnd } = await import('../../main/shell/tray-menu');

const acme = (
  unread: number | null,
  state: 'ok' | 'offline' | 'error' | 'needs-sign-in' = 'ok',
) => ({
  label: 'ACME',
  unread,
  state,
  ...(state === 'error'
    ? { message: 'ACME answered with a server error (500). Try again later.' }
    : {}),
});
const community = (unread: number) => ({ label: 'Community', unread, state: 'ok' as const });

function setup(platform: NodeJS.Platform) {
  const tray = new FakeTray();
  const badge: number[] = [];
  const actions = {
    toggleWidget: vi.fn(),
    quickSearch: vi.fn(),
    refresh: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    openSettings: vi.fn(),
    quit: vi.fn(),
  };
  const controller = new TrayController({
    tray: tray as never,
    app: { setBadgeCount: (n?: number) => (badge.push(n ?? -1), true) },
    platform,
    actions,
    now: () => new Date(2026, 2, 10, 13, 30),
    formatTime: (d) =>
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`,
  });
  const menu = (): FakeMenu => {
    if (platform !== 'darwin') return tray.contextMenu!;
    tray.emit('right-click');
    return tray.poppedUp.at(-1)!;
  };
  return { tray, badge, actions, controller, menu };
}

const status = (accounts: Status['accounts'], pausedUntil: Date | null = null): Status => ({
  accounts,
  pausedUntil,
});

describe('the tray on Windows and Linux', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => (t = setup('linux')));

  it('starts by asking the user to sign in', () => {
    expect(t.controller.view.iconState).toBe('signed-out');
    expect(t.tray.tooltip).toBe('OpenProject Tray — sign in to see your notifications');
    expect(t.tray.image).not.toBeNull();
  });

  it('names the unread count per account in the tooltip and draws it into a 16/32 px image', () => {
    t.controller.update(status([acme(2), community(1)]));
    expect(t.tray.tooltip).toBe('OpenProject Tray — 3 unread\nACME: 2 · Community: 1');
    expect(t.controller.view.iconState).toBe('unread');
    const reps = t.tray.image!.representations;
    expect(reps.map((r) => [r.scaleFactor, decodePng(r.buffer).width])).toEqual([
      [1, 16],
      [2, 32],
    ]);
    expect(t.tray.image!.template).toBe(false);
    expect(t.badge.at(-1)).toBe(3);
  });

  it('says it is checking, not "no unread", until the first sync has answered', () => {
    t.controller.update(status([acme(null)]));
    expect(t.tray.tooltip).toBe('OpenProject Tray — checking for notifications…');
    expect(t.controller.view.iconState).toBe('normal');
  });

  it('says "no unread notifications" for one account with nothing new', () => {
    t.controller.update(status([acme(0)]));
    expect(t.tray.tooltip).toBe('OpenProject Tray — no unread notifications');
    expect(t.controller.view.iconState).toBe('normal');
    expect(t.badge.at(-1)).toBe(0);
  });

  it.each([
    [[acme(4, 'offline')], 'offline', 'OpenProject Tray — offline, retrying automatically'],
    [
      [acme(4, 'error')],
      'error',
      'OpenProject Tray — ACME answered with a server error (500). Try again later.',
    ],
    [[acme(0, 'needs-sign-in')], 'signed-out', 'OpenProject Tray — sign in again to ACME'],
  ] as const)('shows %#: the %s state with its message', (accounts, state, tooltip) => {
    t.controller.update(status(accounts));
    expect(t.controller.view.iconState).toBe(state);
    expect(t.tray.tooltip).toBe(tooltip);
  });

  it('marks a sign-in problem in one of two accounts and keeps the others in the tooltip', () => {
    t.controller.update(status([acme(0, 'needs-sign-in'), community(5)]));
    expect(t.controller.view.iconState).toBe('signed-out');
    expect(t.tray.tooltip).toBe(
      'OpenProject Tray — sign in again to ACME\nACME: sign in again · Community: 5',
    );
  });

  it('shows the pause and its end, and clears the app badge while paused', () => {
    t.controller.update(status([acme(3)], new Date(2026, 2, 10, 14, 30)));
    expect(t.controller.view.iconState).toBe('paused');
    expect(t.tray.tooltip).toBe('OpenProject Tray — notifications paused until 14:30 · 3 unread');
    expect(t.badge.at(-1)).toBe(0);
    expect(t.menu().item('pause')?.label).toBe('Notifications paused until 14:30');
    expect(t.menu().item('resume')?.enabled).toBe(true);
  });

  it('pushes only what changed to the OS', () => {
    t.controller.update(status([acme(2)]));
    const before = t.tray.calls.length;
    t.controller.update(status([acme(2)]));
    expect(t.tray.calls.length).toBe(before);
    t.controller.update(status([acme(3)]));
    expect(t.tray.calls.slice(before)).toEqual(['setImage', 'setToolTip']);
  });

  it('offers the menu with the widget first, quick search with its shortcut, and Quit', () => {
    t.controller.update(status([acme(1)]));
    t.controller.setHotkey('Control+Alt+Space');
    const menu = t.menu();
    expect(menu.labels).toEqual([
      'Open notifications',
      'Quick search…',
      'Refresh now',
      'Pause notifications',
      'Accounts & settings…',
      'Quit OpenProject Tray',
    ]);
    expect(menu.item('search')).toMatchObject({
      accelerator: 'Control+Alt+Space',
      registerAccelerator: false,
    });
    expect(menu.item('resume')?.enabled).toBe(false);
    for (const [id, action] of [
      ['open', 'toggleWidget'],
      ['search', 'quickSearch'],
      ['refresh', 'refresh'],
      ['settings', 'openSettings'],
      ['quit', 'quit'],
    ] as const) {
      menu.click(id);
      expect(t.actions[action]).toHaveBeenCalledTimes(1);
    }
  });

  it('pauses for an hour or until tomorrow 08:00', () => {
    t.controller.update(status([acme(1)]));
    t.menu().click('pause-hour');
    expect(t.actions.pause).toHaveBeenLastCalledWith(new Date(2026, 2, 10, 14, 30));
    t.menu().click('pause-tomorrow');
    expect(t.actions.pause).toHaveBeenLastCalledWith(new Date(2026, 2, 11, 8, 0));
    expect(pauseEnd('tomorrow', new Date(2026, 11, 31, 23, 59))).toEqual(new Date(2027, 0, 1, 8));
  });

  it('cannot refresh or pause before any sign-in', () => {
    expect(t.menu().item('refresh')?.enabled).toBe(false);
    expect(t.menu().item('pause')?.enabled).toBe(false);
  });

  it('sets the context menu again after every change (Linux applies changes only then)', () => {
    t.controller.update(status([acme(1)]));
    const first = t.tray.contextMenu;
    t.controller.setHotkey('Control+Alt+Space');
    expect(t.tray.contextMenu).not.toBe(first);
    expect(t.tray.contextMenu?.item('search')?.accelerator).toBe('Control+Alt+Space');
    t.controller.setHotkey(null);
    expect(t.tray.contextMenu?.item('search')?.accelerator).toBeUndefined();
  });

  it('toggles the widget on a left click', () => {
    t.tray.emit('click');
    expect(t.actions.toggleWidget).toHaveBeenCalledTimes(1);
  });

  it('never sets a title or keeps a tooltip past the 127 characters Windows shows', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...community(i),
      label: `Instance ${i}`,
    }));
    const win = setup('win32');
    win.controller.update(status(many));
    expect(win.tray.tooltip.length).toBeLessThanOrEqual(127);
    expect(win.tray.tooltip.endsWith('…')).toBe(true);
    expect(win.tray.calls).not.toContain('setTitle');
    expect(win.badge).toEqual([]);
  });
});

describe('the tray on macOS', () => {
  it('uses template images, shows the count as the title and the menu on right click only', () => {
    const t = setup('darwin');
    t.controller.update(status([acme(2), community(40)]));
    expect(t.tray.image?.template).toBe(true);
    expect(t.tray.title).toBe('42');
    expect(t.tray.contextMenu).toBeNull();
    t.tray.emit('click');
    expect(t.actions.toggleWidget).toHaveBeenCalledTimes(1);
    expect(t.menu().labels[0]).toBe('Open notifications');
    t.controller.update(status([acme(0)]));
    expect(t.tray.title).toBe('');
    t.controller.update(status([acme(150)]));
    expect(t.tray.title).toBe('99+');
    expect(t.badge.at(-1)).toBe(150);
  });
});
