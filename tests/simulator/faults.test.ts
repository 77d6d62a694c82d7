/**
 * Fault injection (latency, 5xx, 429, dropped connections, malformed JSON, wrong shape; counted,
 * scoped by path, cleared) and the request statistics.
 */
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { basic, call, start, UNREAD } from './test-helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await start();
});
afterEach(() => sim.stop());

const COUNT = `/api/v3/notifications?pageSize=0&filters=${UNREAD}`;

describe('faults', () => {
  it('latency delays the answer', async () => {
    sim.control.injectFault({ kind: 'latency', ms: 300, times: 1 });
    const started = performance.now();
    expect((await call(sim, COUNT)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    // Used up: the next request is not delayed any more.
    expect(sim.control.faults()).toEqual([]);
  });

  it('500 is an OpenProject error body; 502/503 are proxy HTML pages, with Retry-After when asked', async () => {
    sim.control.injectFault({ kind: 'status', status: 500, times: 1 });
    const internal = await call(sim, COUNT);
    expect(internal.status).toBe(500);
    expect(await internal.json()).toMatchObject({
      errorIdentifier: 'urn:openproject-org:api:v3:errors:InternalServerError',
    });
    for (const status of [502, 503] as const) {
      sim.control.injectFault({ kind: 'status', status, retryAfterSeconds: 7, times: 1 });
      const response = await call(sim, COUNT);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(await response.text()).toContain(String(status));
    }
    expect((await call(sim, COUNT)).status).toBe(200);
  });

  it('429 carries Retry-After, RateLimit-* headers and the Throttled body', async () => {
    sim.control.injectFault({ kind: 'rateLimit', retryAfterSeconds: 30, times: 1 });
    const response = await call(sim, COUNT);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('ratelimit-limit')).toBe('6');
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
    expect(response.headers.get('ratelimit-reset')).toBe('30');
    expect(await response.json()).toEqual({
      _type: 'Error',
      errorIdentifier: 'urn:openproject-org:api:v3:errors:Throttled',
      message: 'You have reached the request limit for this resource.',
    });
  });

  it('a dropped connection fails the request mid-response', async () => {
    sim.control.injectFault({ kind: 'drop', times: 1 });
    await expect(call(sim, COUNT).then((r) => r.text())).rejects.toThrow();
    expect((await call(sim, COUNT)).status).toBe(200);
    expect(sim.control.stats().recent.map((r) => r.dropped)).toEqual([true, false]);
  });

  it('malformed JSON and valid JSON of the wrong shape', async () => {
    sim.control.injectFault({ kind: 'malformedJson', times: 1 });
    const malformed = await call(sim, COUNT);
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toBe('application/hal+json; charset=utf-8');
    await expect(malformed.json()).rejects.toThrow();
    sim.control.injectFault({ kind: 'wrongShape', times: 1 });
    const wrong = (await (await call(sim, COUNT)).json()) as Record<string, unknown>;
    expect(typeof wrong.total).toBe('string');
  });

  it('applies to the next N requests, or only below a path prefix, or until cleared', async () => {
    sim.control.injectFault({ kind: 'status', status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(sim, COUNT)).status);
    expect(statuses).toEqual([503, 503, 200]);

    sim.control.injectFault({ kind: 'status', status: 500, pathPrefix: '/api/v3/work_packages' });
    expect((await call(sim, COUNT)).status).toBe(200);
    expect((await call(sim, '/api/v3/work_packages')).status).toBe(500);
    expect((await call(sim, '/api/v3/work_packages')).status).toBe(500);
    expect(sim.control.faults()).toHaveLength(1);
    sim.control.clearFaults();
    expect((await call(sim, '/api/v3/work_packages')).status).toBe(200);

    const id = sim.control.injectFault({ kind: 'rateLimit', method: 'POST' });
    expect((await call(sim, COUNT)).status).toBe(200);
    const post = await call(sim, '/api/v3/notifications/read_ian', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(429);
    sim.control.clearFaults(id);
    expect(sim.control.faults()).toEqual([]);
  });
});

/** Reads a whole HTTP/1.1 response off a raw socket: the exact bytes on the wire. */
function rawGet(target: Simulator, path: string, headers: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(target.port, '127.0.0.1', () => {
      socket.write(
        `GET ${new URL(target.url).pathname.replace(/\/$/, '')}${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`,
      );
    });
    let bytes = 0;
    socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
    socket.on('end', () => resolve(bytes));
    socket.on('error', reject);
  });
}

describe('request statistics', () => {
  it('count requests and the exact response bytes on the wire, per path, gzip included', async () => {
    const heavy = await start({ unread: 500 });
    try {
      heavy.control.resetStats();
      const auth = `Authorization: ${basic(heavy.tokens.apiKey)}\r\n`;
      const socketBytes = {
        plain: await rawGet(heavy, COUNT, auth),
        gzip: await rawGet(heavy, COUNT, `${auth}Accept-Encoding: gzip\r\n`),
      };
      const stats = heavy.control.stats();
      expect(stats.requests).toBe(2);
      expect(stats.recent.map((r) => r.bytes)).toEqual([socketBytes.plain, socketBytes.gzip]);
      expect(socketBytes.gzip).toBeLessThan(socketBytes.plain);
      expect(stats.byPath['/api/v3/notifications']).toEqual({
        requests: 2,
        bytes: socketBytes.plain + socketBytes.gzip,
      });
    } finally {
      await heavy.stop();
    }
  });

  it('one unread-count check with 500 unread notifications is one small request', async () => {
    const heavy = await start({ unread: 500 });
    try {
      heavy.control.resetStats();
      const response = await call(heavy, COUNT, { headers: { 'accept-encoding': 'gzip' } });
      expect(((await response.json()) as { total: number }).total).toBe(500);
      const stats = heavy.control.stats();
      expect(stats.requests).toBe(1);
      expect(stats.bytes).toBeGreaterThan(200);
      expect(stats.bytes).toBeLessThan(1500);
      heavy.control.resetStats();
      expect(heavy.control.stats()).toEqual({ requests: 0, bytes: 0, byPath: {}, recent: [] });
    } finally {
      await heavy.stop();
    }
  });

  it('the control interface is not counted', async () => {
    sim.control.resetStats();
    await fetch(`${sim.url}/__control/stats`, {
      headers: { 'x-simulator-secret': sim.control.secret },
    });
    await call(sim, '/api/v3');
    expect(sim.control.stats().requests).toBe(1);
  });
});
