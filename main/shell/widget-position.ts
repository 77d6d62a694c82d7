import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Point } from './popover-position';

/**
 * Where the user last dragged the widget (used only where the OS gives no tray bounds), kept in a
 * small JSON file of its own. A missing or damaged file is no position; a failed write is reported
 * and otherwise ignored (the widget then opens at its default place next time).
 */
export function widgetPositionFile(
  file: string,
  onProblem: (message: string) => void = () => {},
): { load(): Point | null; save(point: Point): void } {
  return {
    load() {
      try {
        const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (typeof value !== 'object' || value === null) return null;
        const { x, y } = value as Record<string, unknown>;
        return Number.isInteger(x) && Number.isInteger(y)
          ? { x: x as number, y: y as number }
          : null;
      } catch {
        return null;
      }
    },
    save({ x, y }) {
      try {
        mkdirSync(dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, `${JSON.stringify({ x, y })}\n`, { mode: 0o600 });
        renameSync(temporary, file);
      } catch (error) {
        onProblem(`The widget's position was not saved (${String(error)}).`);
      }
    },
  };
}
