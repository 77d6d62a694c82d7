import type { WorkPackageGroup } from '../../core/domain';
import { dateAlertDetail, reasonLabel } from '../../core/notify/reason-labels';
import type { Command } from '../command';
import { plural, relativeTime, table, type Cell } from '../format';
import type { Output } from '../output';
import { expectNoOperands } from './operands';

/** `notifications --json` prints exactly this. */
export interface NotificationsJson {
  unread: number;
  workPackages: {
    id: number;
    subject: string;
    project: string | null;
    reasons: string[];
    count: number;
    latestAt: string;
    actor: string | null;
    url: string;
  }[];
}

export function notificationsJson(
  unread: number,
  groups: readonly WorkPackageGroup[],
): NotificationsJson {
  return {
    unread,
    workPackages: groups.map((group) => ({
      id: group.workPackageId,
      subject: group.subject,
      project: group.projectName,
      reasons: [...group.reasons],
      count: group.count,
      latestAt: group.latestAt,
      actor: group.actor?.name ?? null,
      url: group.url,
    })),
  };
}

export const notificationsCommand: Command = {
  name: 'notifications',
  summary: 'List unread notifications, grouped by work package, newest first',
  usage: ['notifications'],
  details: ['One line per work package: id, subject, project, reasons, count, when, by whom.'],
  json: [
    '{ "unread": <number of unread notifications>,',
    '  "workPackages": [ { "id", "subject", "project", "reasons", "count",',
    '                      "latestAt", "actor", "url" } ] }',
    '  (project and actor are names or null; reasons are OpenProject reason names',
    '  such as "mentioned", "responsible", "dateAlert"; newest work package first)',
  ],
  async run({ operands, json, out, client, now }) {
    expectNoOperands('notifications', operands);
    const api = client();
    const [unread, groups] = await Promise.all([api.unreadCount(), api.unreadGroups()]);
    if (json) {
      out.json(notificationsJson(unread, groups));
      return;
    }
    if (unread === 0 && groups.length === 0) {
      out.line('No unread notifications.');
      return;
    }
    out.line(
      out.style.bold(
        `${plural(unread, 'unread notification')} in ${plural(groups.length, 'work package')}`,
      ),
    );
    if (groups.length > 0) {
      out.line();
      out.lines(groupTable(groups, out, now()));
    }
    out.line();
    out.line(out.style.dim(`Open in the browser: ${api.links.notificationCenter()}`));
  },
};

function groupTable(groups: readonly WorkPackageGroup[], out: Output, now: Date): string[] {
  const { dim, cyan, yellow } = out.style;
  const header: Cell[] = ['ID', 'SUBJECT', 'PROJECT', 'WHY', 'N', 'WHEN', 'BY'].map((text) => ({
    text,
    paint: dim,
    align: text === 'N' ? 'right' : 'left',
  }));
  const rows = groups.map((group): Cell[] => {
    const alert = dateAlertDetail(group.dateAlert);
    const reasons = group.reasons
      .map((reason) =>
        reason === 'dateAlert' && alert ? `${reasonLabel(reason)} (${alert})` : reasonLabel(reason),
      )
      .join(', ');
    return [
      { text: `#${group.workPackageId}`, paint: cyan },
      { text: group.subject },
      { text: group.projectName ?? '—', paint: dim },
      { text: reasons, paint: yellow },
      { text: String(group.count), align: 'right' },
      { text: relativeTime(group.latestAt, now) },
      { text: group.actor?.name ?? '—' },
    ];
  });
  return table([header, ...rows], {
    width: out.width,
    shrink: [
      { column: 1, min: 24 }, // subject
      { column: 3, min: 14 }, // reasons
      { column: 2, min: 12 }, // project
      { column: 1, min: 12 },
    ],
  });
}
