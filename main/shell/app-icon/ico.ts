import type { Bitmap } from '../tray-icon/bitmap';
import { encodePng } from '../tray-icon/png';

/**
 * A Windows .ico: PNG-compressed for 256 px, classic 32-bit DIB (BGRA + AND mask) below that,
 * which every Windows icon reader (Explorer, NSIS, rcedit) accepts.
 */
export function encodeIco(bitmaps: readonly Bitmap[]): Buffer {
  const images = bitmaps.map((b) => (b.width >= 256 ? encodePng(b) : encodeDib(b)));
  const header = Buffer.alloc(6 + 16 * bitmaps.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(bitmaps.length, 4);
  let offset = header.length;
  bitmaps.forEach((bitmap, i) => {
    const entry = 6 + 16 * i;
    header[entry] = bitmap.width >= 256 ? 0 : bitmap.width;
    header[entry + 1] = bitmap.height >= 256 ? 0 : bitmap.height;
    header[entry + 2] = 0; // no palette
    header[entry + 3] = 0;
    header.writeUInt16LE(1, entry + 4); // planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(images[i]!.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([header, ...images]);
}

function encodeDib(bitmap: Bitmap): Buffer {
  const { width, height, data } = bitmap;
  const maskStride = Math.ceil(width / 32) * 4;
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(width, 4);
  info.writeInt32LE(height * 2, 8); // colour rows + mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(0, 16); // BI_RGB
  info.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  const pixels = Buffer.alloc(width * height * 4);
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y; // bottom-up
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 4;
      const dst = (row * width + x) * 4;
      pixels[dst] = data[src + 2] ?? 0;
      pixels[dst + 1] = data[src + 1] ?? 0;
      pixels[dst + 2] = data[src] ?? 0;
      pixels[dst + 3] = data[src + 3] ?? 0;
      if ((data[src + 3] ?? 0) === 0) {
        const byte = row * maskStride + (x >> 3);
        mask[byte] = (mask[byte] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([info, pixels, mask]);
}
