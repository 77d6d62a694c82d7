/**
 * Quick search against the simulator through the browser harness: by text (the simulator's
 * matching work packages, most recently updated first) and by `#id` (that work package first);
 * accessible and screenshotted with results, light and dark.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { prepareView, sharedRun, CONTEXT_OPTIONS } from './support/run';
import { COLOR_SCHEMES, saveScreenshot, WINDOW_SIZES } from './support/screenshots';

test.use(CONTEXT_OPTIONS);
test.describe.configure({ mode: 'serial' });

/** A word in a handful of the seeded subjects (and in no project, type or status name). */
const WORD = 'LDAP';
const PAGE_SIZE = 20;

const run = sharedRun({ demo: true });

async function openSearch(page: Page): Promise<() => string[]> {
  const errors = await prepareView(page, WINDOW_SIZES.search);
  await page.goto(run().harness.pageUrl('search'));
  await expect(page.getByRole('combobox', { name: 'Search work packages' })).toBeFocused();
  return errors;
}

const resultSubjects = (page: Page) => page.getByRole('option').locator('.result-subject');

test('finds work packages by text, most recently updated first', async ({ page }) => {
  const errors = await openSearch(page);
  const expected = (await run().sim.workPackages())
    .filter((wp) => wp.subject.toLowerCase().includes(WORD.toLowerCase()))
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id - a.id)
    .slice(0, PAGE_SIZE);
  expect(expected.length).toBeGreaterThan(1);

  await page.getByRole('combobox').fill(WORD);
  await expect(page.getByRole('status')).toHaveText(`${expected.length} work packages`);
  await expect(resultSubjects(page)).toHaveText(expected.map((wp) => wp.subject));
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  expect(errors()).toEqual([]);
});

test('"#id" finds that work package', async ({ page }) => {
  await openSearch(page);
  const target = (await run().sim.workPackages()).find((wp) => wp.id === 12);
  if (!target) throw new Error('The seed has no work package 12.');
  await page.getByRole('combobox').fill(`#${target.id}`);
  await expect(resultSubjects(page).first()).toHaveText(target.subject);
  await expect(page.getByRole('option').first().locator('.wp-id')).toHaveText(`#${target.id}`);

  await page.getByRole('combobox').fill('#99999');
  await expect(page.getByRole('status')).toHaveText('No work package matches “#99999”.');
  await expect(page.getByRole('option')).toHaveCount(0);
});

test('Enter opens the chosen result in the browser', async ({ page }) => {
  await openSearch(page);
  await page.getByRole('combobox').fill(WORD);
  await expect(page.getByRole('option')).not.toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  const chosen = page.getByRole('option').nth(1);
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  const id = (await chosen.locator('.wp-id').textContent())?.replace('#', '');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => run().harness.openedUrls().at(-1))
    .toBe(`${run().simulatorUrl}/work_packages/${id}`);
});

test('with results: accessible and screenshotted, light and dark', async ({ page }) => {
  await openSearch(page);
  await page.getByRole('combobox').fill(WORD);
  await expect(page.getByRole('option')).not.toHaveCount(0);
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `quick search with results (${colorScheme})`);
    await saveScreenshot(page, 'search', colorScheme);
  }
});
