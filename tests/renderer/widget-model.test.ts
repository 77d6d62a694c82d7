import { describe, expect, it } from 'vitest';
import type { NotificationsSnapshot } from '../../preload/contract';
import {
  applyFilters,
  filterChoices,
  mergeGroups,
  NO_FILTERS,
} from '../../renderer/src/widget/model';
import { makeGroup, minutesAgo, synced } from './fixtures';

const snapshot = (accounts: NotificationsSnapshot['accounts']): NotificationsSnapshot => ({
  accounts,
  unread: { total: 0, perAccount: {} },
});
const order = (merged: ReturnType<typeof mergeGroups>) => merged.map((entry) => entry.key);

describe('the widget merges every account into one list, newest first', () => {
  it('keeps a list that is in order already, and sorts one that is not', () => {
    const newest = makeGroup({ workPackageId: 1, latestAt: minutesAgo(1) });
    const older = makeGroup({ workPackageId: 2, latestAt: minutesAgo(5) });
    const oldest = makeGroup({ workPackageId: 3, latestAt: minutesAgo(9) });
    const inOrder = snapshot([synced('a', [newest, older, oldest])]);
    expect(order(mergeGroups(inOrder, new Set()))).toEqual(['a:1', 'a:2', 'a:3']);
    const shuffled = snapshot([synced('a', [older, oldest, newest])]);
    expect(order(mergeGroups(shuffled, new Set()))).toEqual(['a:1', 'a:2', 'a:3']);
    expect(mergeGroups(shuffled, new Set())[0]).toEqual({
      key: 'a:1',
      accountId: 'a',
      group: newest,
    });
  });

  it('interleaves accounts by time, ties by key, and leaves the hidden out', () => {
    const at = minutesAgo(3);
    const merged = mergeGroups(
      snapshot([
        synced('b', [
          makeGroup({ workPackageId: 7, latestAt: minutesAgo(1) }),
          makeGroup({ workPackageId: 8, latestAt: at }),
        ]),
        synced('a', [
          makeGroup({ workPackageId: 8, latestAt: at }),
          makeGroup({ workPackageId: 9, latestAt: minutesAgo(2) }),
          makeGroup({ workPackageId: 10, latestAt: minutesAgo(4) }),
        ]),
      ]),
      new Set(['a:10']),
    );
    expect(order(merged)).toEqual(['b:7', 'a:9', 'a:8', 'b:8']);
  });

  it('shows every entry as it is when no filter is set', () => {
    const entries = mergeGroups(snapshot([synced('a', [makeGroup()])]), new Set());
    expect(applyFilters(entries, NO_FILTERS)).toBe(entries);
  });
});

describe('the filter choices', () => {
  const bug = makeGroup({
    workPackageId: 1,
    reasons: ['mentioned'],
    projectId: 7,
    projectName: 'Website',
  });
  const task = makeGroup({
    workPackageId: 2,
    reasons: ['assigned'],
    projectId: 8,
    projectName: 'App',
  });
  const entries = (groups: ReturnType<typeof makeGroup>[]) =>
    mergeGroups(snapshot([synced('a', groups)]), new Set());

  it('come from the rows: every reason once, projects by name', () => {
    const choices = filterChoices(entries([bug, task]));
    expect([...choices.reasons].sort()).toEqual(['assigned', 'mentioned']);
    expect(choices.projects.map((project) => project.name)).toEqual(['App', 'Website']);
  });

  it('keep the chosen reason and project once their last row is read', () => {
    const before = filterChoices(entries([bug, task]));
    const website = before.projects.find((project) => project.name === 'Website')!;
    const active = { ...NO_FILTERS, reason: 'mentioned' as const, project: website.key };
    const after = filterChoices(entries([task]), active, before);
    expect(after.reasons).toEqual(['assigned', 'mentioned']);
    expect(after.projects).toContainEqual(website);
    expect(filterChoices(entries([task])).reasons).toEqual(['assigned']);
  });
});
