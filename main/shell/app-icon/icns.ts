import type { Bitmap } from '../tray-icon/bitmap';
import { encodePng } from '../tray-icon/png';

/** macOS .icns element types holding PNG data, by pixel size and whether it is an @2x variant. */
const ICNS_TYPES: readonly { type: string; pixels: number; retina: boolean }[] = [
  { type: 'icp4', pixels: 16, retina: false },
  { type: 'icp5', pixels: 32, retina: false },
  { type: 'ic11', pixels: 32, retina: true },
  { type: 'icp6', pixels: 64, retina: false },
  { type: 'ic12', pixels: 64, retina: true },
  { type: 'ic07', pixels: 128, retina: false },
  { type: 'ic08', pixels: 256, retina: false },
  { type: 'ic13', pixels: 256, retina: true },
  { type: 'ic09', pixels: 512, retina: false },
  { type: 'ic14', pixels: 512, retina: true },
  { type: 'ic10', pixels: 1024, retina: true },
];

/** A macOS .icns made of PNG elements, from bitmaps keyed by their pixel size. */
export function encodeIcns(bySize: ReadonlyMap<number, Bitmap>): Buffer {
  const elements: Buffer[] = [];
  for (const { type, pixels, retina } of ICNS_TYPES) {
    const bitmap = bySize.get(pixels);
    if (!bitmap) continue;
    const png = encodePng(bitmap, { dpi: retina ? 144 : 72 });
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    elements.push(head, png);
  }
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
