/**
 * Reads the widget's list as a user sees it: the virtual list keeps only the rows in view in the
 * DOM, so this scrolls through it and collects every row once, in order.
 */
import type { Page } from '@playwright/test';

export interface ShownGroup {
  workPackageId: number;
  subject: string;
  count: number;
}

interface RowScope {
  document: {
    querySelector(selector: string): {
      scrollTop: number;
      clientHeight: number;
      scrollHeight: number;
    } | null;
    querySelectorAll(selector: string): Iterable<{
      getAttribute(name: string): string | null;
      querySelector(selector: string): { textContent: string | null } | null;
    }>;
  };
}

export async function shownGroups(page: Page): Promise<ShownGroup[]> {
  const rows = new Map<number, ShownGroup>();
  await page.evaluate(() => {
    const list = (globalThis as unknown as RowScope).document.querySelector('.group-scroll');
    if (list) list.scrollTop = 0;
  });
  for (let step = 0; step < 500; step += 1) {
    await page.waitForTimeout(50); // the virtual list renders the rows of the new position
    const batch = await page.evaluate(() =>
      [...(globalThis as unknown as RowScope).document.querySelectorAll('.group-row')].map(
        (row) => ({
          index: Number(row.getAttribute('data-index')),
          id: row.querySelector('.wp-id')?.textContent ?? '',
          subject: row.querySelector('.group-subject')?.textContent ?? '',
          count: row.querySelector('.count [aria-hidden="true"]')?.textContent ?? '1',
        }),
      ),
    );
    for (const row of batch) {
      rows.set(row.index, {
        workPackageId: Number(row.id.replace(/\D/g, '')),
        subject: row.subject,
        count: Number(row.count),
      });
    }
    const atEnd = await page.evaluate(() => {
      const list = (globalThis as unknown as RowScope).document.querySelector('.group-scroll');
      if (!list || list.scrollTop + list.clientHeight >= list.scrollHeight - 1) return true;
      list.scrollTop += list.clientHeight;
      return false;
    });
    if (atEnd) break;
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}
