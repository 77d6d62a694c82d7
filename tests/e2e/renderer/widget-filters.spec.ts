/**
 * The widget's filters (reason, project and, with two accounts, account) and opening a work
 * package, against the simulator through the browser harness: what a filter shows is exactly the
 * simulator's matching work packages; "Mark shown as read" reads just those; a click opens the
 * work package in the browser and marks it read on the server.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { openWidget as openRunWidget, sharedRun, CONTEXT_OPTIONS } from './support/run';
import { checkBothSchemes } from './support/schemes';
import { WINDOW_SIZES } from './support/screenshots';
import type { ExpectedGroup } from './support/simulator-http';
import { shownGroups } from './support/widget-rows';

test.use(CONTEXT_OPTIONS);
test.describe.configure({ mode: 'serial' });

const run = sharedRun({ demo: true });

async function openWidget(page: Page): Promise<() => string[]> {
  const errors = await openRunWidget(page, run(), WINDOW_SIZES.widget);
  await expect(page.locator('.group-row').first()).toBeVisible();
  return errors;
}

/** The simulator's groups (as the widget should show them) whose unread notifications match. */
async function expectedWhere(
  match: (notification: { reason: string; workPackageId: number }) => boolean,
  recipient = 'jane',
): Promise<ExpectedGroup[]> {
  const ids = new Set(
    (await run().sim.unreadNotifications(recipient)).filter(match).map((n) => n.workPackageId),
  );
  return (await run().sim.expectedGroups(recipient)).filter((group) =>
    ids.has(group.workPackageId),
  );
}

const rowsOf = (groups: ExpectedGroup[]) =>
  groups.map(({ workPackageId, subject, count }) => ({ workPackageId, subject, count }));

const unreadTotal = async (recipient = 'jane') =>
  (await run().sim.unreadNotifications(recipient)).length;

test('a click opens the work package in the browser and marks it read there', async ({ page }) => {
  const errors = await openWidget(page);
  const [first] = await run().sim.expectedGroups();
  if (!first) throw new Error('The simulator has no unread notifications.');
  const before = await unreadTotal();
  await page.locator('.group-row[data-index="0"] .group-open').click();
  await expect
    .poll(() => run().harness.openedUrls())
    .toContain(`${run().simulatorUrl}/work_packages/${first.workPackageId}`);
  await expect
    .poll(async () =>
      (await run().sim.unreadNotifications()).filter(
        (n) => n.workPackageId === first.workPackageId,
      ),
    )
    .toEqual([]);
  expect(await unreadTotal()).toBe(before - first.count);
  await expect(page.getByRole('button', { name: `Mark as read: ${first.subject}` })).toHaveCount(0);
  await expect(page.locator('.widget-title .badge')).toHaveText(`${before - first.count} unread`);
  expect(errors()).toEqual([]);
});

test("by reason and by project: exactly the simulator's matching work packages", async ({
  page,
}) => {
  const errors = await openWidget(page);
  const reason = page.getByLabel('Reason', { exact: true });
  const project = page.getByLabel('Project', { exact: true });
  await expect(page.getByLabel('Account', { exact: true })).toHaveCount(0); // one account

  await reason.selectOption({ label: 'Mentioned' });
  const mentioned = await expectedWhere((n) => n.reason === 'mentioned');
  expect(mentioned.length).toBeGreaterThan(1);
  await expect(page.locator('.group-row')).not.toHaveCount(0);
  expect(await shownGroups(page)).toEqual(rowsOf(mentioned));
  await expect(page.getByRole('button', { name: 'Mark shown as read' })).toBeEnabled();

  await reason.selectOption({ label: 'All reasons' });
  await project.selectOption({ index: 1 });
  const projectName = (await project.locator('option:checked').textContent()) ?? '';
  await expect(page.locator('.group-row').first().locator('.meta')).toContainText(projectName);
  const shown = await shownGroups(page);
  const projectOf = new Map((await run().sim.workPackages()).map((wp) => [wp.id, wp.projectId]));
  const projectIds = new Set(shown.map((group) => projectOf.get(group.workPackageId)));
  expect(projectIds.size).toBe(1);
  const [projectId] = projectIds;
  const inProject = (await run().sim.expectedGroups()).filter(
    (group) => projectOf.get(group.workPackageId) === projectId,
  );
  expect(shown).toEqual(rowsOf(inProject));

  // A reason and a project that no work package has together: the state says so, with the way out.
  const unread = await run().sim.unreadNotifications();
  const together = new Set(unread.map((n) => `${n.reason}:${projectOf.get(n.workPackageId)}`));
  const reasons = [...new Set(unread.map((n) => n.reason))];
  const projects = [...new Set(unread.map((n) => projectOf.get(n.workPackageId)))];
  const apart = reasons
    .flatMap((r) => projects.map((p) => [r, p] as const))
    .find(([r, p]) => !together.has(`${r}:${p}`));
  if (!apart) throw new Error('Every reason occurs in every project.');
  await reason.selectOption(apart[0]);
  await project.selectOption(`${run().harness.demoAccountId}:${apart[1]}`);
  await expect(page.locator('.state h2')).toHaveText('No notifications match these filters');
  await expect(reason).toHaveValue(apart[0]);
  await checkBothSchemes(page, 'the widget, nothing matches the filters', 'widget-filtered');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(reason).toHaveValue('');
  await expect(project).toHaveValue('');
  await expect(page.locator('.group-row').first()).toBeVisible();
  expect(errors()).toEqual([]);
});

