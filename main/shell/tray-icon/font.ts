import { fill, rect, type Bitmap, type Rgb } from './bitmap';

/** A 3×5 pixel font for the unread count: digits and '+'. Rows top to bottom, '#' = ink. */
export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;
export const GLYPH_SPACING = 1;

const GLYPH_ROWS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

export type GlyphMask = readonly (readonly boolean[])[];

/** The glyph's pixels as booleans, [row][column]; throws for a character the font lacks. */
export function glyphMask(char: string): GlyphMask {
  const rows = GLYPH_ROWS[char];
  if (!rows) throw new Error(`The tray font has no glyph for ${JSON.stringify(char)}.`);
  return rows.map((row) => [...row].map((c) => c === '#'));
}

export const FONT_CHARACTERS = Object.keys(GLYPH_ROWS);

/** Width in font pixels (before scaling) of the text set in this font. */
export function textWidth(text: string): number {
  return text.length === 0 ? 0 : text.length * (GLYPH_WIDTH + GLYPH_SPACING) - GLYPH_SPACING;
}

/** Draws the text with its top-left corner at (x, y), each font pixel a `scale`×`scale` block. */
export function drawText(
  bitmap: Bitmap,
  text: string,
  x: number,
  y: number,
  scale: number,
  color: Rgb,
): void {
  [...text].forEach((char, index) => {
    const left = x + index * (GLYPH_WIDTH + GLYPH_SPACING) * scale;
    glyphMask(char).forEach((row, gy) =>
      row.forEach((ink, gx) => {
        if (ink) fill(bitmap, rect(left + gx * scale, y + gy * scale, scale, scale), color);
      }),
    );
  });
}
