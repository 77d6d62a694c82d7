import { describe, expect, it } from 'vitest';
import {
  isAnonymousUser,
  toNotificationItem,
  toWorkPackageSummary,
} from '../../main/core/api/mappers';
import { NotificationSchema, UserSchema, WorkPackageSchema } from '../../main/core/api/schemas';

const url = (id: number): string => `http://host/openproject/work_packages/${id}`;

const base = {
  _type: 'Notification',
  id: 310,
  readIAN: false,
  reason: 'mentioned',
  createdAt: '2026-05-31T08:15:02.123Z',
  updatedAt: '2026-05-31T08:15:02.123Z',
  _embedded: { details: [] },
};

describe('notification elements as the real server sends them', () => {
  it('reads actor, project and work package from sub-path hrefs and titles', () => {
    const element = NotificationSchema.parse({
      ...base,
      _links: {
        self: { href: '/openproject/api/v3/notifications/310' },
        readIAN: { href: '/openproject/api/v3/notifications/310/read_ian', method: 'post' },
        actor: { href: '/openproject/api/v3/users/5', title: 'Jane Doe' },
        project: { href: '/openproject/api/v3/projects/3', title: 'Demo' },
        activity: { href: '/openproject/api/v3/activities/987' },
        resource: { href: '/openproject/api/v3/work_packages/42', title: 'Ship v1' },
      },
    });
    expect(toNotificationItem(element)).toEqual({
      id: 310,
      readIAN: false,
      reason: 'mentioned',
      createdAt: '2026-05-31T08:15:02.123Z',
      updatedAt: '2026-05-31T08:15:02.123Z',
      workPackageId: 42,
      workPackageSubject: 'Ship v1',
      projectId: 3,
      projectName: 'Demo',
      actor: { id: 5, name: 'Jane Doe' },
      details: [],
    });
  });

  it('accepts a date alert without actor/activity links, and with {href:null} ones', () => {
    for (const links of [{}, { actor: { href: null }, activity: { href: null } }]) {
      const element = NotificationSchema.parse({
        ...base,
        reason: 'dateAlert',
        _embedded: {
          details: [
            {
              _type: 'Values::Property',
              property: 'dueDate',
              value: '2026-06-02',
              _links: { self: { href: '/api/v3/notifications/310/details/0' } },
            },
          ],
        },
        _links: {
          self: { href: '/api/v3/notifications/310' },
          project: { href: '/api/v3/projects/3', title: 'Demo' },
          resource: { href: '/api/v3/work_packages/42', title: 'Ship v1' },
          ...links,
        },
      });
      const item = toNotificationItem(element);
      expect(item.actor).toBeNull();
      expect(item.details).toEqual([{ property: 'dueDate', value: '2026-06-02' }]);
    }
  });

  it('keeps reasons the spec does not list (shared, reminder, future ones)', () => {
    for (const reason of ['shared', 'reminder', 'somethingNew']) {
      const element = NotificationSchema.parse({ ...base, reason, _links: {} });
      expect(toNotificationItem(element).reason).toBe(reason);
    }
  });

  it('takes the actor name from the embedded user of GET /notifications/{id} when the link has no title', () => {
    const element = NotificationSchema.parse({
      ...base,
      _embedded: { details: [], actor: { _type: 'User', id: 5, name: 'Jane Doe' } },
      _links: { actor: { href: '/api/v3/users/5' } },
    });
    expect(toNotificationItem(element).actor).toEqual({ id: 5, name: 'Jane Doe' });
  });

  it('rejects an element without an id or with a broken time', () => {
    expect(NotificationSchema.safeParse({ ...base, id: undefined, _links: {} }).success).toBe(
      false,
    );
    expect(
      NotificationSchema.safeParse({ ...base, updatedAt: 'yesterday', _links: {} }).success,
    ).toBe(false);
  });
});

describe('work packages', () => {
  it('maps the select= subset; an unassigned work package has assignee {href:null}', () => {
    const wp = WorkPackageSchema.parse({
      id: 42,
      displayId: '42',
      subject: 'Login bug',
      _links: {
        self: { href: '/api/v3/work_packages/42', title: 'Login bug' },
        project: { href: '/api/v3/projects/3', title: 'Demo' },
        status: { href: '/api/v3/statuses/1', title: 'New' },
        type: { href: '/api/v3/types/1', title: 'Task' },
        assignee: { href: null },
      },
    });
    expect(toWorkPackageSummary(wp, url)).toEqual({
      id: 42,
      displayId: '42',
      subject: 'Login bug',
      type: 'Task',
      status: 'New',
      project: 'Demo',
      assignee: null,
      updatedAt: null,
      url: 'http://host/openproject/work_packages/42',
    });
  });

  it('shows a semantic displayId and falls back to the id', () => {
    const semantic = WorkPackageSchema.parse({
      id: 42,
      displayId: 'PROJ-7',
      subject: 'x',
      _links: {},
    });
    const plain = WorkPackageSchema.parse({ id: 42, subject: 'x' });
    expect(toWorkPackageSummary(semantic, url).displayId).toBe('PROJ-7');
    expect(toWorkPackageSummary(plain, url).displayId).toBe('42');
  });
});

describe('users/me', () => {
  it('tells the anonymous user from a signed-in one', () => {
    const me = UserSchema.parse({ _type: 'User', id: 5, name: 'Jane Doe', login: 'jane' });
    const anonymous = UserSchema.parse({ _type: 'User', id: 2, name: 'Anonymous', login: '' });
    const anonymousType = UserSchema.parse({ _type: 'AnonymousUser', id: 2, name: 'Anonymous' });
    expect(isAnonymousUser(me)).toBe(false);
    expect(isAnonymousUser(anonymous)).toBe(true);
    expect(isAnonymousUser(anonymousType)).toBe(true);
  });
});
