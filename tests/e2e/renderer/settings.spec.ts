/**
 * The settings window against the simulator through the browser harness: the options (each change
 * saved in main at once; the hotkey recorded by pressing it, a taken one explained) and the
 * accounts (each with its state; reconnect; disconnect revokes on the server; remove; "Reset
 * everything" behind a confirmation that says what goes). Accessible and screenshotted, light and
 * dark.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Settings } from '../../../preload/contract';
import { TRAY_CLIENT_ID } from '../../simulator/oauth/index';
import { expectAccessible } from './support/axe';
import { bearerStatus, connectWithOAuth, storedAccessToken } from './support/oauth';
import { prepareView, startRun, CONTEXT_OPTIONS, type RendererRun } from './support/run';
import { checkBothSchemes } from './support/schemes';
import { WINDOW_SIZES } from './support/screenshots';

test.use(CONTEXT_OPTIONS);
test.describe.configure({ mode: 'serial' });

/** "Another application" holds this one (the harness's fake global-shortcut registry). */
const TAKEN = 'CommandOrControl+Alt+K';
const DEFAULT_HOTKEY = 'CommandOrControl+Alt+O';

let run: RendererRun;
/** Zoë's account, signed in with OAuth. */
let zoeId: string;

test.beforeAll(async () => {
  run = await startRun({ demo: true, harness: { hotkeyTaken: TAKEN } });
});
test.afterAll(async () => {
  await run?.stop();
});

async function openSettings(page: Page, tab: 'Accounts' | 'Options'): Promise<() => string[]> {
  const errors = await prepareView(page, WINDOW_SIZES.settings);
  await page.goto(run.harness.pageUrl('settings'));
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  return errors;
}

