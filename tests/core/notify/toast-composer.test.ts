import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../../main/core/domain';
import { cleanText, composeToast } from '../../../main/core/notify/toast-composer';

const links = {
  workPackage: (id: number) => `https://op.example/work_packages/${id}`,
  notificationCenter: () => 'https://op.example/notifications',
};

let nextId = 1;
function item(overrides: Partial<NotificationItem> = {}): NotificationItem {
  const id = nextId++;
  const at = new Date(Date.UTC(2026, 5, 1, 9, 0, id)).toISOString();
  return {
    id,
    readIAN: false,
    reason: 'mentioned',
    createdAt: at,
    updatedAt: at,
    workPackageId: 123,
    workPackageSubject: 'Fix login',
    projectId: 1,
    projectName: 'Website',
    actor: { id: 5, name: 'Jane Doe' },
    details: [],
    ...overrides,
  };
}

const compose = (items: NotificationItem[], accountLabel?: string) =>
  composeToast({ accountId: 'acct', items, links, accountLabel: accountLabel ?? null });

describe('one work package', () => {
  it('names the work package, the project, the reason in OpenProject words, and the actor', () => {
    expect(compose([item()])).toEqual({
      id: expect.stringMatching(/^acct:wp123:\d+@/) as string,
      title: '#123 Fix login',
      body: 'Website · mentioned by Jane Doe',
      url: 'https://op.example/work_packages/123',
    });
    expect(compose([item({ reason: 'responsible' })])?.body).toBe(
      'Website · accountable by Jane Doe',
    );
    expect(compose([item({ reason: 'assigned' })])?.body).toBe('Website · assigned by Jane Doe');
    expect(compose([item({ reason: 'watched' })])?.body).toBe('Website · watched by Jane Doe');
  });

  it('coalesces several updates: "3 updates on #123 …", reasons and actors once each', () => {
    const toast = compose([
      item({ reason: 'commented', actor: { id: 6, name: 'Bob' } }),
      item({ reason: 'mentioned' }),
      item({ reason: 'mentioned', actor: { id: 7, name: 'Ann' } }),
    ]);
    expect(toast?.title).toBe('3 updates on #123 Fix login');
    expect(toast?.body).toBe('Website · mentioned, commented by Ann and 2 others');
  });

  it('describes date alerts and reminders by their detail; system events have no actor', () => {
    expect(
      compose([
        item({
          reason: 'dateAlert',
          actor: null,
          details: [{ property: 'dueDate', value: '2026-06-02' }],
        }),
      ])?.body,
    ).toBe('Website · date alert: finish date 2026-06-02');
    expect(
      compose([
        item({
          reason: 'reminder',
          actor: null,
          details: [{ property: 'note', value: 'Call Ann' }],
        }),
      ])?.body,
    ).toBe('Website · reminder: Call Ann');
  });

  it('keeps text on one bounded line and names the account when there are several', () => {
    const toast = compose(
      [item({ workPackageSubject: `Line one\nline\ttwo ${'x'.repeat(300)}`, projectName: null })],
      'Work',
    );
    expect(toast?.title).toMatch(/^#123 Line one line two x+…$/);
    expect(toast?.title.length).toBeLessThanOrEqual(120);
    expect(toast?.body).toBe('Work · mentioned by Jane Doe');
    expect(cleanText('a\u0000b\u2028c', 10)).toBe('a b c');
  });
});

describe('several work packages', () => {
  it('one summary instead of a burst: two named, newest first, then "and N more"', () => {
    const items = [
      item({ workPackageId: 1, workPackageSubject: 'Old' }),
      item({ workPackageId: 2, workPackageSubject: 'Older' }),
      item({ workPackageId: 3, workPackageSubject: 'Middle' }),
      item({ workPackageId: 40, workPackageSubject: 'Ship v1' }),
      item({ workPackageId: 12, workPackageSubject: 'Fix login' }),
    ];
    expect(compose(items)).toEqual({
      id: expect.stringMatching(/^acct:summary:/) as string,
      title: '5 work packages changed',
      body: '#12 Fix login, #40 Ship v1 and 3 more',
      url: 'https://op.example/notifications',
    });
  });

  it('two work packages: both named', () => {
    const items = [
      item({ workPackageId: 1, workPackageSubject: 'A' }),
      item({ workPackageId: 2, workPackageSubject: 'B' }),
    ];
    expect(compose(items)?.body).toBe('#2 B and #1 A');
  });

  it('nothing to say: no toast', () => {
    expect(compose([])).toBeNull();
  });
});
