import {
  createBitmap,
  erase,
  fill,
  grown,
  roundedRect,
  scaled,
  toTemplate,
  type Bitmap,
  type Shape,
} from './bitmap';
import { drawText, GLYPH_HEIGHT, textWidth } from './font';
import { PALETTE } from './palette';
import {
  bell,
  cornerBadge,
  exclamation,
  keyhole,
  padlock,
  pauseBars,
  slash,
  unreadDot,
} from './shapes';

export type TrayIconState = 'normal' | 'unread' | 'offline' | 'error' | 'signed-out' | 'paused';

export const TRAY_ICON_STATES: readonly TrayIconState[] = [
  'normal',
  'unread',
  'offline',
  'error',
  'signed-out',
  'paused',
];

export interface TrayIconRequest {
  state: TrayIconState;
  /** Unread count drawn into the 'unread' icon (not into template icons). */
  count?: number;
  /** A macOS template image: black + alpha, tinted by the menu bar. */
  template?: boolean;
}

/** The logical size of a tray icon; scale 2 renders 32×32 pixels. */
export const TRAY_ICON_SIZE = 16;
const GAP = 1;

/** '1'…'99', then '99+'; empty for no unread. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count < 1) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

export interface BadgeLayout {
  /** The badge in pixels of the scaled image. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Top-left of the first glyph, in pixels; each font pixel is `scale`×`scale`. */
  textX: number;
  textY: number;
  scale: number;
}

/**
 * Where the count badge and its digits go: a rounded box in the bottom-right corner, 7 units high
 * and one unit in from the edges,
 * its corner radius (2 units) small enough that every pixel beside a glyph is solid badge colour.
 */
export function countBadgeLayout(text: string, scale: number): BadgeLayout {
  const padX = 2;
  const padY = 1;
  const heightUnits = GLYPH_HEIGHT + 2 * padY;
  const widthUnits = Math.max(heightUnits, textWidth(text) + 2 * padX);
  // One unit in from the right and bottom edges: the image's corner pixel stays transparent.
  const xUnits = TRAY_ICON_SIZE - 1 - widthUnits;
  const yUnits = TRAY_ICON_SIZE - 1 - heightUnits;
  const textXUnits = xUnits + Math.floor((widthUnits - textWidth(text)) / 2);
  return {
    x: xUnits * scale,
    y: yUnits * scale,
    width: widthUnits * scale,
    height: heightUnits * scale,
    textX: textXUnits * scale,
    textY: (yUnits + padY) * scale,
    scale,
  };
}

/** Renders one tray icon at 16×16 × scale pixels. */
export function renderTrayIcon(request: TrayIconRequest, scale: number): Bitmap {
  const size = TRAY_ICON_SIZE * scale;
  const bitmap = createBitmap(size, size);
  const s = (shape: Shape): Shape => scaled(shape, scale);
  const template = request.template === true;
  const active =
    request.state === 'normal' || request.state === 'unread' || request.state === 'error';
  fill(bitmap, s(bell), active || template ? PALETTE.bell : PALETTE.inactive);

  /** A mark in the corner: cut a gap around it, paint it, then cut or paint its inner symbol. */
  const cornerMark = (outer: Shape, color: typeof PALETTE.bell, inner?: Shape): void => {
    erase(bitmap, s(grown(outer, GAP)));
    fill(bitmap, s(outer), color);
    if (inner) {
      if (template) erase(bitmap, s(inner));
      else fill(bitmap, s(inner), PALETTE.badgeInk);
    }
  };

  switch (request.state) {
    case 'normal':
      break;
    case 'unread': {
      const text = badgeText(request.count ?? 0);
      if (template || text === '') {
        cornerMarkDot(bitmap, s, template);
        break;
      }
      const layout = countBadgeLayout(text, scale);
      const badge = roundedRect(layout.x, layout.y, layout.width, layout.height, 2 * scale);
      erase(bitmap, grown(badge, GAP * scale));
      fill(bitmap, badge, PALETTE.badge);
      drawText(bitmap, text, layout.textX, layout.textY, scale, PALETTE.badgeInk);
      break;
    }
    case 'offline':
      erase(bitmap, s(grown(slash, 1)));
      fill(bitmap, s(slash), template ? PALETTE.black : PALETTE.inactive);
      break;
    case 'error':
      cornerMark(cornerBadge, PALETTE.error, exclamation);
      break;
    case 'signed-out':
      cornerMark(padlock, PALETTE.lock);
      erase(bitmap, s(keyhole));
      break;
    case 'paused':
      cornerMark(cornerBadge, PALETTE.pause, pauseBars);
      break;
  }
  return template ? toTemplate(bitmap) : bitmap;
}

function cornerMarkDot(bitmap: Bitmap, s: (shape: Shape) => Shape, template: boolean): void {
  erase(bitmap, s(grown(unreadDot, GAP)));
  fill(bitmap, s(unreadDot), template ? PALETTE.black : PALETTE.badge);
}
