/**
 * The widget's states against the simulator through the browser harness, each reached the way a
 * user meets it — a slow server, a dropped connection, a 503, a revoked token, pausing — and each
 * with its way forward tried: accessible and screenshotted, light and dark.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import {
  openWidget as openRunWidget,
  startRun,
  CONTEXT_OPTIONS,
  type RendererRun,
} from './support/run';
import { checkBothSchemes } from './support/schemes';
import { WINDOW_SIZES } from './support/screenshots';

test.use(CONTEXT_OPTIONS);

const NOTIFICATIONS = '/api/v3/notifications';

const openWidget = (page: Page, run: RendererRun) => openRunWidget(page, run, WINDOW_SIZES.widget);

const stateTitle = (page: Page) => page.locator('.state h2');

/**
 * Without unread notifications the widget's main area is the state itself (with some, a problem
 * is a banner over the kept list: see the tests further down).
 */
test.describe('with nothing unread: the state fills the widget', () => {
  test.describe.configure({ mode: 'serial' });
  let run: RendererRun;
  /** Jane's token of the account the tests connect (revoked in the sign-in test). */
  let token: string;

  test.beforeAll(async () => {
    run = await startRun({ simulator: { empty: true } });
  });
  test.afterAll(async () => {
    await run?.stop();
  });

  test('no account: says so; "Add account" opens the wizard', async ({ page }) => {
    const errors = await openWidget(page, run);
    await expect(stateTitle(page)).toHaveText('Connect your OpenProject');
    await expect(page.getByText('Add an account to see your notifications here.')).toBeVisible();
    await checkBothSchemes(page, 'the widget without an account', 'widget-no-account');
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect(page).toHaveURL(/#\/wizard$/);
    await expect(page.getByRole('heading', { name: 'Welcome to OpenProject Tray' })).toBeVisible();
    expect(run.harness.views()).toContainEqual({
      kind: 'openView',
      request: { view: 'wizard' },
    });
    expect(errors()).toEqual([]);
  });

  test('loading while the first sync is under way, then all caught up', async ({ page }) => {
    // Connected while paused, the account waits for its first sync (only "Resume" starts it)…
    const paused = await run.harness.service.handlers.updateSettings({ pause: { kind: 'paused' } });
    expect(paused.ok).toBe(true);
    token = await run.sim.createToken({ user: 'jane' });
    const connected = await run.harness.service.handlers.connectWithToken({
      url: run.simulatorUrl,
      token,
    });
    expect(connected.ok).toBe(true);
    const errors = await openWidget(page, run);
    const loading = page.getByText('Loading your notifications…');
    await expect(loading).toBeVisible();
    // …which then takes a while: a slow server.
    await run.sim.injectFault({ kind: 'latency', ms: 4_000, pathPrefix: NOTIFICATIONS });
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.locator('.banner-pause')).toHaveCount(0);
    await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'true');
    await checkBothSchemes(page, 'the widget, loading', 'widget-loading');
    await expect(loading).toBeVisible(); // …still: what was checked is the loading state
    await run.sim.clearFaults();

    await expect(stateTitle(page)).toHaveText("You're all caught up", { timeout: 10_000 });
    await expect(page.getByText('There are no unread notifications.')).toBeVisible();
    expect(errors()).toEqual([]);
  });

  test('offline (dropped connection): says so; "Try again" brings it back', async ({ page }) => {
    const errors = await openWidget(page, run);
    await expect(stateTitle(page)).toHaveText("You're all caught up");
    await run.sim.injectFault({ kind: 'drop', pathPrefix: NOTIFICATIONS });
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(stateTitle(page)).toHaveText("You're offline", { timeout: 15_000 });
    await expect(
      page.getByText('OpenProject cannot be reached. The app keeps trying by itself.'),
    ).toBeVisible();
    await expect(page.locator('.state .message-detail')).toContainText(run.simulatorUrl);
    await checkBothSchemes(page, 'the widget, offline', 'widget-offline');

    await run.sim.clearFaults();
    await run.sim.createNotification({ workPackageId: 12, reason: 'mentioned', actor: 'zoe' });
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.group-row')).toHaveCount(1);
    await expect(page.locator('.group-row .reason')).toHaveText(['Mentioned']);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(stateTitle(page)).toHaveText("You're all caught up");
    await expect.poll(async () => (await run.sim.unreadNotifications()).length).toBe(0);
    expect(errors()).toEqual([]);
  });

  test('server error (503): says so; "Try again" brings it back', async ({ page }) => {
    const errors = await openWidget(page, run);
    await expect(stateTitle(page)).toHaveText("You're all caught up");
    await run.sim.injectFault({
      kind: 'status',
      status: 503,
      retryAfterSeconds: 1,
      pathPrefix: NOTIFICATIONS,
    });
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(stateTitle(page)).toHaveText('OpenProject has a problem', { timeout: 15_000 });
    await expect(page.getByText('OpenProject answered with an error.')).toBeVisible();
    await checkBothSchemes(page, 'the widget, server error', 'widget-server-error');

    await run.sim.clearFaults();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(stateTitle(page)).toHaveText("You're all caught up");
    expect(errors()).toEqual([]);
  });

  test('needs sign-in (token revoked): "Sign in" reconnects in the wizard', async ({ page }) => {
    const errors = await openWidget(page, run);
    await expect(stateTitle(page)).toHaveText("You're all caught up");
    await run.sim.revokeToken(token);
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(stateTitle(page)).toHaveText('Sign in again');
    await expect(
      page.getByText('OpenProject no longer accepts the saved sign-in.', { exact: true }),
    ).toBeVisible();
    await checkBothSchemes(page, 'the widget, needs sign-in', 'widget-needs-sign-in');

    const [account] = await listAccounts(run);
    if (!account) throw new Error('The harness has no account.');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // The harness shows the wizard in the same page, as the settings window would.
    await expect(page).toHaveURL(new RegExp(`#/wizard\\?account=${account.id}$`));
    await expect(page.getByRole('heading', { name: 'Sign in again to OpenProject' })).toBeVisible();
    await expect(page.getByText('Found OpenProject')).toBeVisible(); // the address is checked
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click(); // API token, as before
    token = await run.sim.createToken({ user: 'jane' });
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('heading', { name: 'Connected as Jane Doe' })).toBeVisible();
    // …the same account, signed in again (no second one).
    expect((await listAccounts(run)).map((a) => [a.id, a.state.kind])).toEqual([
      [account.id, 'connected'],
    ]);

    await page.goto(run.harness.pageUrl('widget'));
    await expect(stateTitle(page)).toHaveText("You're all caught up");
    expect(errors()).toEqual([]);
  });
});

