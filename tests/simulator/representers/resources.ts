/**
 * Users, projects, statuses, types, priorities, activities and value schemas as API v3 renders
 * them (the parts of the real representers a client can notice).
 */
import { userName } from '../data/events';
import type {
  DetailProperty,
  Journal,
  Priority,
  Project,
  Status,
  User,
  WpType,
} from '../data/model';
import { ANONYMOUS_USER_ID } from '../data/state';
import { formattable, iso, link, type RepresenterContext } from './context';

export function userLink(ctx: RepresenterContext, userId: number | null) {
  if (userId === null) return link(null);
  const user = ctx.state.users.get(userId);
  return link(ctx.paths.api(`/users/${userId}`), userName(user));
}

/** A user; the viewer's own record (and an admin's view) adds login, names, email, status, language. */
export function userRepresentation(ctx: RepresenterContext, user: User): Record<string, unknown> {
  const self = ctx.viewer?.id === user.id;
  const privileged = self || (ctx.viewer?.admin ?? false);
  const name = userName(user);
  return {
    _type: 'User',
    id: user.id,
    name,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
    ...(privileged
      ? {
          login: user.login,
          admin: user.admin,
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          status: user.status,
          language: user.language,
          identityUrl: null,
        }
      : {}),
    avatar: `${ctx.origin}${ctx.paths.api(`/users/${user.id}/avatar`)}`,
    _links: {
      self: link(ctx.paths.api(`/users/${user.id}`), name),
      memberships: {
        href: ctx.paths.api(
          `/memberships?filters=${encodeURIComponent(JSON.stringify([{ principal: { operator: '=', values: [String(user.id)] } }]))}`,
        ),
        title: 'Memberships',
      },
      showUser: { href: ctx.paths.web(`/users/${user.id}`), type: 'text/html' },
      ...(ctx.viewer?.admin
        ? {
            updateImmediately: {
              href: ctx.paths.api(`/users/${user.id}`),
              title: `Update ${user.login}`,
              method: 'patch',
            },
            lock: {
              href: ctx.paths.api(`/users/${user.id}/lock`),
              title: `Set lock on ${user.login}`,
              method: 'post',
            },
            delete: {
              href: ctx.paths.api(`/users/${user.id}`),
              title: `Delete ${user.login}`,
              method: 'delete',
            },
          }
        : {}),
    },
  };
}

/** What `/users/me` says to an anonymous caller when login is not required. */
export function anonymousRepresentation(
  ctx: RepresenterContext,
  at: number,
): Record<string, unknown> {
  return {
    _type: 'User',
    id: ANONYMOUS_USER_ID,
    name: 'Anonymous',
    createdAt: iso(at),
    updatedAt: iso(at),
    avatar: null,
    _links: { self: link(ctx.paths.api(`/users/${ANONYMOUS_USER_ID}`), 'Anonymous') },
  };
}

export function projectRepresentation(
  ctx: RepresenterContext,
  project: Project,
): Record<string, unknown> {
  const api = (p: string) => ctx.paths.api(`/projects/${project.id}${p}`);
  return {
    _type: 'Project',
    id: project.id,
    identifier: project.identifier,
    name: project.name,
    active: true,
    public: false,
    description: formattable(project.description),
    createdAt: iso(project.createdAt),
    updatedAt: iso(project.updatedAt),
    statusExplanation: formattable(''),
    _links: {
      self: link(api(''), project.name),
      categories: { href: api('/categories') },
      types: { href: api('/types') },
      versions: { href: api('/versions') },
      memberships: {
        href: ctx.paths.api(
          `/memberships?filters=${encodeURIComponent(JSON.stringify([{ project: { operator: '=', values: [String(project.id)] } }]))}`,
        ),
      },
      workPackages: { href: api('/work_packages') },
      parent: { href: null },
      status: { href: null },
      ancestors: [],
    },
  };
}

export function statusRepresentation(
  ctx: RepresenterContext,
  status: Status,
): Record<string, unknown> {
  return {
    _type: 'Status',
    id: status.id,
    name: status.name,
    isClosed: status.isClosed,
    color: status.color,
    isDefault: status.isDefault,
    isReadonly: false,
    excludedFromTotals: false,
    defaultDoneRatio: status.defaultDoneRatio,
    position: status.position,
    _links: { self: link(ctx.paths.api(`/statuses/${status.id}`), status.name) },
  };
}

export function typeRepresentation(ctx: RepresenterContext, type: WpType): Record<string, unknown> {
  return {
    _type: 'Type',
    id: type.id,
    name: type.name,
    color: type.color,
    position: type.position,
    isDefault: type.isDefault,
    isMilestone: type.isMilestone,
    createdAt: iso(type.createdAt),
    updatedAt: iso(type.updatedAt),
    _links: { self: link(ctx.paths.api(`/types/${type.id}`), type.name) },
  };
}

export function priorityRepresentation(
  ctx: RepresenterContext,
  priority: Priority,
): Record<string, unknown> {
  return {
    _type: 'Priority',
    id: priority.id,
    name: priority.name,
    position: priority.position,
    color: priority.color,
    isDefault: priority.isDefault,
    isActive: true,
    _links: { self: link(ctx.paths.api(`/priorities/${priority.id}`), priority.name) },
  };
}

/** A journal: `Activity::Comment` when it has notes, `Activity` otherwise. */
export function activityRepresentation(
  ctx: RepresenterContext,
  journal: Journal,
): Record<string, unknown> {
  const wp = ctx.state.workPackages.get(journal.workPackageId);
  return {
    _type: journal.notes ? 'Activity::Comment' : 'Activity',
    id: journal.id,
    version: journal.version,
    comment: formattable(journal.notes),
    details: journal.changes.map((change) => ({
      format: 'custom',
      raw: change,
      html: `<strong>${change.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</strong>`,
    })),
    internal: false,
    createdAt: iso(journal.createdAt),
    updatedAt: iso(journal.updatedAt),
    _links: {
      self: link(ctx.paths.api(`/activities/${journal.id}`)),
      workPackage: link(ctx.paths.api(`/work_packages/${journal.workPackageId}`), wp?.subject),
      user: userLink(ctx, journal.userId),
    },
  };
}

const VALUE_SCHEMAS: Readonly<Record<DetailProperty, { name: string; type: string }>> = {
  startDate: { name: 'Start date', type: 'Date' },
  dueDate: { name: 'Finish date', type: 'Date' },
  date: { name: 'Date', type: 'Date' },
  note: { name: 'Reminder note', type: 'String' },
};

export function isValueSchemaProperty(property: string): property is DetailProperty {
  return Object.hasOwn(VALUE_SCHEMAS, property);
}

export function valueSchemaRepresentation(
  ctx: RepresenterContext,
  property: DetailProperty,
): Record<string, unknown> {
  return {
    _type: 'Schema',
    property: { name: 'Property', type: 'String' },
    value: VALUE_SCHEMAS[property],
    _links: { self: { href: ctx.paths.api(`/values/schemas/${property}`) } },
  };
}
