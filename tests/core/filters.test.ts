import { describe, expect, it } from 'vitest';
import {
  filter,
  filtersParam,
  notificationIdsFilter,
  sortByParam,
  typeaheadFilter,
  unreadFilter,
  workPackageNotificationFilters,
} from '../../main/core/api/filters';

describe('filters', () => {
  it('builds the unread filter exactly as the web app sends it', () => {
    expect(filtersParam([unreadFilter()])).toBe('[{"readIAN":{"operator":"=","values":["f"]}}]');
  });

  it('sends ids, booleans and numbers as strings', () => {
    expect(filtersParam([notificationIdsFilter([1, 22])])).toBe(
      '[{"id":{"operator":"=","values":["1","22"]}}]',
    );
    expect(filter('readIAN', '=', [true])).toEqual({ readIAN: { operator: '=', values: ['t'] } });
  });

  it('builds the per-work-package filters', () => {
    expect(
      JSON.parse(filtersParam([unreadFilter(), ...workPackageNotificationFilters(42)])),
    ).toEqual([
      { readIAN: { operator: '=', values: ['f'] } },
      { resourceId: { operator: '=', values: ['42'] } },
      { resourceType: { operator: '=', values: ['WorkPackage'] } },
    ]);
  });

  it('keeps search text intact however odd it is (quotes, brackets, unicode)', () => {
    const text = 'he said "ship" ]}, {"id": [1]} — ünïcödé & 100%';
    const parsed = JSON.parse(filtersParam([typeaheadFilter(text)])) as unknown;
    expect(parsed).toEqual([{ typeahead: { operator: '**', values: [text] } }]);
  });

  it('builds sortBy as a JSON array of pairs', () => {
    expect(sortByParam(['updatedAt', 'desc'])).toBe('[["updatedAt","desc"]]');
    expect(sortByParam(['id', 'desc'], ['createdAt', 'asc'])).toBe(
      '[["id","desc"],["createdAt","asc"]]',
    );
  });
});
