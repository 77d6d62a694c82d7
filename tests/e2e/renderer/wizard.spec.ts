/**
 * The setup wizard against the simulator through the browser harness, from a first run: with an
 * API token (every step accessible and screenshotted, light and dark) and with OAuth (the
 * simulator's login and consent pages in a second page, as the user's browser).
 */
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PASSWORD, TRAY_CLIENT_ID } from '../../simulator/oauth/index';
import { expectAccessible } from './support/axe';
import { prepareView, startRun, CONTEXT_OPTIONS, type RendererRun } from './support/run';
import { COLOR_SCHEMES, saveScreenshot, WINDOW_SIZES } from './support/screenshots';

test.use(CONTEXT_OPTIONS);

/** axe on the step in both schemes; a screenshot of it when it is named. */
async function checkStep(page: Page, step: string, screenshot?: string): Promise<void> {
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `the wizard, ${step} (${colorScheme})`);
    if (screenshot) await saveScreenshot(page, screenshot, colorScheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function chooseInstance(page: Page, run: RendererRun, screenshots: boolean): Promise<void> {
  await page.goto(run.harness.pageUrl('wizard'));
  await expect(page.getByRole('heading', { name: 'Welcome to OpenProject Tray' })).toBeVisible();
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await checkStep(page, 'address');
  await page.getByLabel('OpenProject address').fill(run.simulatorUrl);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('Found OpenProject')).toBeVisible();
  await expect(page.getByText(run.simulatorUrl, { exact: true })).toBeVisible();
  await checkStep(page, 'instance found', screenshots ? 'wizard' : undefined);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'How do you want to sign in?' })).toBeFocused();
  await checkStep(page, 'sign-in method', screenshots ? 'wizard-method' : undefined);
}

test.describe('the wizard', () => {
  let run: RendererRun;
  test.beforeEach(async () => {
    run = await startRun();
  });
  test.afterEach(async () => {
    await run?.stop();
  });

  test('connects with an API token; every step accessible', async ({ page }) => {
    const errors = await prepareView(page, WINDOW_SIZES.settings);
    await chooseInstance(page, run, true);
    await page.getByRole('button', { name: 'Continue' }).click(); // API token is the default

    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
    const token = page.getByLabel('API token');
    await page.getByRole('button', { name: 'Open the access-token page' }).click();
    await expect
      .poll(() => run.harness.openedUrls())
      .toContain(`${run.simulatorUrl}/my/access_tokens`);
    await token.fill('not-a-token-the-server-knows');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('alert')).toContainText('OpenProject did not accept the sign-in.');
    await expect(token).toHaveAttribute('aria-invalid', 'true');
    await checkStep(page, 'token refused');

    const fresh = await run.sim.createToken({ user: 'jane' });
    await token.fill(fresh);
    await checkStep(page, 'token', 'wizard-token');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('heading', { name: 'Connected as Jane Doe' })).toBeFocused();
    await checkStep(page, 'connected', 'wizard-connected');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Options' })).toBeFocused();
    await expect(page.getByLabel('Check for new notifications every')).toBeVisible();
    await checkStep(page, 'options', 'wizard-options');

    const accounts = await run.harness.service.handlers.listAccounts();
    expect(accounts.ok && accounts.value.map((a) => [a.user?.name, a.authMethod])).toEqual([
      ['Jane Doe', 'apiToken'],
    ]);
    await page.getByRole('button', { name: 'Show my notifications' }).click();
    await expect
      .poll(() => run.harness.views())
      .toEqual([
        { kind: 'openView', request: { view: 'widget' } },
        { kind: 'windowAction', action: 'close' },
      ]);
    expect(errors()).toEqual([]);
  });

  test('connects with OAuth: login and consent in the browser', async ({ page, context }) => {
    test.skip(run.harness.oauth === null, 'The harness started its simulator without OAuth.');
    await prepareView(page, WINDOW_SIZES.settings);
    await chooseInstance(page, run, false);
    await page.getByRole('radio', { name: 'OAuth (sign in with the browser)' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByLabel('Redirect URI to register')).toHaveValue(
      /^http:\/\/127\.0\.0\.1:\d+\/oauth-callback$/,
    );
    await page.getByLabel('Client ID').fill(TRAY_CLIENT_ID);
    await checkStep(page, 'OAuth');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText('Waiting for you to approve in the browser…')).toBeVisible();
    await checkStep(page, 'waiting for the browser');

    await expect.poll(() => run.harness.openedUrls().at(-1) ?? '').toContain('/oauth/authorize');
    const browser = await context.newPage();
    await browser.goto(run.harness.openedUrls().at(-1)!);
    await browser.getByLabel('Username').fill('jane');
    await browser.getByLabel('Password').fill(DEFAULT_PASSWORD);
    await browser.getByRole('button', { name: 'Sign in' }).click();
    await expect(browser.getByRole('heading', { level: 1 })).toHaveText(
      'Authorize OpenProject Tray to use your account jane?',
    );
    await browser.getByRole('button', { name: 'Authorize' }).click();
    // The loopback listener takes the code, then moves the browser off the URL that held it.
    await expect(browser).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/done$/);
    await expect(browser.getByText('You can close this tab')).toBeVisible();

    await expect(page.getByRole('heading', { name: 'Connected as Jane Doe' })).toBeVisible();
    const accounts = await run.harness.service.handlers.listAccounts();
    expect(accounts.ok && accounts.value.map((a) => [a.user?.name, a.authMethod])).toEqual([
      ['Jane Doe', 'oauth'],
    ]);
  });

  test('OAuth: "Deny" in the browser says so, and the wizard can start over', async ({
    page,
    context,
  }) => {
    test.skip(run.harness.oauth === null, 'The harness started its simulator without OAuth.');
    await prepareView(page, WINDOW_SIZES.settings);
    await chooseInstance(page, run, false);
    await page.getByRole('radio', { name: 'OAuth (sign in with the browser)' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Client ID').fill(TRAY_CLIENT_ID);
    await page.getByRole('button', { name: 'Connect' }).click();

    await expect.poll(() => run.harness.openedUrls().at(-1) ?? '').toContain('/oauth/authorize');
    const browser = await context.newPage();
    await browser.goto(run.harness.openedUrls().at(-1)!);
    await browser.getByLabel('Username').fill('jane');
    await browser.getByLabel('Password').fill(DEFAULT_PASSWORD);
    await browser.getByRole('button', { name: 'Sign in' }).click();
    await browser.getByRole('button', { name: 'Deny' }).click();

    await expect(page.getByRole('alert')).toContainText('Access was denied in the browser.');
    await expect(page.getByRole('button', { name: 'Connect' })).toBeEnabled();
    await checkStep(page, 'OAuth denied');
  });
});
