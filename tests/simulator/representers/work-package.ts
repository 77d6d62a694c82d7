/**
 * The WorkPackage resource (full, optionally with embedded type/status/project/…), its display id,
 * and the lightweight `select=` rendering of the SQL representer (only the selected properties).
 */
import { DAY } from '../data/clock';
import type { WorkPackage } from '../data/model';
import type { State } from '../data/state';
import { formattable, iso, link, type RepresenterContext } from './context';
import {
  priorityRepresentation,
  projectRepresentation,
  statusRepresentation,
  typeRepresentation,
  userLink,
  userRepresentation,
} from './resources';

/** `WEB-12` with semantic ids, else the numeric id as a string. */
export function displayId(state: State, wp: WorkPackage, semantic: boolean): string {
  if (!semantic) return String(wp.id);
  const project = state.projects.get(wp.projectId);
  return project ? `${project.idPrefix}-${wp.projectSeq}` : String(wp.id);
}

function isMilestone(state: State, wp: WorkPackage): boolean {
  return state.types.get(wp.typeId)?.isMilestone ?? false;
}

function duration(wp: WorkPackage): string | null {
  if (!wp.startDate || !wp.dueDate) return null;
  return `P${Math.round((Date.parse(wp.dueDate) - Date.parse(wp.startDate)) / DAY) + 1}D`;
}

export function workPackageRepresentation(
  ctx: RepresenterContext,
  wp: WorkPackage,
  embed: boolean,
): Record<string, unknown> {
  const { state, paths } = ctx;
  const api = (p: string) => paths.api(`/work_packages/${wp.id}${p}`);
  const project = state.projects.get(wp.projectId);
  const status = state.statuses.get(wp.statusId);
  const type = state.types.get(wp.typeId);
  const priority = state.priorities.get(wp.priorityId);
  const milestone = isMilestone(state, wp);
  const dates = milestone
    ? { date: wp.startDate }
    : {
        startDate: wp.startDate,
        dueDate: wp.dueDate,
        derivedStartDate: null,
        derivedDueDate: null,
      };
  const body: Record<string, unknown> = {
    _type: 'WorkPackage',
    id: wp.id,
    ...(ctx.semanticIds ? { displayId: displayId(state, wp, true) } : {}),
    lockVersion: wp.lockVersion,
    subject: wp.subject,
    description: formattable(wp.description),
    scheduleManually: false,
    readonly: status?.isClosed ?? false,
    ...dates,
    duration: milestone ? 'P1D' : duration(wp),
    estimatedTime: null,
    derivedEstimatedTime: null,
    ignoreNonWorkingDays: false,
    spentTime: 'PT0S',
    percentageDone: wp.percentageDone,
    derivedPercentageDone: null,
    createdAt: iso(wp.createdAt),
    updatedAt: iso(wp.updatedAt),
  };
  if (embed) {
    const author = state.users.get(wp.authorId);
    const assignee = wp.assigneeId === null ? undefined : state.users.get(wp.assigneeId);
    const responsible = wp.responsibleId === null ? undefined : state.users.get(wp.responsibleId);
    body._embedded = {
      ...(type ? { type: typeRepresentation(ctx, type) } : {}),
      ...(status ? { status: statusRepresentation(ctx, status) } : {}),
      ...(priority ? { priority: priorityRepresentation(ctx, priority) } : {}),
      ...(project ? { project: projectRepresentation(ctx, project) } : {}),
      ...(author ? { author: userRepresentation(ctx, author) } : {}),
      ...(assignee ? { assignee: userRepresentation(ctx, assignee) } : {}),
      ...(responsible ? { responsible: userRepresentation(ctx, responsible) } : {}),
    };
  }
  body._links = {
    self: link(api(''), wp.subject),
    schema: { href: paths.api(`/work_packages/schemas/${wp.projectId}-${wp.typeId}`) },
    ancestors: [],
    attachments: { href: api('/attachments') },
    activities: { href: api('/activities') },
    relations: { href: api('/relations') },
    revisions: { href: api('/revisions') },
    watchers: { href: api('/watchers') },
    author: userLink(ctx, wp.authorId),
    assignee: userLink(ctx, wp.assigneeId),
    responsible: userLink(ctx, wp.responsibleId),
    priority: link(paths.api(`/priorities/${wp.priorityId}`), priority?.name),
    project: link(paths.api(`/projects/${wp.projectId}`), project?.name),
    status: link(paths.api(`/statuses/${wp.statusId}`), status?.name),
    type: link(paths.api(`/types/${wp.typeId}`), type?.name),
    version: { href: null },
    parent: { href: null },
    category: { href: null },
  };
  return body;
}

/** Element properties the SQL representer can select (links count as one property each). */
export const SELECTABLE_ELEMENT_PROPERTIES = [
  '_type',
  'id',
  'displayId',
  'subject',
  'startDate',
  'dueDate',
  'date',
  'self',
  'project',
  'status',
  'type',
  'author',
  'assignee',
  'responsible',
] as const;

const LINK_PROPERTIES = new Set([
  'self',
  'project',
  'status',
  'type',
  'author',
  'assignee',
  'responsible',
]);

/** A work package with only the selected properties (`select=elements/id,elements/subject,…`). */
export function selectedWorkPackage(
  ctx: RepresenterContext,
  wp: WorkPackage,
  selected: ReadonlySet<string>,
): Record<string, unknown> {
  const { state, paths } = ctx;
  const milestone = isMilestone(state, wp);
  const all = selected.has('*');
  const want = (p: string) => all || selected.has(p);
  const out: Record<string, unknown> = {};
  if (want('_type')) out._type = 'WorkPackage';
  if (want('id')) out.id = wp.id;
  if (want('displayId')) out.displayId = displayId(state, wp, ctx.semanticIds);
  if (want('subject')) out.subject = wp.subject;
  if (want('startDate') && !milestone) out.startDate = wp.startDate;
  if (want('dueDate') && !milestone) out.dueDate = wp.dueDate;
  if (want('date') && milestone) out.date = wp.startDate;
  const links: Record<string, unknown> = {};
  const name = (map: Map<number, { name: string }>, id: number) => map.get(id)?.name;
  for (const key of LINK_PROPERTIES) {
    if (!want(key)) continue;
    if (key === 'self') links.self = link(paths.api(`/work_packages/${wp.id}`), wp.subject);
    if (key === 'project')
      links.project = link(
        paths.api(`/projects/${wp.projectId}`),
        name(state.projects, wp.projectId),
      );
    if (key === 'status')
      links.status = link(paths.api(`/statuses/${wp.statusId}`), name(state.statuses, wp.statusId));
    if (key === 'type')
      links.type = link(paths.api(`/types/${wp.typeId}`), name(state.types, wp.typeId));
    if (key === 'author') links.author = userLink(ctx, wp.authorId);
    if (key === 'assignee') links.assignee = userLink(ctx, wp.assigneeId);
    if (key === 'responsible') links.responsible = userLink(ctx, wp.responsibleId);
  }
  if (Object.keys(links).length > 0) out._links = links;
  return out;
}
