/**
 * One view as it is now, in both colour schemes: axe (no serious or critical violation) and, when
 * named, a screenshot per scheme. Leaves the page in the light scheme.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { COLOR_SCHEMES, saveScreenshot } from './screenshots';

export async function checkBothSchemes(page: Page, what: string, screenshot?: string) {
  await page.mouse.move(0, 0); // no hover left over from the last click
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    if (screenshot) await saveScreenshot(page, screenshot, colorScheme);
    await expectAccessible(page, `${what} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
