/**
 * The real app in Electron: launch, tray state after a poll against the simulator, the widget, and
 * quick search as the global shortcut opens it. Runs wherever the Electron binary is installed
 * (`npx install-electron`); skipped, with the reason printed, where it is not (no internet here).
 *
 * The app under test is the unpackaged build (out/), started with OPENPROJECT_TRAY_E2E=1 so that
 * main exposes `globalThis.__openprojectTray` (main/shell/e2e-hook.ts), with OPENPROJECT_TRAY_HOME
 * as its own userData, and with OPENPROJECT_URL / OPENPROJECT_API_KEY naming the simulator's demo
 * account, which the composition root (main/shell/compose.ts) signs in when the app is unpackaged.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { startSimulator } from '../../simulator/index';
import type { Simulator } from '../../simulator/index';
import { electronBinary, electronSandboxArgs } from '../../support/electron-binary';

const ROOT = resolve(import.meta.dirname, '../../..');

const binary = electronBinary();
if ('reason' in binary) {
  console.log(`[skip] tests/e2e/electron: ${binary.reason}.`);
}

test.describe('OpenProject Tray in Electron', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

  let sim: Simulator;
  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    if (!existsSync(join(ROOT, 'out/main/index.js'))) {
      execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    }
    sim = await startSimulator({ unread: 7 });
    userData = mkdtempSync(join(tmpdir(), 'openproject-tray-e2e-'));
    app = await _electron.launch({
      executablePath: (binary as { path: string }).path,
      args: ['.', ...electronSandboxArgs()],
      cwd: ROOT,
      env: {
        ...process.env,
        OPENPROJECT_TRAY_E2E: '1',
        OPENPROJECT_TRAY_HOME: userData,
        OPENPROJECT_URL: sim.url,
        OPENPROJECT_API_KEY: sim.tokens.apiKey,
        ELECTRON_ENABLE_LOGGING: '1',
      },
      timeout: 60_000,
    });
    await expect
      .poll(() => app.evaluate(() => globalThis.__openprojectTray !== undefined), {
        timeout: 30_000,
      })
      .toBe(true);
  });

  test.afterAll(async () => {
    await app?.close();
    await sim?.stop();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  async function windowWithRoute(route: string): Promise<Page> {
    await expect
      .poll(() => app.windows().some((w) => w.url().endsWith(`#/${route}`)), { timeout: 15_000 })
      .toBe(true);
    return app.windows().find((w) => w.url().endsWith(`#/${route}`))!;
  }

  test('shows the unread count of the simulator in the tray after the first poll', async () => {
    await expect
      .poll(() => app.evaluate(() => globalThis.__openprojectTray!.trayView().tooltip), {
        timeout: 30_000,
      })
      .toMatch(/^OpenProject Tray — 7 unread/);
    const view = await app.evaluate(() => globalThis.__openprojectTray!.trayView());
    expect(view.iconState).toBe('unread');
  });

  test('signed in from the environment, it opens no window at start (no wizard)', async () => {
    await expect
      .poll(() => app.evaluate(() => globalThis.__openprojectTray!.trayView().iconState), {
        timeout: 30_000,
      })
      .toBe('unread');
    expect(app.windows()).toEqual([]);
  });

  test('opens the widget from app://, sandboxed and under the CSP', async () => {
    await app.evaluate(() => globalThis.__openprojectTray!.showWidget());
    const widget = await windowWithRoute('widget');
    expect(widget.url()).toBe('app://bundle/index.html#/widget');
    await expect(widget.getByRole('heading').first()).toBeVisible();
    // The sandboxed renderer has no Node and only the bridge.
    expect(await widget.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(
      await widget.evaluate(
        () => typeof (globalThis as { openprojectTray?: unknown }).openprojectTray,
      ),
    ).toBe('object');
  });

  test("the widget shows the simulator's unread notifications through the real IPC", async () => {
    const widget = await windowWithRoute('widget');
    await expect(widget.locator('.widget-title .badge')).toHaveText('7 unread', {
      timeout: 15_000,
    });
    const accounts = await widget.evaluate(async () => {
      const bridge = (
        globalThis as unknown as {
          openprojectTray: {
            listAccounts(): Promise<{ ok: boolean; value: { baseUrl: string }[] }>;
          };
        }
      ).openprojectTray;
      const result = await bridge.listAccounts();
      return result.ok ? result.value.map((account) => account.baseUrl) : [];
    });
    expect(accounts).toEqual([sim.url]);
  });

  test('opens quick search, on top, when the hotkey fires', async () => {
    const hotkey = await app.evaluate(() => globalThis.__openprojectTray!.hotkey());
    expect(hotkey === null || typeof hotkey === 'string').toBe(true);
    await app.evaluate(() => globalThis.__openprojectTray!.pressHotkey());
    const search = await windowWithRoute('search');
    const state = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows().find((w) =>
        w.webContents.getURL().endsWith('#/search'),
      );
      return { visible: win?.isVisible(), onTop: win?.isAlwaysOnTop() };
    });
    expect(state).toEqual({ visible: true, onTop: true });
    await search.keyboard.press('Escape');
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows()
            .find((w) => w.webContents.getURL().endsWith('#/search'))
            ?.isVisible(),
        ),
      )
      .toBe(false);
  });
});
