import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { widgetPositionFile } from '../../main/shell/widget-position';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("the widget's remembered position", () => {
  it('is saved to its file and read back', () => {
    dir = mkdtempSync(join(tmpdir(), 'widget-position-'));
    const file = join(dir, 'sub', 'widget-position.json');
    const position = widgetPositionFile(file);
    expect(position.load()).toBeNull();
    position.save({ x: 120, y: -40 });
    expect(widgetPositionFile(file).load()).toEqual({ x: 120, y: -40 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 120, y: -40 });
  });

  it('is no position when the file is damaged or holds something else', () => {
    dir = mkdtempSync(join(tmpdir(), 'widget-position-'));
    const file = join(dir, 'widget-position.json');
    for (const text of ['{', 'null', '[1,2]', '{"x":1.5,"y":2}', '{"x":"1","y":2}']) {
      writeFileSync(file, text);
      expect(widgetPositionFile(file).load()).toBeNull();
    }
  });

  it('reports a failed write and carries on', () => {
    dir = mkdtempSync(join(tmpdir(), 'widget-position-'));
    writeFileSync(join(dir, 'blocker'), '');
    const problems: string[] = [];
    widgetPositionFile(join(dir, 'blocker', 'widget-position.json'), (m) => problems.push(m)).save({
      x: 1,
      y: 2,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^The widget's position was not saved/);
  });
});
