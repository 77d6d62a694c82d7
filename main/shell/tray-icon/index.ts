import { encodePng } from './png';
import { renderTrayIcon, type TrayIconRequest } from './render';

export { badgeText, countBadgeLayout, TRAY_ICON_STATES, type TrayIconState } from './render';
export type { TrayIconRequest } from './render';

export interface TrayIconImage {
  scaleFactor: 1 | 2;
  png: Buffer;
}

/** The PNGs of one tray icon at 1x (16 px) and 2x (32 px), for `nativeImage` representations. */
export function trayIconImages(request: TrayIconRequest): TrayIconImage[] {
  return ([1, 2] as const).map((scaleFactor) => ({
    scaleFactor,
    png: encodePng(renderTrayIcon(request, scaleFactor), { dpi: 72 * scaleFactor }),
  }));
}
