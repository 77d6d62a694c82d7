import { crc32, deflateSync } from 'node:zlib';
import type { Bitmap } from './bitmap';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;
const METERS_PER_INCH = 0.0254;

export interface PngOptions {
  /** Written as a pHYs chunk: 72 for 1x, 144 for 2x (macOS reads @2x images at 144 dpi). */
  dpi?: number;
}

/** Encodes an RGBA bitmap as a PNG (8-bit RGBA, no interlace, filter type 0 on every row). */
export function encodePng(bitmap: Bitmap, options: PngOptions = {}): Buffer {
  const { width, height, data } = bitmap;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = COLOR_TYPE_RGBA;
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }

  const chunks = [chunk('IHDR', header)];
  if (options.dpi) {
    const perMeter = Math.round(options.dpi / METERS_PER_INCH);
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(perMeter, 0);
    phys.writeUInt32BE(perMeter, 4);
    phys[8] = 1; // unit: metre
    chunks.push(chunk('pHYs', phys));
  }
  chunks.push(chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([SIGNATURE, ...chunks]);
}

function chunk(type: string, body: Buffer): Buffer {
  const typeAndBody = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const out = Buffer.alloc(8 + body.length + 4);
  out.writeUInt32BE(body.length, 0);
  typeAndBody.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndBody), 8 + body.length);
  return out;
}
