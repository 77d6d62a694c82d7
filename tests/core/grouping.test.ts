import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../main/core/domain';
import { groupByWorkPackage } from '../../main/core/notifications/grouping';

const url = (id: number): string => `https://op.example.com/work_packages/${id}`;
const jane = { id: 5, name: 'Jane Doe' };
const bob = { id: 6, name: 'Bob Ross' };

let nextId = 1;
function item(fields: Partial<NotificationItem>): NotificationItem {
  const id = fields.id ?? nextId++;
  return {
    id,
    readIAN: false,
    reason: 'mentioned',
    createdAt: fields.updatedAt ?? '2026-06-01T10:00:00.000Z',
    updatedAt: '2026-06-01T10:00:00.000Z',
    workPackageId: 42,
    workPackageSubject: 'Ship v1',
    projectId: 3,
    projectName: 'Demo',
    actor: jane,
    details: [],
    ...fields,
  };
}

describe('groupByWorkPackage', () => {
  it('makes one group per work package, newest group first', () => {
    const groups = groupByWorkPackage(
      [
        item({ id: 1, workPackageId: 42, updatedAt: '2026-06-01T10:00:00.000Z' }),
        item({
          id: 2,
          workPackageId: 43,
          workPackageSubject: 'Docs',
          updatedAt: '2026-06-01T11:00:00.000Z',
        }),
        item({ id: 3, workPackageId: 42, updatedAt: '2026-06-01T09:00:00.000Z' }),
      ],
      url,
    );
    expect(groups.map((g) => [g.workPackageId, g.count, g.subject])).toEqual([
      [43, 1, 'Docs'],
      [42, 2, 'Ship v1'],
    ]);
    expect(groups[1]).toMatchObject({
      latestAt: '2026-06-01T10:00:00.000Z',
      notificationIds: [1, 3],
      projectId: 3,
      projectName: 'Demo',
      url: 'https://op.example.com/work_packages/42',
    });
  });

  it('lists distinct reasons, most recent first', () => {
    const [group] = groupByWorkPackage(
      [
        item({ reason: 'assigned', updatedAt: '2026-06-01T08:00:00.000Z' }),
        item({ reason: 'mentioned', updatedAt: '2026-06-01T12:00:00.000Z' }),
        item({ reason: 'assigned', updatedAt: '2026-06-01T11:00:00.000Z' }),
        item({ reason: 'someFutureReason', updatedAt: '2026-06-01T10:00:00.000Z' }),
      ],
      url,
    );
    expect(group?.reasons).toEqual(['mentioned', 'assigned', 'someFutureReason']);
    expect(group?.count).toBe(4);
  });

  it('takes the actor of the most recent notification that has one', () => {
    const [group] = groupByWorkPackage(
      [
        item({ actor: jane, updatedAt: '2026-06-01T08:00:00.000Z' }),
        item({ actor: bob, updatedAt: '2026-06-01T09:00:00.000Z' }),
        item({ reason: 'dateAlert', actor: null, updatedAt: '2026-06-01T10:00:00.000Z' }),
      ],
      url,
    );
    expect(group?.actor).toEqual(bob);
  });

  it('has no actor when only system events (date alerts) are unread', () => {
    const [group] = groupByWorkPackage([item({ reason: 'dateAlert', actor: null })], url);
    expect(group?.actor).toBeNull();
  });

  it("carries the most recent date alert's date", () => {
    const [group] = groupByWorkPackage(
      [
        item({
          reason: 'dateAlert',
          actor: null,
          details: [{ property: 'startDate', value: '2026-06-01' }],
          updatedAt: '2026-05-30T05:00:00.000Z',
        }),
        item({
          reason: 'dateAlert',
          actor: null,
          details: [{ property: 'dueDate', value: '2026-06-02' }],
          updatedAt: '2026-06-01T05:00:00.000Z',
        }),
        item({ reason: 'mentioned', updatedAt: '2026-06-01T09:00:00.000Z' }),
        item({
          reason: 'reminder',
          details: [{ property: 'note', value: 'call back' }],
          updatedAt: '2026-06-01T10:00:00.000Z',
        }),
      ],
      url,
    );
    expect(group?.dateAlert).toEqual({ property: 'dueDate', value: '2026-06-02' });
    expect(group?.reasons).toEqual(['reminder', 'mentioned', 'dateAlert']);
  });

  it('has no date alert when none of its notifications is one', () => {
    const [group] = groupByWorkPackage(
      [item({ reason: 'reminder', details: [{ property: 'note', value: 'x' }] })],
      url,
    );
    expect(group?.dateAlert).toBeNull();
  });

  it('breaks time ties by the higher (newer) id and keeps ids newest first', () => {
    const same = '2026-06-01T10:00:00.000Z';
    const groups = groupByWorkPackage(
      [
        item({ id: 10, workPackageId: 1, updatedAt: same }),
        item({ id: 11, workPackageId: 2, updatedAt: same }),
        item({ id: 12, workPackageId: 1, updatedAt: same, reason: 'assigned' }),
      ],
      url,
    );
    expect(groups.map((g) => g.workPackageId)).toEqual([2, 1]);
    expect(groups[1]?.notificationIds).toEqual([12, 10]);
    expect(groups[1]?.reasons).toEqual(['assigned', 'mentioned']);
  });

  it('fills subject and project from an older notification when the newest lacks them', () => {
    const [group] = groupByWorkPackage(
      [
        item({
          workPackageSubject: null,
          projectId: null,
          projectName: null,
          updatedAt: '2026-06-01T12:00:00.000Z',
        }),
        item({ workPackageSubject: 'Ship v1', updatedAt: '2026-06-01T08:00:00.000Z' }),
      ],
      url,
    );
    expect(group).toMatchObject({ subject: 'Ship v1', projectId: 3, projectName: 'Demo' });
  });

  it('names a work package without any subject by its number, and skips notifications without one', () => {
    const groups = groupByWorkPackage(
      [item({ workPackageId: 7, workPackageSubject: null }), item({ workPackageId: null })],
      url,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.subject).toBe('Work package #7');
  });

  it('returns nothing for nothing', () => {
    expect(groupByWorkPackage([], url)).toEqual([]);
  });
});