async function settings(): Promise<Settings> {
  const result = await run.harness.service.handlers.getSettings();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function accounts() {
  const result = await run.harness.service.handlers.listAccounts();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

test('options: each change is saved at once; accessible', async ({ page }) => {
  const errors = await openSettings(page, 'Options');
  const interval = page.getByLabel('Check for new notifications every');
  await expect(interval).toBeVisible();
  await checkBothSchemes(page, 'the settings, options', 'settings');

  await interval.selectOption({ label: '5 minutes' });
  await expect(page.getByText('Saved.')).toBeVisible();
  expect((await settings()).pollIntervalSeconds).toBe(300);

  const watched = page.getByRole('checkbox', { name: 'Watched', exact: true });
  const watching = (await settings()).notifyReasons.includes('watched');
  await expect(watched).toBeChecked({ checked: watching });
  // Controlled by what main saved: the box follows once main answers (hence click, not check).
  await watched.click();
  await expect(watched).toBeChecked({ checked: !watching });
  await expect
    .poll(async () => (await settings()).notifyReasons.includes('watched'))
    .toBe(!watching);
  const mentioned = page.getByRole('checkbox', { name: 'Mentioned', exact: true });
  await mentioned.click();
  await expect(mentioned).not.toBeChecked();
  await expect.poll(async () => (await settings()).notifyReasons).not.toContain('mentioned');

  const login = page.getByRole('checkbox', { name: 'Start OpenProject Tray when I log in' });
  await expect(login).toBeEnabled();
  await login.click();
  await expect(login).toBeChecked();
  await expect.poll(() => run.harness.loginItem.enabled).toBe(true);
  expect((await settings()).startAtLogin).toBe(true);

  // Kept: the window opened again shows what was saved.
  await page.reload();
  await page.getByRole('tab', { name: 'Options' }).click();
  await expect(interval).toHaveValue('300');
  await expect(watched).toBeChecked({ checked: !watching });
  await expect(mentioned).not.toBeChecked();
  await expect(login).toBeChecked();
  expect(errors()).toEqual([]);
});

test('hotkey: recorded by pressing it; a taken one is explained and not kept', async ({ page }) => {
  const errors = await openSettings(page, 'Options');
  const current = page.locator('.hotkey-current');
  const record = page.locator('.hotkey button[aria-pressed]');
  const hint = page.locator('.hotkey .hint');
  await expect(current).toHaveText('Ctrl+Alt+O');
  expect(run.harness.hotkeys.active).toBe(DEFAULT_HOTKEY);

  await record.click();
  await expect(record).toHaveAttribute('aria-pressed', 'true');
  await expect(record).toHaveText('Press the keys… (Esc to cancel)');
  await expect(hint).toHaveText('Press the combination now, for example Ctrl+Shift+Space.');
  await page.keyboard.press('Escape');
  await expect(hint).toHaveText('Recording cancelled.');
  await expect(record).toHaveAttribute('aria-pressed', 'false');

  await record.click();
  await page.keyboard.press('Shift+A');
  await expect(hint).toHaveText('Add Ctrl, Alt or Cmd to the key.');
  await page.keyboard.press('Control+Alt+K');
  await expect(page.getByRole('alert')).toHaveText(
    'Ctrl+Alt+K is already used by another application. Try a different combination.',
  );
  await expect(current).toHaveText('Ctrl+Alt+O');
  expect(run.harness.hotkeys.active).toBe(DEFAULT_HOTKEY);
  expect((await settings()).hotkey).toBe(DEFAULT_HOTKEY);
  await expectAccessible(page, 'the settings, hotkey taken');

  await record.click();
  await page.keyboard.press('Control+Shift+Space');
  await expect(current).toHaveText('Ctrl+Shift+Space');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(run.harness.hotkeys.active).toBe('CommandOrControl+Shift+Space');
  expect((await settings()).hotkey).toBe('CommandOrControl+Shift+Space');
  expect(errors()).toEqual([]);
});

test('accounts: each with its state; reconnect; accessible', async ({ page, context }) => {
  zoeId = (await connectWithOAuth(run, context, 'zoe')).id;
  const errors = await openSettings(page, 'Accounts');
  const cards = page.locator('.account-card');
  await expect(cards).toHaveCount(2);
  const jane = cards.filter({ hasText: 'Jane Doe' });
  const zoe = cards.filter({ hasText: 'Zoë Müller' });
  await expect(jane).toContainText('Signed in as Jane Doe with an API token');
  await expect(zoe).toContainText('Signed in as Zoë Müller with OAuth');
  for (const card of [jane, zoe]) {
    await expect(card.locator('.state-badge')).toHaveText('Connected');
    await expect(card).toContainText(run.simulatorUrl);
  }

  // A name of one's own tells the two apart.
  const label = zoe.getByLabel('Name shown in the app');
  await label.fill('Zoë');
  await label.press('Enter');
  await label.blur();
  await expect(zoe.getByRole('heading', { level: 3 })).toHaveText('Zoë');
  expect((await accounts()).find((a) => a.id === zoeId)?.options.label).toBe('Zoë');
  await checkBothSchemes(page, 'the settings, accounts', 'settings-accounts');

  await jane.getByRole('button', { name: 'Reconnect' }).click();
  await expect(jane.getByRole('status')).toHaveText('Reconnected.');

  // Jane's token revoked on the server: reconnecting says so and leads to signing in again.
  await run.sim.revokeToken(run.harness.simulator!.tokens.apiKey);
  await jane.getByRole('button', { name: 'Reconnect' }).click();
  await expect(jane).toContainText('OpenProject did not accept the sign-in.');
  await expect(jane.locator('.state-badge')).toHaveText('Sign-in needed');
  await expect(zoe.locator('.state-badge')).toHaveText('Connected');
  await expectAccessible(page, 'the settings, an account needs sign-in');
  await jane.getByRole('button', { name: 'Sign in again' }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/wizard\\?account=${run.harness.demoAccountId}$`));
  await expect(page.getByRole('heading', { name: 'Sign in again to OpenProject' })).toBeVisible();
  expect(errors()).toEqual([]);
});

test('disconnect revokes the OAuth sign-in on the server; the account stays', async ({ page }) => {
  const errors = await openSettings(page, 'Accounts');
  const zoe = page
    .locator('.account-card')
    .filter({ has: page.getByRole('heading', { name: 'Zoë', exact: true }) });
  const token = await storedAccessToken(run, zoeId);
  if (!token) throw new Error("The app has no OAuth token for Zoë's account.");
  expect(await bearerStatus(run, token)).toBe(200);

  await zoe.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Disconnect from Zoë?' });
  await expect(dialog).toContainText(
    "The app's sign-in is revoked on the server and deleted from this computer.",
  );
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Disconnect' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(zoe.locator('.state-badge')).toHaveText('Signed out');
  await expect(zoe).toContainText('Not signed in');
  await expect(zoe.getByRole('button', { name: 'Disconnect' })).toHaveCount(0);
  await expect(zoe.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  // The server no longer takes the token, and the app no longer keeps it.
  expect(await bearerStatus(run, token)).toBe(401);
  const tokens = run.harness.oauth!.tokens({ user: 'zoe', clientId: TRAY_CLIENT_ID });
  expect(tokens.length).toBeGreaterThan(0);
  expect(tokens.every((t) => t.revoked)).toBe(true);
  expect(await storedAccessToken(run, zoeId)).toBeNull();
  expect((await accounts()).find((a) => a.id === zoeId)?.state.kind).toBe('signed-out');
  expect(errors()).toEqual([]);
});

test('disconnecting an API-token account: the token is deleted here and, as it says, still valid there', async ({
  page,
}) => {
  // Jane signs in again (her first token was revoked above), then disconnects.
  const token = await run.sim.createToken({ user: 'jane' });
  const accountId = run.harness.demoAccountId!;
  const again = await run.harness.service.handlers.connectWithToken({
    url: run.simulatorUrl,
    token,
    accountId,
  });
  expect(again.ok).toBe(true);
  const errors = await openSettings(page, 'Accounts');
  const jane = page.locator('.account-card').filter({ hasText: 'Jane Doe' });
  await expect(jane.locator('.state-badge')).toHaveText('Connected');
  await jane.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Disconnect from OpenProject?' });
  // OpenProject cannot revoke an API token for the app: the confirmation says so, before the fact.
  await expect(dialog).toContainText('it stays valid until you delete it');
  await expect(dialog).not.toContainText('revoked on the server');
  await dialog.getByRole('button', { name: 'Disconnect' }).click();

  const card = page
    .locator('.account-card')
    .filter({ has: page.getByRole('heading', { name: 'OpenProject', exact: true }) });
  await expect(card.locator('.state-badge')).toHaveText('Signed out');
  await expect(card.locator('.message-detail')).toHaveText(
    'The API token of OpenProject was removed from this computer. It stays valid in OpenProject until you delete it under My account → Access tokens.',
  );
  // OpenProject has no API to revoke an API token: the server still takes it, as the app says.
  const me = await fetch(`${run.simulatorUrl}/api/v3/users/me`, {
    headers: { authorization: `Basic ${Buffer.from(`apikey:${token}`).toString('base64')}` },
  });
  expect(me.status).toBe(200);
  expect((await accounts()).find((a) => a.id === accountId)?.state.kind).toBe('signed-out');
  expect(errors()).toEqual([]);
});

test('remove: the account goes', async ({ page }) => {
  const errors = await openSettings(page, 'Accounts');
  const cards = page.locator('.account-card');
  await expect(cards).toHaveCount(2);
  await cards.filter({ hasText: 'Zoë' }).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove Zoë?' });
  await expect(dialog).toContainText(
    'the account and its cached notifications are deleted from this computer',
  );
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('heading', { level: 3 })).toHaveText('OpenProject'); // Jane's
  expect((await accounts()).map((a) => a.id)).toEqual([run.harness.demoAccountId]);
  expect(errors()).toEqual([]);
});

test('"Reset everything" says what it deletes; Cancel keeps all; confirmed, the setup starts again', async ({
  page,
}) => {
  const errors = await openSettings(page, 'Accounts');
  const reset = page.getByRole('button', { name: 'Reset everything…' });
  await reset.click();
  const dialog = page.getByRole('alertdialog', { name: 'Reset everything?' });
  await expect(dialog.getByText('This deletes from this computer:')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText([
    '1 account and its sign-in (revoked on the server where possible)',
    'your settings: check interval, notification reasons, shortcut, start at login',
    'the cached notifications and recent work packages',
  ]);
  await expect(dialog).toContainText('Your data in OpenProject is not touched.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await checkBothSchemes(page, 'the settings, confirm reset', 'settings-reset');

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(reset).toBeFocused();
  expect(await accounts()).toHaveLength(1);

  await reset.click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page).toHaveURL(/#\/wizard$/);
  await expect(page.getByRole('heading', { name: 'Welcome to OpenProject Tray' })).toBeVisible();
  expect(await accounts()).toEqual([]);
  const after = await settings();
  expect(after).toMatchObject({
    hotkey: DEFAULT_HOTKEY,
    startAtLogin: false,
    pause: { kind: 'active' },
  });
  expect(after.pollIntervalSeconds).not.toBe(300);
  expect(after.notifyReasons).toContain('mentioned');
  expect(run.harness.hotkeys.active).toBe(DEFAULT_HOTKEY);
  expect(run.harness.loginItem.enabled).toBe(false);
  expect(errors()).toEqual([]);
});
