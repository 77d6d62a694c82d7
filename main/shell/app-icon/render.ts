import {
  createBitmap,
  fill,
  roundedRect,
  scaled,
  type Bitmap,
  type Shape,
} from '../tray-icon/bitmap';
import { bell } from '../tray-icon/shapes';

/** The application icon: the tray's bell in white on a rounded OpenProject-blue square. */
const BACKGROUND = [0x1a, 0x67, 0xa3] as const;
const FOREGROUND = [0xff, 0xff, 0xff] as const;

/** The sizes written to assets/icons (Linux hicolor sizes, Windows ICO sizes, macOS ICNS sizes). */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

export function renderAppIcon(size: number): Bitmap {
  const bitmap = createBitmap(size, size);
  // A 1/16 margin leaves room for the OS's shadow; corners round at 22 % like current app icons.
  const margin = size / 16;
  const side = size - 2 * margin;
  fill(bitmap, roundedRect(margin, margin, side, side, side * 0.22), BACKGROUND);
  // The bell designed on a 16-unit grid, shrunk into the middle 62 % of the square.
  const bellScale = (side * 0.62) / 16;
  const offset = margin + (side - 16 * bellScale) / 2;
  const bellShape: Shape = (x, y) => scaled(bell, bellScale)(x - offset, y - offset);
  fill(bitmap, bellShape, FOREGROUND);
  return bitmap;
}
