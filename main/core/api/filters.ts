/**
 * OpenProject query parameters built as data and serialised with JSON.stringify — never by
 * pasting strings. got's `searchParams` URL-encodes the result.
 */

export type FilterOperator = '=' | '!' | '**' | '~' | 'o' | 'c';

/** One `{"name":{"operator":…,"values":[…]}}` entry; values are always strings. */
export type Filter = Record<string, { operator: FilterOperator; values: string[] }>;

export function filter(
  name: string,
  operator: FilterOperator,
  values: readonly (string | number | boolean)[],
): Filter {
  return { [name]: { operator, values: values.map(filterValue) } };
}

function filterValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

export function filtersParam(filters: readonly Filter[]): string {
  return JSON.stringify(filters);
}

export type SortDirection = 'asc' | 'desc';

export function sortByParam(...criteria: readonly [string, SortDirection][]): string {
  return JSON.stringify(criteria);
}

/** Unread in-app notifications. */
export const unreadFilter = (): Filter => filter('readIAN', '=', [false]);

/** Notifications by id. */
export const notificationIdsFilter = (ids: readonly number[]): Filter => filter('id', '=', ids);

/** Notifications about one work package. */
export function workPackageNotificationFilters(workPackageId: number): Filter[] {
  return [filter('resourceId', '=', [workPackageId]), filter('resourceType', '=', ['WorkPackage'])];
}

/** The web app's header search: subject, project, type, status, id. */
export const typeaheadFilter = (text: string): Filter => filter('typeahead', '**', [text]);
