/** Where the widget pops up: a pure function of the tray's place, the screen and the window size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PopoverInput {
  /** The tray icon's bounds; missing or empty where the OS does not tell (Linux, Wayland). */
  trayBounds?: Rect | null;
  /** The display the widget goes on: its whole area and the part not covered by panels/taskbars. */
  screenBounds: Rect;
  workArea: Rect;
  windowSize: { width: number; height: number };
  /** Where the user last moved the widget to, used when there are no tray bounds. */
  remembered?: Point | null;
}

/** Space between the widget and the panel/taskbar or the screen edge. */
export const POPOVER_GAP = 8;

export type PanelEdge = 'top' | 'bottom' | 'left' | 'right';

/** Which edge the panel or taskbar is on, from how the work area is inset in the screen. */
export function panelEdge(screen: Rect, work: Rect, trayBounds?: Rect | null): PanelEdge | null {
  const insets: [PanelEdge, number][] = [
    ['top', work.y - screen.y],
    ['bottom', screen.y + screen.height - (work.y + work.height)],
    ['left', work.x - screen.x],
    ['right', screen.x + screen.width - (work.x + work.width)],
  ];
  const [edge, inset] = insets.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (inset > 0) return edge;
  // An auto-hidden taskbar leaves no inset: the tray icon's own position tells.
  if (hasArea(trayBounds)) {
    return trayBounds.y + trayBounds.height / 2 < screen.y + screen.height / 2 ? 'top' : 'bottom';
  }
  return null;
}

export function popoverPosition(input: PopoverInput): Point {
  const { trayBounds, screenBounds, workArea, windowSize, remembered } = input;
  const { width, height } = windowSize;
  const right = workArea.x + workArea.width;
  const bottom = workArea.y + workArea.height;
  const clampX = (x: number): number =>
    clamp(x, workArea.x + POPOVER_GAP, right - width - POPOVER_GAP, workArea.x);
  const clampY = (y: number): number =>
    clamp(y, workArea.y + POPOVER_GAP, bottom - height - POPOVER_GAP, workArea.y);

  if (hasArea(trayBounds)) {
    const centreX = trayBounds.x + trayBounds.width / 2;
    const centreY = trayBounds.y + trayBounds.height / 2;
    switch (panelEdge(screenBounds, workArea, trayBounds)) {
      case 'top':
        return round({ x: clampX(centreX - width / 2), y: workArea.y + POPOVER_GAP });
      case 'left':
        return round({ x: workArea.x + POPOVER_GAP, y: clampY(centreY - height / 2) });
      case 'right':
        return round({ x: right - width - POPOVER_GAP, y: clampY(centreY - height / 2) });
      case 'bottom':
      case null:
        return round({ x: clampX(centreX - width / 2), y: bottom - height - POPOVER_GAP });
    }
  }

  // No tray position: where the user put it last, if that is still on this screen…
  if (remembered && contains(workArea, remembered, windowSize)) return round(remembered);
  // …else the corner next to the panel's notification area: bottom-right for a bottom panel,
  // top-right otherwise (GNOME's top bar, or a Wayland session that reports no panel at all).
  const edge = panelEdge(screenBounds, workArea);
  const y = edge === 'bottom' ? bottom - height - POPOVER_GAP : workArea.y + POPOVER_GAP;
  const x = edge === 'left' ? workArea.x + POPOVER_GAP : right - width - POPOVER_GAP;
  return round({ x: clampX(x), y: clampY(y) });
}

function hasArea(rect: Rect | null | undefined): rect is Rect {
  return !!rect && rect.width > 0 && rect.height > 0;
}

function contains(area: Rect, point: Point, size: { width: number; height: number }): boolean {
  return (
    point.x >= area.x &&
    point.y >= area.y &&
    point.x + size.width <= area.x + area.width &&
    point.y + size.height <= area.y + area.height
  );
}

/** Clamps into [min, max]; when the window is larger than the area, aligns it to `fallback`. */
function clamp(value: number, min: number, max: number, fallback: number): number {
  if (max < min) return fallback;
  return Math.min(Math.max(value, min), max);
}

function round(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}
