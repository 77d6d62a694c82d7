/**
 * Pure text helpers for the CLI's human output: relative times and aligned columns. Reason words
 * come from the table the toasts use too (core/notify/reason-labels.ts).
 */
import { displayWidth, truncateToWidth } from './text-width';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 days ago", "4 months ago"; future times as "in …". */
export function relativeTime(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const diff = now.getTime() - then;
  const span = Math.abs(diff);
  if (span < 45_000) return 'just now';
  const text = spanText(span);
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

function spanText(span: number): string {
  if (span < HOUR) return `${Math.max(1, Math.round(span / MINUTE))} min`;
  if (span < DAY) return `${Math.round(span / HOUR)} h`;
  const days = Math.round(span / DAY);
  if (days < 30) return plural(days, 'day');
  if (days < 365) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.round(days / 365.25), 'year');
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** Cuts text to `width` terminal columns, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  return truncateToWidth(text, width);
}

/** One table cell: its plain text (which sets the width) and how to paint it. */
export interface Cell {
  text: string;
  paint?: (text: string) => string;
  align?: 'left' | 'right';
}

export interface TableOptions {
  /**
   * When the table is wider than `width`, these columns give way, in this order, each down to
   * its `min` (e.g. the subject first, then the project).
   */
  shrink?: readonly { column: number; min: number }[];
  /** The terminal's width; undefined means no limit (e.g. output piped to a file). */
  width?: number;
  gap?: number;
}

/** Lays rows out in aligned columns; the last column is not padded (no trailing spaces). */
export function table(rows: readonly (readonly Cell[])[], options: TableOptions = {}): string[] {
  const gap = options.gap ?? 2;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell.text));
    });
  }
  if (options.width !== undefined) {
    let excess = widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1) - options.width;
    for (const { column, min } of options.shrink ?? []) {
      const current = widths[column];
      if (excess <= 0 || current === undefined) break;
      const next = Math.max(Math.min(min, current), current - excess);
      excess -= current - next;
      widths[column] = next;
    }
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const text = truncate(cell.text, width);
        const padding = ' '.repeat(Math.max(0, width - displayWidth(text)));
        const painted = cell.paint ? cell.paint(text) : text;
        if (cell.align === 'right') return padding + painted;
        return i === row.length - 1 ? painted : painted + padding;
      })
      .join(' '.repeat(gap))
      .trimEnd(),
  );
}
