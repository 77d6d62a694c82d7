/**
 * Readable at 200 % zoom: each window at its real size with the page zoomed to 200 % (half the CSS
 * pixels, twice the device pixels, as Ctrl++ does in Chromium). Nothing may need a sideways scroll,
 * nothing may be cut off, and the main controls stay on screen and usable by keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { prepareView, sharedRun, CONTEXT_OPTIONS } from './support/run';
import { WINDOW_SIZES } from './support/screenshots';

test.use({ ...CONTEXT_OPTIONS, deviceScaleFactor: 2 });
test.describe.configure({ mode: 'serial' });

const run = sharedRun({ demo: true });

const zoomed = (size: { width: number; height: number }) => ({
  width: size.width / 2,
  height: size.height / 2,
});

/** Elements wider than the viewport or cut off at its right edge (the page must reflow instead). */
async function overflow(page: Page): Promise<{ scrollWidth: number; clipped: string[] }> {
  return page.evaluate(() => {
    interface Box {
      tagName: string;
      textContent: string | null;
      getClientRects(): { length: number };
      getBoundingClientRect(): { right: number };
    }
    const doc = (
      globalThis as unknown as {
        document: {
          documentElement: { clientWidth: number; scrollWidth: number };
          querySelectorAll(selector: string): Iterable<Box>;
        };
      }
    ).document;
    const width = doc.documentElement.clientWidth;
    const clipped = [...doc.querySelectorAll('button, a, input, select, h1, h2')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    return { scrollWidth: doc.documentElement.scrollWidth - width, clipped };
  });
}

test('the widget reflows at 200 %: no sideways scroll, rows and actions reachable', async ({
  page,
}) => {
  const errors = await prepareView(page, zoomed(WINDOW_SIZES.widget));
  await page.goto(run().harness.pageUrl('widget'));
  await expect(page.locator('.group-row').first()).toBeVisible();
  expect(await overflow(page)).toEqual({ scrollWidth: 0, clipped: [] });
  await expect(page.getByRole('button', { name: 'Refresh now' })).toBeInViewport();
  const open = page.locator('.group-row').first().locator('button.group-open');
  await open.focus();
  await expect(open).toBeFocused();
  await expect(open).toBeInViewport();
  expect(errors()).toEqual([]);
});

test('quick search at 200 %: the input and the results fit', async ({ page }) => {
  const errors = await prepareView(page, zoomed(WINDOW_SIZES.search));
  await page.goto(run().harness.pageUrl('search'));
  const input = page.getByRole('combobox', { name: 'Search work packages' });
  await expect(input).toBeFocused();
  await input.fill('LDAP');
  await expect(page.getByRole('option').first()).toBeVisible();
  expect(await overflow(page)).toEqual({ scrollWidth: 0, clipped: [] });
  expect(errors()).toEqual([]);
});

test('settings at 200 %: every tab and option fits the window', async ({ page }) => {
  const errors = await prepareView(page, zoomed(WINDOW_SIZES.settings));
  await page.goto(run().harness.pageUrl('settings'));
  await expect(page.locator('.account-card').first()).toBeVisible();
  expect(await overflow(page)).toEqual({ scrollWidth: 0, clipped: [] });
  await page.getByRole('tab', { name: 'Options' }).click();
  await expect(page.getByLabel('Check for new notifications every')).toBeVisible();
  expect(await overflow(page)).toEqual({ scrollWidth: 0, clipped: [] });
  expect(errors()).toEqual([]);
});
