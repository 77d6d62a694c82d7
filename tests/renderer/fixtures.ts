/** Builders for the data the fake bridge serves: accounts, groups, work packages, probe answers. */
import type {
  Account,
  AccountNotifications,
  NotificationGroup,
  ProbeResult,
  SearchHit,
  WorkPackageSummary,
} from '../../preload/contract';

export function minutesAgo(minutes: number, from = new Date()): string {
  return new Date(from.getTime() - minutes * 60_000).toISOString();
}

/** A date-only string `days` from today in local time, as date alerts carry them. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 'acme',
    baseUrl: 'https://op.acme.test',
    instanceName: 'ACME OpenProject',
    user: { id: 7, name: 'Jane Doe' },
    authMethod: 'apiToken',
    state: { kind: 'connected', message: null },
    options: { label: null, notify: true },
    lastSyncAt: minutesAgo(1),
    ...overrides,
  };
}

let nextNotificationId = 1000;

export function makeGroup(overrides: Partial<NotificationGroup> = {}): NotificationGroup {
  const workPackageId = overrides.workPackageId ?? 42;
  const count = overrides.count ?? 1;
  const ids = Array.from({ length: count }, () => nextNotificationId++);
  return {
    workPackageId,
    subject: `Work package ${workPackageId}`,
    projectId: 3,
    projectName: 'Demo project',
    reasons: ['mentioned'],
    count,
    latestAt: minutesAgo(5),
    actor: { id: 5, name: 'John Smith' },
    notificationIds: ids,
    dateAlert: null,
    url: `https://op.acme.test/work_packages/${workPackageId}`,
    type: 'Task',
    actorAvatarUrl: null,
    ...overrides,
  };
}

export function synced(accountId: string, groups: NotificationGroup[]): AccountNotifications {
  return { accountId, groups, syncedAt: minutesAgo(1) };
}

export function makeWorkPackage(overrides: Partial<WorkPackageSummary> = {}): WorkPackageSummary {
  const id = overrides.id ?? 123;
  return {
    id,
    displayId: String(id),
    subject: `Work package ${id}`,
    type: 'Bug',
    status: 'In progress',
    project: 'Demo project',
    assignee: 'Jane Doe',
    updatedAt: minutesAgo(30),
    url: `https://op.acme.test/work_packages/${id}`,
    ...overrides,
  };
}

export function hit(accountId: string, overrides: Partial<WorkPackageSummary> = {}): SearchHit {
  return { accountId, workPackage: makeWorkPackage(overrides) };
}

export function probeAnswer(overrides: Partial<ProbeResult['instance']> = {}): ProbeResult {
  return {
    instance: {
      baseUrl: 'https://op.acme.test',
      instanceName: 'ACME OpenProject',
      coreVersion: '17.0.1',
      user: null,
      ...overrides,
    },
    warnings: [],
    oauthRedirectUri: 'http://127.0.0.1:47651/oauth-callback',
  };
}
