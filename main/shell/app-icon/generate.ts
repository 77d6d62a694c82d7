/**
 * Writes the application icons into assets/icons (run: `npx tsx main/shell/app-icon/generate.ts`):
 * linux/<n>x<n>.png for the hicolor theme, icon.png (1024), icon.ico (Windows) and icon.icns (macOS).
 * tests/shell/app-icon.test.ts fails when the committed files differ from what this produces.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bitmap } from '../tray-icon/bitmap';
import { encodePng } from '../tray-icon/png';
import { encodeIcns } from './icns';
import { encodeIco } from './ico';
import { APP_ICON_SIZES, renderAppIcon } from './render';

const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** Every icon file, by its path relative to assets/icons. */
export function appIconFiles(): Map<string, Buffer> {
  const bitmaps = new Map<number, Bitmap>(
    APP_ICON_SIZES.map((size) => [size, renderAppIcon(size)]),
  );
  const at = (size: number): Bitmap => bitmaps.get(size)!;
  const files = new Map<string, Buffer>();
  for (const size of LINUX_SIZES) files.set(`linux/${size}x${size}.png`, encodePng(at(size)));
  files.set('icon.png', encodePng(at(1024)));
  files.set('icon.ico', encodeIco(ICO_SIZES.map(at)));
  files.set('icon.icns', encodeIcns(bitmaps));
  return files;
}

export function writeAppIcons(dir: string): string[] {
  const written: string[] = [];
  for (const [name, content] of appIconFiles()) {
    const path = join(dir, name);
    mkdirSync(resolve(path, '..'), { recursive: true });
    writeFileSync(path, content);
    written.push(path);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(import.meta.dirname, '../../../assets/icons');
  for (const path of writeAppIcons(dir)) console.log(`wrote ${path}`);
}
