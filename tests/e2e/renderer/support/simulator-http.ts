/**
 * The simulator's HTTP control interface (`/__control/*`), as a test in another process uses it:
 * the truth the specs compare the widget with, and the faults they inject. Never our API client.
 */
export interface ControlNotification {
  id: number;
  recipientId: number;
  reason: string;
  readIAN: boolean;
  workPackageId: number;
  projectId: number;
  actorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ControlWorkPackage {
  id: number;
  subject: string;
  projectId: number;
  isClosed: boolean;
  updatedAt: string;
}

/** Which requests a fault applies to (default: every one until cleared). */
export interface FaultScope {
  /** The next N matching requests only. */
  times?: number;
  /** Only paths below the sub-path starting with this, e.g. `/api/v3/notifications`. */
  pathPrefix?: string;
  method?: string;
}

export type FaultSpec = FaultScope &
  (
    | { kind: 'status'; status: 500 | 502 | 503; retryAfterSeconds?: number }
    | { kind: 'rateLimit'; retryAfterSeconds?: number; limit?: number }
    | { kind: 'drop' | 'malformedJson' | 'wrongShape' }
    | { kind: 'latency'; ms: number }
  );

/** One work package's unread notifications, as the widget should show it. */
export interface ExpectedGroup {
  workPackageId: number;
  subject: string;
  count: number;
  latestAt: string;
}

export class SimulatorHttp {
  constructor(
    /** The simulator's base URL (with its sub-path). */
    readonly url: string,
    private readonly secret: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/__control${path}`, {
      method,
      headers: {
        'x-simulator-secret': this.secret,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__control${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  unreadNotifications(recipient = 'jane'): Promise<ControlNotification[]> {
    return this.call('GET', `/notifications?unread=true&recipient=${recipient}`);
  }

  workPackages(): Promise<ControlWorkPackage[]> {
    return this.call('GET', '/work-packages');
  }

  /** A change on the server that notifies the recipient (default: the demo user, jane). */
  async createNotification(input: {
    workPackageId: number;
    reason: string;
    actor?: string;
    recipient?: string;
  }): Promise<ControlNotification> {
    const change = await this.call<{ notification: ControlNotification }>(
      'POST',
      '/notifications',
      input,
    );
    return change.notification;
  }

  async injectFault(spec: FaultSpec): Promise<string> {
    return (await this.call<{ id: string }>('POST', '/faults', spec)).id;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  async createToken(input: { user?: string; kind?: 'legacy' | 'opapi' } = {}): Promise<string> {
    return (await this.call<{ token: string }>('POST', '/tokens', input)).token;
  }

  async revokeToken(token: string): Promise<void> {
    await this.call('DELETE', `/tokens/${encodeURIComponent(token)}`);
  }

  /**
   * The simulator's unread notifications grouped by work package, newest first (ties: lower work
   * package id first, as the widget breaks them by key), each with its subject.
   */
  async expectedGroups(recipient = 'jane'): Promise<ExpectedGroup[]> {
    const [unread, workPackages] = await Promise.all([
      this.unreadNotifications(recipient),
      this.workPackages(),
    ]);
    const subjects = new Map(workPackages.map((wp) => [wp.id, wp.subject]));
    const groups = new Map<number, ExpectedGroup>();
    for (const notification of unread) {
      const group = groups.get(notification.workPackageId) ?? {
        workPackageId: notification.workPackageId,
        subject: subjects.get(notification.workPackageId) ?? '',
        count: 0,
        latestAt: notification.updatedAt,
      };
      group.count += 1;
      if (Date.parse(notification.updatedAt) > Date.parse(group.latestAt)) {
        group.latestAt = notification.updatedAt;
      }
      groups.set(notification.workPackageId, group);
    }
    return [...groups.values()].sort(
      (a, b) =>
        Date.parse(b.latestAt) - Date.parse(a.latestAt) ||
        String(a.workPackageId).localeCompare(String(b.workPackageId)),
    );
  }
}
