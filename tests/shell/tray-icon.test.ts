import { describe, expect, it } from 'vitest';
import { createBitmap } from '../../main/shell/tray-icon/bitmap';
import {
  FONT_CHARACTERS,
  glyphMask,
  GLYPH_HEIGHT,
  GLYPH_WIDTH,
} from '../../main/shell/tray-icon/font';
import {
  badgeText,
  countBadgeLayout,
  trayIconImages,
  TRAY_ICON_STATES,
  type TrayIconRequest,
} from '../../main/shell/tray-icon/index';
import { PALETTE } from '../../main/shell/tray-icon/palette';
import { encodePng } from '../../main/shell/tray-icon/png';
import { contrastRatio, decodePng, pixel, type DecodedPng } from './support/png-decode';

const WHITE_OPAQUE = [255, 255, 255, 255];

function images(request: TrayIconRequest): { 1: DecodedPng; 2: DecodedPng } {
  const [one, two] = trayIconImages(request);
  expect(one?.scaleFactor).toBe(1);
  expect(two?.scaleFactor).toBe(2);
  return { 1: decodePng(one!.png), 2: decodePng(two!.png) };
}

const isInk = (image: DecodedPng, x: number, y: number): boolean =>
  pixel(image, x, y).every((v, i) => v === WHITE_OPAQUE[i]);

/** Reads the count drawn into an icon: finds the ink, splits it into glyphs, matches the font. */
function readCount(image: DecodedPng, scale: number): string {
  const ink: [number, number][] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) if (isInk(image, x, y)) ink.push([x, y]);
  }
  if (ink.length === 0) return '';
  const top = Math.min(...ink.map(([, y]) => y));
  const left = Math.min(...ink.map(([x]) => x));
  const right = Math.max(...ink.map(([x]) => x));
  let text = '';
  let inkPixelsInGlyphs = 0;
  for (let x = left; x <= right;) {
    const columnHasInk = ink.some(([ix]) => ix === x);
    if (!columnHasInk) {
      x += scale;
      continue;
    }
    const match = FONT_CHARACTERS.find((char) =>
      glyphMask(char).every((row, gy) =>
        row.every((on, gx) => isInk(image, x + gx * scale, top + gy * scale) === on),
      ),
    );
    if (!match) return `${text}?`;
    text += match;
    inkPixelsInGlyphs += glyphMask(match).flat().filter(Boolean).length * scale * scale;
    x += GLYPH_WIDTH * scale;
  }
  // No stray ink outside the glyphs.
  return inkPixelsInGlyphs === ink.length ? text : `${text}~`;
}

describe('the PNG encoder', () => {
  it('writes a PNG that a strict reader decodes to the same pixels', () => {
    const bitmap = createBitmap(5, 3);
    bitmap.data.forEach((_, i) => (bitmap.data[i] = (i * 37) % 256));
    const decoded = decodePng(encodePng(bitmap, { dpi: 144 }));
    expect([decoded.width, decoded.height]).toEqual([5, 3]);
    expect([...decoded.data]).toEqual([...bitmap.data]);
    expect(decoded.chunkTypes).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(decoded.pixelsPerMeter).toBe(5669);
  });
});

