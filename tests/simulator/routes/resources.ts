/**
 * The resources notifications and work packages link to: users (incl. `me` and avatars),
 * statuses, types, priorities, projects (by id or identifier), activities, value schemas.
 */
import { userName } from '../data/events';
import { send, sendHal } from '../http';
import { badRequest, notFound } from '../problems';
import {
  activityRepresentation,
  anonymousRepresentation,
  isValueSchemaProperty,
  priorityRepresentation,
  projectRepresentation,
  statusRepresentation,
  typeRepresentation,
  userRepresentation,
  valueSchemaRepresentation,
} from '../representers/resources';
import type { RepresenterContext } from '../representers/context';
import type { ApiCall, ApiRoute } from './types';

function byId<T>(map: Map<number, T>, raw: string | undefined): T {
  const item = raw !== undefined && /^\d+$/.test(raw) ? map.get(Number(raw)) : undefined;
  if (item === undefined) throw notFound();
  return item;
}

function simpleCollection<T>(
  call: ApiCall,
  path: string,
  items: Iterable<T>,
  render: (ctx: RepresenterContext, item: T) => unknown,
): void {
  const elements = [...items].map((item) => render(call.rep, item));
  sendHal(call.ex, 200, {
    _type: 'Collection',
    total: elements.length,
    count: elements.length,
    _embedded: { elements },
    _links: { self: { href: call.sim.paths.api(path) } },
  });
}

function me(call: ApiCall): void {
  const user = call.principal.user;
  sendHal(
    call.ex,
    200,
    user
      ? userRepresentation(call.rep, user)
      : anonymousRepresentation(call.rep, call.sim.store.now()),
  );
}

/** A small SVG with the user's initials (the real endpoint serves the uploaded image or a 404). */
function avatar(call: ApiCall): void {
  const user = byId(call.sim.store.state.users, call.params.id);
  const initials = userName(user)
    .split(/\s+/)
    .map((w) => [...w][0] ?? '')
    .join('')
    .slice(0, 2);
  const hue = (user.id * 67) % 360;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<circle cx="32" cy="32" r="32" fill="hsl(${hue},55%,45%)"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  send(
    call.ex,
    200,
    { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=3600' },
    svg,
  );
}

const loggedIn = { loggedIn: true } as const;

export const resourceRoutes: ApiRoute[] = [
  { method: 'GET', path: '/users/me', handle: me },
  {
    method: 'GET',
    path: '/users/:id',
    ...loggedIn,
    handle: (call) =>
      sendHal(
        call.ex,
        200,
        userRepresentation(call.rep, byId(call.sim.store.state.users, call.params.id)),
      ),
  },
  { method: 'GET', path: '/users/:id/avatar', ...loggedIn, handle: avatar },
  {
    method: 'GET',
    path: '/statuses',
    ...loggedIn,
    handle: (call) =>
      simpleCollection(
        call,
        '/statuses',
        call.sim.store.state.statuses.values(),
        statusRepresentation,
      ),
  },
  {
    method: 'GET',
    path: '/statuses/:id',
    integers: ['id'],
    ...loggedIn,
    handle: (call) =>
      sendHal(
        call.ex,
        200,
        statusRepresentation(call.rep, byId(call.sim.store.state.statuses, call.params.id)),
      ),
  },
  {
    method: 'GET',
    path: '/types',
    ...loggedIn,
    handle: (call) =>
      simpleCollection(call, '/types', call.sim.store.state.types.values(), typeRepresentation),
  },
  {
    method: 'GET',
    path: '/types/:id',
    integers: ['id'],
    ...loggedIn,
    handle: (call) =>
      sendHal(
        call.ex,
        200,
        typeRepresentation(call.rep, byId(call.sim.store.state.types, call.params.id)),
      ),
  },
  {
    method: 'GET',
    path: '/priorities',
    ...loggedIn,
    handle: (call) =>
      simpleCollection(
        call,
        '/priorities',
        call.sim.store.state.priorities.values(),
        priorityRepresentation,
      ),
  },
  {
    method: 'GET',
    path: '/priorities/:id',
    integers: ['id'],
    ...loggedIn,
    handle: (call) =>
      sendHal(
        call.ex,
        200,
        priorityRepresentation(call.rep, byId(call.sim.store.state.priorities, call.params.id)),
      ),
  },
  {
    method: 'GET',
    path: '/projects/:id',
    ...loggedIn,
    handle: (call) => {
      const { projects } = call.sim.store.state;
      const key = call.params.id ?? '';
      const project = /^\d+$/.test(key)
        ? projects.get(Number(key))
        : [...projects.values()].find((p) => p.identifier === key);
      if (!project) throw notFound();
      sendHal(call.ex, 200, projectRepresentation(call.rep, project));
    },
  },
  {
    method: 'GET',
    path: '/activities/:id',
    integers: ['id'],
    ...loggedIn,
    handle: (call) =>
      sendHal(
        call.ex,
        200,
        activityRepresentation(call.rep, byId(call.sim.store.state.journals, call.params.id)),
      ),
  },
  {
    method: 'GET',
    path: '/values/schemas/:property',
    ...loggedIn,
    handle: (call) => {
      const property = call.params.property ?? '';
      if (!/^[a-z][a-zA-Z0-9]*$/.test(property)) throw badRequest('property is invalid');
      if (!isValueSchemaProperty(property)) throw notFound();
      sendHal(call.ex, 200, valueSchemaRepresentation(call.rep, property));
    },
  },
];
