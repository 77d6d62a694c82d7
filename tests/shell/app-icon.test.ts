import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appIconFiles } from '../../main/shell/app-icon/generate';
import { renderAppIcon } from '../../main/shell/app-icon/render';
import { decodePng, pixel } from './support/png-decode';

const ICONS = resolve(import.meta.dirname, '../../assets/icons');
const files = appIconFiles();

describe('the application icons in assets/icons', () => {
  it('are the ones the generator makes (run `npx tsx main/shell/app-icon/generate.ts` after a change)', () => {
    for (const [name, content] of files) {
      expect(readFileSync(resolve(ICONS, name)).equals(content), name).toBe(true);
    }
  });

  it('has a PNG per Linux hicolor size, square, with transparent corners and a filled middle', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = decodePng(files.get(`linux/${size}x${size}.png`)!);
      expect([png.width, png.height]).toEqual([size, size]);
      expect(pixel(png, 0, 0)[3]).toBe(0);
      expect(pixel(png, size - 1, size - 1)[3]).toBe(0);
      const middleAlpha = pixel(png, size / 2, size / 2)[3];
      expect(middleAlpha).toBe(255);
    }
  });

  it('writes a Windows .ico with 16…256 px images that match the renderer', () => {
    const ico = files.get('icon.ico')!;
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico[entry] === 0 ? 256 : ico[entry]!;
      sizes.push(size);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      const image = ico.subarray(offset, offset + length);
      const expected = renderAppIcon(size);
      if (size === 256) {
        expect([...decodePng(image).data]).toEqual([...expected.data]);
      } else {
        // BITMAPINFOHEADER, 32 bpp, height doubled for the mask; BGRA rows bottom-up.
        expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8)]).toEqual([
          40,
          size,
          size * 2,
        ]);
        expect(image.readUInt16LE(14)).toBe(32);
        const x = Math.floor(size / 2);
        const y = Math.floor(size / 3);
        const at = 40 + ((size - 1 - y) * size + x) * 4;
        const [r, g, b, a] = pixel(expected, x, y);
        expect([image[at + 2], image[at + 1], image[at], image[at + 3]]).toEqual([r, g, b, a]);
      }
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('writes a macOS .icns whose PNG elements have the sizes their types promise', () => {
    const icns = files.get('icon.icns')!;
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('latin1', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      found[type] = decodePng(icns.subarray(offset + 8, offset + length)).width;
      offset += length;
    }
    expect(found).toEqual({
      icp4: 16,
      icp5: 32,
      ic11: 32,
      icp6: 64,
      ic12: 64,
      ic07: 128,
      ic08: 256,
      ic13: 256,
      ic09: 512,
      ic14: 512,
      ic10: 1024,
    });
  });
});
