import { expect, test } from '@playwright/test';

test('the renderer starts in Chromium under its strict CSP without errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { name: 'OpenProject Tray' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Starting|Ready/);
  expect(problems).toEqual([]);
});
