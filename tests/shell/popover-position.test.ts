import { describe, expect, it } from 'vitest';
import { panelEdge, popoverPosition, POPOVER_GAP } from '../../main/shell/popover-position';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const size = { width: 400, height: 560 };

describe('the widget popover position', () => {
  it('sits above a Windows taskbar at the bottom, centred on the tray icon', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const trayBounds = { x: 1700, y: 1045, width: 24, height: 30 };
    expect(
      popoverPosition({ trayBounds, screenBounds: screen, workArea, windowSize: size }),
    ).toEqual({
      x: 1712 - 200,
      y: 1040 - 560 - POPOVER_GAP,
    });
  });

  it('hangs below the macOS menu bar and stays on screen near the right edge', () => {
    const workArea = { x: 0, y: 25, width: 1920, height: 1055 };
    const trayBounds = { x: 1880, y: 0, width: 30, height: 24 };
    expect(
      popoverPosition({ trayBounds, screenBounds: screen, workArea, windowSize: size }),
    ).toEqual({
      x: 1920 - 400 - POPOVER_GAP,
      y: 25 + POPOVER_GAP,
    });
  });

  it('sits beside a taskbar on the left or right edge', () => {
    const left = { x: 60, y: 0, width: 1860, height: 1080 };
    const leftTray = { x: 10, y: 1000, width: 40, height: 30 };
    expect(
      popoverPosition({
        trayBounds: leftTray,
        screenBounds: screen,
        workArea: left,
        windowSize: size,
      }),
    ).toEqual({ x: 60 + POPOVER_GAP, y: 1080 - 560 - POPOVER_GAP });
    const right = { x: 0, y: 0, width: 1860, height: 1080 };
    const rightTray = { x: 1870, y: 300, width: 40, height: 30 };
    expect(
      popoverPosition({
        trayBounds: rightTray,
        screenBounds: screen,
        workArea: right,
        windowSize: size,
      }),
    ).toEqual({ x: 1860 - 400 - POPOVER_GAP, y: 315 - 280 });
  });

  it('works on a second display with negative coordinates and an auto-hidden taskbar', () => {
    const second = { x: -1280, y: 0, width: 1280, height: 1024 };
    const trayBounds = { x: -100, y: 990, width: 24, height: 30 };
    expect(
      popoverPosition({ trayBounds, screenBounds: second, workArea: second, windowSize: size }),
    ).toEqual({ x: -1280 + 1280 - 400 - POPOVER_GAP, y: 1024 - 560 - POPOVER_GAP });
  });

  it('without tray bounds goes to the top-right under a top panel (GNOME) or with no panel (Wayland)', () => {
    const gnome = { x: 0, y: 32, width: 1920, height: 1048 };
    expect(
      popoverPosition({
        trayBounds: null,
        screenBounds: screen,
        workArea: gnome,
        windowSize: size,
      }),
    ).toEqual({ x: 1920 - 400 - POPOVER_GAP, y: 32 + POPOVER_GAP });
    const wayland = { ...screen };
    const empty = { x: 0, y: 0, width: 0, height: 0 };
    expect(
      popoverPosition({
        trayBounds: empty,
        screenBounds: screen,
        workArea: wayland,
        windowSize: size,
      }),
    ).toEqual({ x: 1920 - 400 - POPOVER_GAP, y: POPOVER_GAP });
  });

  it('without tray bounds goes to the bottom-right above a bottom panel (KDE, Cinnamon)', () => {
    const kde = { x: 0, y: 0, width: 1920, height: 1036 };
    expect(popoverPosition({ screenBounds: screen, workArea: kde, windowSize: size })).toEqual({
      x: 1920 - 400 - POPOVER_GAP,
      y: 1036 - 560 - POPOVER_GAP,
    });
  });

  it('uses the remembered place when it still fits on the screen, and ignores it otherwise', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 };
    const input = { screenBounds: screen, workArea, windowSize: size };
    expect(popoverPosition({ ...input, remembered: { x: 100, y: 200 } })).toEqual({
      x: 100,
      y: 200,
    });
    expect(popoverPosition({ ...input, remembered: { x: 1800, y: 200 } })).toEqual({
      x: 1920 - 400 - POPOVER_GAP,
      y: 32 + POPOVER_GAP,
    });
  });

  it('keeps a window larger than the screen at the work area origin', () => {
    const tiny = { x: 0, y: 0, width: 320, height: 480 };
    expect(
      popoverPosition({ screenBounds: tiny, workArea: tiny, windowSize: size, trayBounds: null }),
    ).toEqual({ x: 0, y: 0 });
  });

  it('tells the panel edge from the work area, or from the tray when the taskbar hides itself', () => {
    expect(panelEdge(screen, { x: 0, y: 0, width: 1920, height: 1040 })).toBe('bottom');
    expect(panelEdge(screen, { x: 0, y: 25, width: 1920, height: 1055 })).toBe('top');
    expect(panelEdge(screen, screen)).toBeNull();
    expect(panelEdge(screen, screen, { x: 1800, y: 2, width: 20, height: 20 })).toBe('top');
  });
});