test('"Mark shown as read" reads only what the filter shows; then nothing matches', async ({
  page,
}) => {
  const errors = await openWidget(page);
  const before = await unreadTotal();
  const alerts = await expectedWhere((n) => n.reason === 'dateAlert');
  expect(alerts.length).toBeGreaterThan(0);
  const marked = alerts.reduce((sum, group) => sum + group.count, 0);

  await page.getByLabel('Reason', { exact: true }).selectOption({ label: 'Date alert' });
  expect(await shownGroups(page)).toEqual(rowsOf(alerts));
  await page.getByRole('button', { name: 'Mark shown as read' }).click();

  await expect(page.locator('.state h2')).toHaveText('No notifications match these filters');
  await expect.poll(() => unreadTotal()).toBe(before - marked);
  const ids = new Set(alerts.map((group) => group.workPackageId));
  expect((await run().sim.unreadNotifications()).filter((n) => ids.has(n.workPackageId))).toEqual(
    [],
  );

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.locator('.widget-title .badge')).toHaveText(`${before - marked} unread`);
  await expect(page.getByLabel('Reason', { exact: true })).toHaveValue('');
  expect(errors()).toEqual([]);
});

test('with a second account: filter by account; each has its notification center', async ({
  page,
}) => {
  const handlers = run().harness.service.handlers;
  const zoe = await handlers.connectWithToken({
    url: run().simulatorUrl,
    token: run().harness.simulator!.tokens.other,
  });
  if (!zoe.ok) throw new Error(zoe.error.message);
  await handlers.updateAccount({ accountId: zoe.value.id, options: { label: 'Zoë' } });
  await handlers.updateAccount({
    accountId: run().harness.demoAccountId!,
    options: { label: 'Jane' },
  });
  for (const workPackageId of [12, 31]) {
    await run().sim.createNotification({
      workPackageId,
      reason: 'mentioned',
      actor: 'jane',
      recipient: 'zoe',
    });
  }
  const errors = await openWidget(page);
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByText('Up to date.')).toBeAttached(); // the poll is done

  const account = page.getByLabel('Account', { exact: true });
  await account.selectOption({ label: 'Zoë' });
  const zoes = await run().sim.expectedGroups('zoe');
  expect(zoes.length).toBeGreaterThan(1);
  const tags = page.locator('.group-row .account-tag');
  await expect(tags.first()).toHaveText('Zoë');
  expect(new Set(await tags.allTextContents())).toEqual(new Set(['Zoë']));
  expect(await shownGroups(page)).toEqual(rowsOf(zoes));

  await account.selectOption({ label: 'Jane' });
  await expect(tags.first()).toHaveText('Jane');
  await expectAccessible(page, 'the widget with two accounts, filtered by account');

  await page.getByRole('button', { name: 'Notification center: Zoë' }).click();
  await expect
    .poll(() => run().harness.openedUrls().at(-1))
    .toBe(`${run().simulatorUrl}/notifications`);
  expect(errors()).toEqual([]);
});

test('the reason filter keeps naming its reason once its last work package is read', async ({
  page,
}) => {
  await openWidget(page);
  const reason = page.getByLabel('Reason', { exact: true });
  await reason.selectOption({ index: 1 });
  const chosen = (await reason.locator('option:checked').textContent()) ?? '';
  await page.getByRole('button', { name: 'Mark shown as read' }).click();
  await expect(page.locator('.state h2')).toHaveText('No notifications match these filters');
  await expect(reason.locator('option:checked')).toHaveText(chosen, { timeout: 1_000 });
});
