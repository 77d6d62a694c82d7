/**
 * The widget against the simulator through the browser harness: it shows exactly the simulator's
 * unread notifications (groups, counts, order), marking read reaches the simulator, a new
 * notification shows after a refresh; accessible and screenshotted, light and dark.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { openWidget as openRunWidget, sharedRun, CONTEXT_OPTIONS } from './support/run';
import { COLOR_SCHEMES, saveScreenshot, WINDOW_SIZES } from './support/screenshots';
import { shownGroups } from './support/widget-rows';

test.use(CONTEXT_OPTIONS);
test.describe.configure({ mode: 'serial' });

const run = sharedRun({ demo: true });

const openWidget = (page: Page) => openRunWidget(page, run(), WINDOW_SIZES.widget);

test("shows the simulator's unread notifications: groups, counts, order", async ({ page }) => {
  const errors = await openWidget(page);
  const expected = await run().sim.expectedGroups();
  expect(expected.length).toBeGreaterThan(3);
  const total = expected.reduce((sum, group) => sum + group.count, 0);

  await expect(page.locator('.widget-title .badge')).toHaveText(`${total} unread`);
  await expect(page.getByRole('list', { name: /work packages? with unread/ })).toHaveAccessibleName(
    `${expected.length} work packages with unread notifications`,
  );
  const shown = await shownGroups(page);
  expect(shown).toEqual(
    expected.map(({ workPackageId, subject, count }) => ({ workPackageId, subject, count })),
  );
  expect(errors()).toEqual([]);
});

test('the frameless widget moves by its header; its buttons stay clickable', async ({ page }) => {
  await openWidget(page);
  const region = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) =>
        (
          globalThis as unknown as {
            getComputedStyle(e: unknown): { getPropertyValue(name: string): string };
          }
        )
          .getComputedStyle(element)
          .getPropertyValue('-webkit-app-region'),
      );
  expect(await region('.widget-header')).toBe('drag');
  expect(await region('.widget-header h1')).toBe('drag');
  for (const name of ['Refresh now', 'Mark all as read', 'Quick search', 'Settings']) {
    expect(await region(`.widget-header button[aria-label="${name}"]`)).toBe('no-drag');
  }
  expect(await region('.group-row')).not.toBe('drag');
});

test('with data: accessible and screenshotted, light and dark', async ({ page }) => {
  await openWidget(page);
  await expect(page.locator('.group-row').first()).toBeVisible();
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `the widget with data (${colorScheme})`);
    await saveScreenshot(page, 'widget', colorScheme);
  }
});

test('marking one work package read reaches the simulator', async ({ page }) => {
  await openWidget(page);
  const [first] = await run().sim.expectedGroups();
  if (!first) throw new Error('The simulator has no unread notifications.');
  await page.getByRole('button', { name: `Mark as read: ${first.subject}`, exact: true }).click();
  await expect(
    page.getByRole('button', { name: `Mark as read: ${first.subject}`, exact: true }),
  ).toHaveCount(0);
  await expect
    .poll(async () =>
      (await run().sim.unreadNotifications()).filter(
        (n) => n.workPackageId === first.workPackageId,
      ),
    )
    .toEqual([]);
  // …and the rest is still exactly the simulator's.
  const expected = await run().sim.expectedGroups();
  await expect(page.locator('.widget-title .badge')).toHaveText(
    `${expected.reduce((sum, group) => sum + group.count, 0)} unread`,
  );
});

test('a notification created on the server shows after "Refresh now"', async ({ page }) => {
  await openWidget(page);
  const workPackages = await run().sim.workPackages();
  const shown = new Set((await run().sim.expectedGroups()).map((group) => group.workPackageId));
  const target = workPackages.find((wp) => !shown.has(wp.id) && !wp.isClosed);
  if (!target) throw new Error('Every open work package already has unread notifications.');
  await run().sim.createNotification({
    workPackageId: target.id,
    reason: 'mentioned',
    actor: 'zoe',
  });
  await page.getByRole('button', { name: 'Refresh now' }).click();
  const firstRow = page.locator('.group-row[data-index="0"]');
  await expect(firstRow.locator('.group-subject')).toHaveText(target.subject);
  await expect(firstRow.locator('.reason')).toHaveText(['Mentioned']);
  await expect(firstRow.locator('.actor')).toHaveText('by Zoë Müller');
});

test('"Mark all as read" empties the simulator; the widget says all is read', async ({ page }) => {
  await openWidget(page);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByRole('heading', { name: "You're all caught up" })).toBeVisible();
  await expect.poll(async () => (await run().sim.unreadNotifications()).length).toBe(0);
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `the empty widget (${colorScheme})`);
    await saveScreenshot(page, 'widget-empty', colorScheme);
  }
});
