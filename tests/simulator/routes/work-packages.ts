/**
 * `/api/v3/work_packages`: the filtered, sorted, paged collection (full resources with a schemas
 * collection, or only the `select=`ed properties), and one work package by id or display id.
 */
import type { WorkPackage } from '../data/model';
import { sendHal } from '../http';
import { notFound } from '../problems';
import { pageOf, parsePage } from '../query/params';
import {
  sortWorkPackages,
  workPackageClauses,
  workPackagePredicate,
} from '../query/work-package-filters';
import { paginatedCollection } from '../representers/collection';
import { parseSelect, selectCollection } from '../representers/select';
import {
  displayId,
  selectedWorkPackage,
  workPackageRepresentation,
} from '../representers/work-package';
import type { ApiCall, ApiRoute } from './types';

function schemas(call: ApiCall, elements: readonly WorkPackage[]): Record<string, unknown> {
  const keys = [...new Set(elements.map((wp) => `${wp.projectId}-${wp.typeId}`))];
  const href = (key: string) => call.sim.paths.api(`/work_packages/schemas/${key}`);
  return {
    _type: 'Collection',
    total: keys.length,
    count: keys.length,
    _embedded: {
      elements: keys.map((key) => ({
        _type: 'Schema',
        _dependencies: [],
        _links: { self: { href: href(key) } },
      })),
    },
    _links: {
      self: {
        href: call.sim.paths.api(
          `/work_packages/schemas?filters=${encodeURIComponent(JSON.stringify([{ id: { operator: '=', values: keys } }]))}`,
        ),
      },
    },
  };
}

function list(call: ApiCall): void {
  const { ex, sim, rep } = call;
  const { state } = sim.store;
  const viewerId = call.principal.user?.id ?? 0;
  const clauses = workPackageClauses(ex.query.get('filters'));
  const predicate = workPackagePredicate(clauses, {
    state,
    viewerId,
    semanticIds: sim.settings.semanticIds,
  });
  const matching = sortWorkPackages(
    state,
    [...state.workPackages.values()].filter(predicate),
    ex.query.get('sortBy'),
  );
  const page = parsePage(ex.query);
  const elements = pageOf(matching, page);
  const carried: Record<string, string> = {
    filters: JSON.stringify(
      clauses.map((c) => ({ [c.name]: { operator: c.operator, values: c.values } })),
    ),
  };
  for (const key of ['sortBy', 'groupBy', 'select']) {
    const value = ex.query.get(key);
    if (value !== null) carried[key] = value;
  }
  const selection = parseSelect(ex.query.get('select'));
  if (selection) {
    const full = paginatedCollection({
      selfPath: sim.paths.api('/work_packages'),
      carried,
      page,
      total: matching.length,
      elements: [],
    });
    full.count = elements.length;
    const selected = elements.map((wp) => selectedWorkPackage(rep, wp, selection.elements));
    sendHal(ex, 200, selectCollection(full, selection, selected));
    return;
  }
  sendHal(
    ex,
    200,
    paginatedCollection({
      selfPath: sim.paths.api('/work_packages'),
      carried,
      page,
      total: matching.length,
      elements: elements.map((wp) => workPackageRepresentation(rep, wp, false)),
      embedded: { schemas: schemas(call, elements) },
    }),
  );
}

/** By numeric id, or by display id (`WEB-12`) when semantic ids are on. */
function find(call: ApiCall): WorkPackage {
  const { state } = call.sim.store;
  const key = call.params.id ?? '';
  if (/^\d+$/.test(key)) {
    const wp = state.workPackages.get(Number(key));
    if (wp) return wp;
  } else if (call.sim.settings.semanticIds) {
    const wanted = key.toUpperCase();
    for (const wp of state.workPackages.values())
      if (displayId(state, wp, true) === wanted) return wp;
  }
  throw notFound();
}

const guarded = { loggedIn: true, area: 'workPackages' } as const;

export const workPackageRoutes: ApiRoute[] = [
  { method: 'GET', path: '/work_packages', ...guarded, handle: list },
  {
    method: 'GET',
    path: '/work_packages/:id',
    ...guarded,
    handle: (call) => sendHal(call.ex, 200, workPackageRepresentation(call.rep, find(call), true)),
  },
];
