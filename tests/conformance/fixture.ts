/**
 * The data the conformance steps use, made with the simulator's control interface so that
 * every case the spec treats differently is there on every run, whatever the demo data holds:
 * a mention with a comment, a status change without one (an `Activity`, not a comment),
 * the `shared` and `reminder` reasons, and a date alert (no actor, no activity, a detail).
 */
import type { NotificationSnapshot, Simulator } from '../simulator';
import type { Fixture } from './drive';

const CASES = [
  { label: 'mentioned, with a comment', reason: 'mentioned' },
  { label: 'processed, without a comment', reason: 'processed' },
  { label: 'shared', reason: 'shared' },
  { label: 'reminder, with a note', reason: 'reminder', comment: 'Call the customer back' },
  { label: 'dateAlert, with a date', reason: 'dateAlert', property: 'dueDate' },
] as const;

async function displayIdOf(simulator: Simulator, workPackageId: number): Promise<string | null> {
  const token = Buffer.from(`apikey:${simulator.tokens.apiKey}`).toString('base64');
  const response = await fetch(`${simulator.url}/api/v3/work_packages/${workPackageId}`, {
    headers: { authorization: `Basic ${token}` },
  });
  if (!response.ok)
    throw new Error(`The simulator answered ${response.status} for a work package.`);
  const body = (await response.json()) as { displayId?: unknown };
  return typeof body.displayId === 'string' && body.displayId !== String(workPackageId)
    ? body.displayId
    : null;
}

export async function makeFixture(simulator: Simulator): Promise<Fixture> {
  const { control } = simulator;
  // Work packages the demo user already gets notifications about are visible to them.
  const visible = new Set(control.notifications().map((n) => n.workPackageId));
  const open = control.workPackages().filter((wp) => !wp.isClosed && visible.has(wp.id));
  const created: { label: string; notification: NotificationSnapshot }[] = [];
  for (const [i, c] of CASES.entries()) {
    const wp = open[i];
    if (!wp) {
      throw new Error(
        `The simulator has ${open.length} open work packages with notifications; the conformance test needs ${CASES.length}.`,
      );
    }
    const { reason, label } = c;
    const change = control.createNotification({
      workPackageId: wp.id,
      reason,
      ...('comment' in c ? { comment: c.comment } : {}),
      ...('property' in c ? { property: c.property } : {}),
    });
    created.push({ label, notification: change.notification });
  }
  const [mention] = created;
  const dateAlert = created.find((c) => c.notification.reason === 'dateAlert');
  const withActor = created.find((c) => c.notification.actorId !== null);
  const wp = open[0];
  if (!mention || !dateAlert || !withActor || !wp || withActor.notification.actorId === null) {
    throw new Error('The simulator did not create the notifications the conformance test needs.');
  }
  return {
    singles: created.map(({ label, notification }) => ({ label, id: notification.id })),
    unreadIds: control.notifications({ unread: true }).map((n) => n.id),
    detailNotificationId: dateAlert.notification.id,
    workPackageId: wp.id,
    displayId: await displayIdOf(simulator, wp.id),
    searchText: wp.subject.split(/\s+/).find((word) => word.length >= 4) ?? wp.subject,
    projectId: wp.projectId,
    actorId: withActor.notification.actorId,
    reason: mention.notification.reason,
  };
}