describe('the badge text', () => {
  it('shows 1 to 99 as they are and anything above as 99+', () => {
    expect([0, 1, 7, 42, 99, 100, 12345].map(badgeText)).toEqual([
      '',
      '1',
      '7',
      '42',
      '99',
      '99+',
      '99+',
    ]);
    expect(badgeText(-3)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
  });
});

describe('tray icons', () => {
  const allRequests: TrayIconRequest[] = [
    ...TRAY_ICON_STATES.map((state) => ({ state, count: 5 })),
    ...TRAY_ICON_STATES.map((state) => ({ state, template: true })),
  ];

  it.each(allRequests)(
    '$state (template: $template) is 16×16 and 32×32 with clear corners',
    (request) => {
      const icon = images(request);
      for (const scale of [1, 2] as const) {
        const image = icon[scale];
        expect([image.width, image.height]).toEqual([16 * scale, 16 * scale]);
        const last = 16 * scale - 1;
        for (const [x, y] of [
          [0, 0],
          [last, 0],
          [0, last],
          [last, last],
        ] as const) {
          expect(pixel(image, x, y)[3], `corner ${x},${y} at ${scale}x`).toBe(0);
        }
        expect(
          image.data.some((v, i) => i % 4 === 3 && v === 255),
          'has opaque pixels',
        ).toBe(true);
      }
    },
  );

  it.each([1, 7, 9, 10, 42, 99, 100, 250, 100000])(
    'draws the count %i legibly at 1x and 2x',
    (count) => {
      const icon = images({ state: 'unread', count });
      expect(readCount(icon[1], 1)).toBe(badgeText(count));
      expect(readCount(icon[2], 2)).toBe(badgeText(count));
    },
  );

  it.each(['7', '42', '99+'])(
    'puts the glyphs of %s at the layout positions, on the badge colour',
    (text) => {
      const count = text === '99+' ? 120 : Number(text);
      const icon = images({ state: 'unread', count });
      for (const scale of [1, 2] as const) {
        const image = icon[scale];
        const layout = countBadgeLayout(text, scale);
        expect(layout.x).toBeGreaterThanOrEqual(0);
        expect(layout.y + layout.height).toBe(15 * scale);
        [...text].forEach((char, index) => {
          const glyphX = layout.textX + index * (GLYPH_WIDTH + 1) * scale;
          glyphMask(char).forEach((row, gy) =>
            row.forEach((on, gx) => {
              for (let dy = 0; dy < scale; dy++) {
                for (let dx = 0; dx < scale; dx++) {
                  const p = pixel(image, glyphX + gx * scale + dx, layout.textY + gy * scale + dy);
                  expect(p, `${char} (${gx},${gy}) at ${scale}x`).toEqual(
                    on ? WHITE_OPAQUE : [...PALETTE.badge, 255],
                  );
                }
              }
            }),
          );
        });
      }
    },
  );

  it('keeps the digits readable: high contrast to the badge and no half-transparent pixels', () => {
    expect(contrastRatio(PALETTE.badgeInk, PALETTE.badge)).toBeGreaterThan(4.5);
    for (const count of [8, 64, 150]) {
      const text = badgeText(count);
      const icon = images({ state: 'unread', count });
      for (const scale of [1, 2] as const) {
        const image = icon[scale];
        const layout = countBadgeLayout(text, scale);
        const textWidthPx = (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
        // The text box and a one-font-pixel margin beside and above/below it (the margin's diagonal
        // corners may be rounded off): only solid ink or solid badge colour.
        const top = layout.textY - scale;
        const bottom = layout.textY + (GLYPH_HEIGHT + 1) * scale - 1;
        const left = layout.textX - scale;
        const right = layout.textX + textWidthPx + scale - 1;
        for (let y = top; y <= bottom; y++) {
          for (let x = left; x <= right; x++) {
            const inMarginCorner =
              (y < top + scale || y > bottom - scale) && (x < left + scale || x > right - scale);
            if (inMarginCorner) continue;
            const p = pixel(image, x, y);
            expect(p[3], `alpha at ${x},${y} (${scale}x)`).toBe(255);
            expect(
              contrastRatio(p, PALETTE.badge) === 1 || contrastRatio(p, WHITE_OPAQUE) === 1,
            ).toBe(true);
          }
        }
      }
    }
  });

  it('gives every state its own picture, at 1x and 2x, coloured and as template', () => {
    for (const template of [false, true]) {
      for (const scale of [1, 2] as const) {
        const pictures = TRAY_ICON_STATES.map(
          (state) => images({ state, count: 3, template })[scale],
        );
        for (let a = 0; a < pictures.length; a++) {
          for (let b = a + 1; b < pictures.length; b++) {
            let differing = 0;
            for (let i = 0; i < pictures[a]!.data.length; i += 4) {
              const pa = pictures[a]!.data.subarray(i, i + 4);
              const pb = pictures[b]!.data.subarray(i, i + 4);
              // Compare what a person sees: colour weighted by opacity.
              const seen = (p: Uint8Array): number[] => [0, 1, 2].map((c) => (p[c]! * p[3]!) / 255);
              const delta = Math.max(...seen(pa).map((v, c) => Math.abs(v - seen(pb)[c]!)));
              if (delta > 40 || Math.abs(pa[3]! - pb[3]!) > 80) differing++;
            }
            const label = `${TRAY_ICON_STATES[a]} vs ${TRAY_ICON_STATES[b]} (${scale}x, template ${template})`;
            expect(differing, label).toBeGreaterThanOrEqual(6 * scale * scale);
          }
        }
      }
    }
  });

  it('makes macOS template icons black with alpha only, and never draws the count into them', () => {
    for (const state of TRAY_ICON_STATES) {
      const icon = images({ state, count: 42, template: true });
      for (const image of [icon[1], icon[2]]) {
        for (let i = 0; i < image.data.length; i += 4) {
          expect([image.data[i], image.data[i + 1], image.data[i + 2]]).toEqual([0, 0, 0]);
        }
      }
    }
    expect(readCount(images({ state: 'unread', count: 42, template: true })[2], 2)).toBe('');
  });

  it('marks 2x images as 144 dpi so macOS treats them as @2x', () => {
    const icon = images({ state: 'normal' });
    expect(icon[1].pixelsPerMeter).toBe(2835);
    expect(icon[2].pixelsPerMeter).toBe(5669);
  });
});
