/**
 * A tiny RGBA raster: enough to draw tray icons and app icons from shapes without a canvas dependency.
 * Shapes are inside-tests in pixel coordinates; edges are anti-aliased by 4×4 supersampling, while
 * shapes aligned to the pixel grid (digits, bars) come out with fully opaque pixels and no fuzz.
 */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  /** Row-major RGBA, 4 bytes per pixel, not premultiplied. */
  readonly data: Uint8Array;
}

export type Rgb = readonly [number, number, number];

/** Tells whether the point (x, y) in pixel coordinates lies inside the shape. */
export type Shape = (x: number, y: number) => boolean;

const SUBSAMPLES = 4;

export function createBitmap(width: number, height: number): Bitmap {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

export function pixelAt(bitmap: Bitmap, x: number, y: number): [number, number, number, number] {
  const i = (y * bitmap.width + x) * 4;
  const d = bitmap.data;
  return [d[i] ?? 0, d[i + 1] ?? 0, d[i + 2] ?? 0, d[i + 3] ?? 0];
}

/** The share (0…1) of pixel (px, py) covered by the shape. */
export function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      if (shape(px + (sx + 0.5) / SUBSAMPLES, py + (sy + 0.5) / SUBSAMPLES)) inside++;
    }
  }
  return inside / (SUBSAMPLES * SUBSAMPLES);
}

/** Paints the shape in the colour over what is there (source-over compositing). */
export function fill(bitmap: Bitmap, shape: Shape, color: Rgb, opacity = 1): void {
  forEachCovered(bitmap, shape, (i, cover) => {
    const d = bitmap.data;
    const srcA = cover * opacity;
    const dstA = (d[i + 3] ?? 0) / 255;
    const outA = srcA + dstA * (1 - srcA);
    if (outA === 0) return;
    for (let c = 0; c < 3; c++) {
      const blended = (color[c]! * srcA + (d[i + c] ?? 0) * dstA * (1 - srcA)) / outA;
      d[i + c] = Math.round(blended);
    }
    d[i + 3] = Math.round(outA * 255);
  });
}

/** Cuts the shape out of what is there (destination-out), leaving transparency. */
export function erase(bitmap: Bitmap, shape: Shape): void {
  forEachCovered(bitmap, shape, (i, cover) => {
    const d = bitmap.data;
    d[i + 3] = Math.round((d[i + 3] ?? 0) * (1 - cover));
    if (d[i + 3] === 0) d.fill(0, i, i + 3);
  });
}

function forEachCovered(
  bitmap: Bitmap,
  shape: Shape,
  paint: (index: number, cover: number) => void,
): void {
  for (let py = 0; py < bitmap.height; py++) {
    for (let px = 0; px < bitmap.width; px++) {
      const cover = coverage(shape, px, py);
      if (cover > 0) paint((py * bitmap.width + px) * 4, cover);
    }
  }
}

/** Every visible pixel becomes black, keeping its alpha: a macOS template image. */
export function toTemplate(bitmap: Bitmap): Bitmap {
  const out = createBitmap(bitmap.width, bitmap.height);
  for (let i = 0; i < bitmap.data.length; i += 4) out.data[i + 3] = bitmap.data[i + 3] ?? 0;
  return out;
}

// Shapes -------------------------------------------------------------------------------------

export const rect =
  (x: number, y: number, w: number, h: number): Shape =>
  (px, py) =>
    px >= x && px < x + w && py >= y && py < y + h;

export const circle =
  (cx: number, cy: number, r: number): Shape =>
  (px, py) =>
    (px - cx) ** 2 + (py - cy) ** 2 <= r * r;

export function roundedRect(x: number, y: number, w: number, h: number, radius: number): Shape {
  const r = Math.min(radius, w / 2, h / 2);
  return (px, py) => {
    if (px < x || px >= x + w || py < y || py >= y + h) return false;
    const cx = Math.min(Math.max(px, x + r), x + w - r);
    const cy = Math.min(Math.max(py, y + r), y + h - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
}

/** A thick line from (x1, y1) to (x2, y2) with round caps. */
export function segment(x1: number, y1: number, x2: number, y2: number, thickness: number): Shape {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSq = dx * dx + dy * dy;
  const half = thickness / 2;
  return (px, py) => {
    const t = lengthSq === 0 ? 0 : ((px - x1) * dx + (py - y1) * dy) / lengthSq;
    const k = Math.min(1, Math.max(0, t));
    return (px - (x1 + k * dx)) ** 2 + (py - (y1 + k * dy)) ** 2 <= half * half;
  };
}

export const union =
  (...shapes: Shape[]): Shape =>
  (px, py) =>
    shapes.some((s) => s(px, py));

export const subtract =
  (base: Shape, ...holes: Shape[]): Shape =>
  (px, py) =>
    base(px, py) && !holes.some((h) => h(px, py));

/** The same shape in a coordinate system scaled by `factor` (design units → pixels). */
export const scaled =
  (shape: Shape, factor: number): Shape =>
  (px, py) =>
    shape(px / factor, py / factor);

/** Everything within `by` units of the shape (a coarse dilation, used for gaps around badges). */
export function grown(shape: Shape, by: number): Shape {
  const steps = 8;
  const offsets: [number, number][] = [[0, 0]];
  for (let i = 0; i < steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    offsets.push([Math.cos(a) * by, Math.sin(a) * by]);
  }
  return (px, py) => offsets.some(([ox, oy]) => shape(px + ox, py + oy));
}
