/**
 * The HTTP control interface under `/__control/*` (also below the sub-path), for tests in other
 * processes. Every request needs the run's secret in `x-simulator-secret`; bodies are JSON,
 * validated with zod; answers are plain JSON.
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ControlError } from '../control';
import { API_REASONS } from '../data/model';
import { StoreError } from '../data/store';
import { readBody, sendJson, type Exchange } from '../http';
import { compile, match } from '../router';
import type { SimulatorControl } from '../types';

const userRef = z.union([z.number().int().positive(), z.string().min(1)]);
const scope = {
  times: z.number().int().positive().optional(),
  pathPrefix: z.string().startsWith('/').optional(),
  method: z.string().optional(),
};
const faultSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0), ...scope }),
  z.object({
    kind: z.literal('status'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]),
    retryAfterSeconds: z.number().int().min(0).optional(),
    ...scope,
  }),
  z.object({
    kind: z.literal('rateLimit'),
    retryAfterSeconds: z.number().int().min(0).optional(),
    limit: z.number().int().positive().optional(),
    ...scope,
  }),
  z.object({ kind: z.literal('drop'), ...scope }),
  z.object({ kind: z.literal('malformedJson'), ...scope }),
  z.object({ kind: z.literal('wrongShape'), ...scope }),
]);
const reason = z.enum(API_REASONS);
const createNotification = z.object({
  workPackageId: z.number().int().positive(),
  reason,
  actor: userRef.nullable().optional(),
  recipient: userRef.optional(),
  comment: z.string().optional(),
  property: z.enum(['startDate', 'dueDate', 'date']).optional(),
  onAggregate: z.enum(['update', 'delete']).optional(),
});
const updateNotification = z.object({ reason: reason.optional(), readIAN: z.boolean().optional() });
const markRead = z.object({
  ids: z.array(z.number().int().positive()),
  read: z.boolean().optional(),
});
const clock = z.union([z.object({ advanceMs: z.number() }), z.object({ set: z.string() })]);
const token = z.object({
  user: userRef.optional(),
  kind: z.enum(['legacy', 'opapi']).optional(),
  deny: z.array(z.enum(['notifications', 'workPackages'])).optional(),
});
const settings = z
  .object({
    loginRequired: z.boolean(),
    instanceName: z.string(),
    coreVersion: z.string(),
    absentLinks: z.enum(['omit', 'null']),
    semanticIds: z.boolean(),
    dateAlertsFeature: z.boolean(),
    aggregationMinutes: z.number().min(0),
  })
  .partial();
const reset = z
  .object({ unread: z.number().int().min(0), empty: z.boolean(), seed: z.number().int() })
  .partial();

async function json<T>(ex: Exchange, schema: z.ZodType<T>): Promise<T> {
  const raw = (await readBody(ex.req)).toString('utf8');
  let value: unknown = {};
  if (raw.trim() !== '') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ControlError('The body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ControlError(z.prettifyError(parsed.error));
  return parsed.data;
}

function id(params: Record<string, string>): number {
  const value = Number(params.id);
  if (!Number.isInteger(value)) throw new ControlError(`Not an id: ${params.id}.`);
  return value;
}

interface ControlRoute {
  method: string;
  path: string;
  run(
    ex: Exchange,
    params: Record<string, string>,
    control: SimulatorControl,
  ): [number, unknown] | Promise<[number, unknown]>;
}

const ok = (value: unknown): [number, unknown] => [200, value ?? { ok: true }];

const routes = [
  {
    method: 'GET',
    path: '/state',
    run: (_ex, _p, c) =>
      ok({ now: c.now(), unread: c.unreadCount(), settings: c.settings(), faults: c.faults() }),
  },
  { method: 'GET', path: '/users', run: (_ex, _p, c) => ok(c.users()) },
  { method: 'GET', path: '/work-packages', run: (_ex, _p, c) => ok(c.workPackages()) },
  {
    method: 'GET',
    path: '/notifications',
    run: (ex, _p, c) => {
      const unread = ex.query.get('unread');
      const recipient = ex.query.get('recipient');
      return ok(
        c.notifications({
          ...(unread === null ? {} : { unread: unread === 'true' }),
          ...(recipient === null ? {} : { recipient }),
        }),
      );
    },
  },
  {
    method: 'POST',
    path: '/notifications',
    run: async (ex, _p, c) => [201, c.createNotification(await json(ex, createNotification))],
  },
  {
    method: 'PATCH',
    path: '/notifications/:id',
    run: async (ex, p, c) => ok(c.updateNotification(id(p), await json(ex, updateNotification))),
  },
  {
    method: 'DELETE',
    path: '/notifications/:id',
    run: (_ex, p, c) => {
      if (!c.deleteNotification(id(p)))
        throw new ControlError(`There is no notification ${p.id}.`, 404);
      return ok({ deleted: id(p) });
    },
  },
  {
    method: 'POST',
    path: '/notifications/read',
    run: async (ex, _p, c) => {
      const body = await json(ex, markRead);
      c.markRead(body.ids, body.read ?? true);
      return ok({ unread: c.unreadCount() });
    },
  },
  {
    method: 'POST',
    path: '/clock',
    run: async (ex, _p, c) => {
      const body = await json(ex, clock);
      return ok({
        now: 'advanceMs' in body ? c.advanceClock(body.advanceMs) : c.setClock(body.set),
      });
    },
  },
  { method: 'GET', path: '/faults', run: (_ex, _p, c) => ok(c.faults()) },
  {
    method: 'POST',
    path: '/faults',
    run: async (ex, _p, c) => [201, { id: c.injectFault(await json(ex, faultSpec)) }],
  },
  { method: 'DELETE', path: '/faults', run: (_ex, _p, c) => ok(c.clearFaults()) },
  { method: 'DELETE', path: '/faults/:id', run: (_ex, p, c) => ok(c.clearFaults(p.id)) },
  { method: 'GET', path: '/stats', run: (_ex, _p, c) => ok(c.stats()) },
  { method: 'DELETE', path: '/stats', run: (_ex, _p, c) => ok(c.resetStats()) },
  { method: 'POST', path: '/stats/reset', run: (_ex, _p, c) => ok(c.resetStats()) },
  {
    method: 'POST',
    path: '/tokens',
    run: async (ex, _p, c) => [201, { token: c.createToken(await json(ex, token)) }],
  },
  {
    method: 'DELETE',
    path: '/tokens/:id',
    run: (_ex, p, c) => ok({ revoked: c.revokeToken(p.id ?? '') }),
  },
  { method: 'GET', path: '/settings', run: (_ex, _p, c) => ok(c.settings()) },
  {
    method: 'PATCH',
    path: '/settings',
    run: async (ex, _p, c) => ok(c.updateSettings(await json(ex, settings))),
  },
  {
    method: 'POST',
    path: '/reset',
    run: async (ex, _p, c) => {
      c.reset(await json(ex, reset));
      return ok({ unread: c.unreadCount() });
    },
  },
] satisfies ControlRoute[];

const compiled = routes.map((r) => compile<ControlRoute>(r));

export const CONTROL_PREFIX = '/__control';

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Handles `/__control/…` (`sub` is the part after the prefix). */
export async function handleControl(
  ex: Exchange,
  sub: string,
  control: SimulatorControl,
): Promise<void> {
  if (!secretMatches(ex.req.headers['x-simulator-secret'], control.secret)) {
    sendJson(ex, 403, {
      error: 'Missing or wrong x-simulator-secret header (printed by npm run simulator).',
    });
    return;
  }
  const found = match(compiled, ex.method, sub === '' ? '/' : sub);
  if (!found) {
    sendJson(ex, 404, {
      error: `No control endpoint ${ex.method} ${CONTROL_PREFIX}${sub}.`,
      endpoints: routes.map((r) => `${r.method} ${CONTROL_PREFIX}${r.path}`),
    });
    return;
  }
  try {
    const [status, body] = await found.route.run(ex, found.params, control);
    sendJson(ex, status, body);
  } catch (error) {
    if (error instanceof ControlError) sendJson(ex, error.status, { error: error.message });
    else if (error instanceof StoreError)
      sendJson(ex, error.code === 'not-found' ? 404 : 400, { error: error.message });
    else throw error;
  }
}