async function listAccounts(run: RendererRun) {
  const result = await run.harness.service.handlers.listAccounts();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

test.describe('with unread notifications', () => {
  test.describe.configure({ mode: 'serial' });
  let run: RendererRun;

  test.beforeAll(async () => {
    run = await startRun({ demo: true });
  });
  test.afterAll(async () => {
    await run?.stop();
  });

  test('a problem is a banner over the kept list; "Try again" clears it', async ({ page }) => {
    const errors = await openWidget(page, run);
    const rows = page.locator('.group-row');
    await expect(rows.first()).toBeVisible();
    // An answer the app cannot read counts as a server error.
    await run.sim.injectFault({ kind: 'malformedJson', pathPrefix: NOTIFICATIONS });
    await page.getByRole('button', { name: 'Refresh now' }).click();
    const banner = page.locator('.banner-server-error');
    await expect(banner).toHaveText(/OpenProject answered with an error\./);
    await expect(rows.first()).toBeVisible(); // the last list stays
    await expectAccessible(page, 'the widget with data, server error');

    await run.sim.clearFaults();
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(banner).toHaveCount(0);
    expect(errors()).toEqual([]);
  });

  test('paused from the widget: says so; "Resume" checks again at once', async ({ page }) => {
    const errors = await openWidget(page, run);
    await expect(page.locator('.group-row').first()).toBeVisible();
    const menu = page.getByRole('button', { name: 'Pause notifications' });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('button', { name: 'Pause updates until I resume' }).click();
    const banner = page.locator('.banner-pause');
    await expect(banner).toHaveText(/Updates are paused\./);
    await expect(menu).toBeFocused();
    expect(await pauseKind(run)).toBe('paused');
    await checkBothSchemes(page, 'the widget, paused', 'widget-paused');

    // Paused is kept: the widget opened again still says so.
    await page.reload();
    await expect(banner).toHaveText(/Updates are paused\./);

    const shown = new Set((await run.sim.expectedGroups()).map((group) => group.workPackageId));
    const target = (await run.sim.workPackages()).find((wp) => !shown.has(wp.id) && !wp.isClosed);
    if (!target) throw new Error('Every open work package already has unread notifications.');
    await run.sim.createNotification({ workPackageId: target.id, reason: 'assigned' });
    await banner.getByRole('button', { name: 'Resume' }).click();
    await expect(banner).toHaveCount(0);
    expect(await pauseKind(run)).toBe('active');
    // Resuming polls at once: the new notification shows without "Refresh now".
    await expect(page.locator('.group-row[data-index="0"] .group-subject')).toHaveText(
      target.subject,
    );
    expect(errors()).toEqual([]);
  });

  test('snoozed from the widget: says until when; "Resume" ends it', async ({ page }) => {
    // The real clock here: main compares the snooze with its own (real) time.
    await page.setViewportSize(WINDOW_SIZES.widget);
    await page.goto(run.harness.pageUrl('widget'));
    await page.getByRole('button', { name: 'Pause notifications' }).click();
    await page.getByRole('button', { name: 'Snooze for 1 hour' }).click();
    const banner = page.locator('.banner-pause');
    await expect(banner).toHaveText(/Desktop notifications are snoozed until \w{3} \d{1,2}:\d{2}/);
    expect(await pauseKind(run)).toBe('snoozed');
    await banner.getByRole('button', { name: 'Resume' }).click();
    await expect(banner).toHaveCount(0);
    expect(await pauseKind(run)).toBe('active');
  });
});

async function pauseKind(run: RendererRun): Promise<string> {
  const settings = await run.harness.service.handlers.getSettings();
  if (!settings.ok) throw new Error(settings.error.message);
  return settings.value.pause.kind;
}
