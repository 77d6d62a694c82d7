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

type Table<T> = (call: ApiCall) => Map<number, T>;
type Represent<T> = (rep: RepresenterContext, item: T) => unknown;

/** `GET <path>`: every row of a table as a collection. */
function collectionRoute<T>(path: string, table: Table<T>, represent: Represent<T>): ApiRoute {
  return {
    method: 'GET',
    path,
    ...loggedIn,
    handle: (call) => simpleCollection(call, path, table(call).values(), represent),
  };
}

/** `GET <path>/:id`: one row by its id, 404 when there is none. */
function itemRoute<T>(
  path: string,
  table: Table<T>,
  represent: Represent<T>,
  options: { integerId?: boolean } = {},
): ApiRoute {
  return {
    method: 'GET',
    path: `${path}/:id`,
    ...(options.integerId === false ? {} : { integers: ['id'] }),
    ...loggedIn,
    handle: (call) => sendHal(call.ex, 200, represent(call.rep, byId(table(call), call.params.id))),
  };
}

export const resourceRoutes: ApiRoute[] = [
  { method: 'GET', path: '/users/me', handle: me },
  itemRoute('/users', (call) => call.sim.store.state.users, userRepresentation, {
    integerId: false,
  }),
  { method: 'GET', path: '/users/:id/avatar', ...loggedIn, handle: avatar },
  collectionRoute('/statuses', (call) => call.sim.store.state.statuses, statusRepresentation),
  itemRoute('/statuses', (call) => call.sim.store.state.statuses, statusRepresentation),
  collectionRoute('/types', (call) => call.sim.store.state.types, typeRepresentation),
  itemRoute('/types', (call) => call.sim.store.state.types, typeRepresentation),
  collectionRoute('/priorities', (call) => call.sim.store.state.priorities, priorityRepresentation),
  itemRoute('/priorities', (call) => call.sim.store.state.priorities, priorityRepresentation),
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
  itemRoute('/activities', (call) => call.sim.store.state.journals, activityRepresentation),
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
