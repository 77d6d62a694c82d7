/**
 * Retries: only idempotent requests, on network errors, 408/429/5xx, honouring the server's
 * requested wait up to a cap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../main/core/api/client';
import { MAX_RETRY_AFTER_MS } from '../../main/core/api/http';
import { opError, sendJson, startTinyServer, type TinyServer } from './support/tiny-server';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Fails the first `failures` requests with `fail`, then answers a count of 5. */
async function flaky(failures: number, fail: Parameters<typeof startTinyServer>[0]) {
  let seen = 0;
  server = await startTinyServer((req, res) => {
    seen += 1;
    if (seen <= failures) return fail(req, res);
    sendJson(req, res, 200, { total: 5 });
  });
  return server;
}

describe('retries', () => {
  it('retries a GET on 502/503/504 (default: twice) and succeeds', async () => {
    const statuses = [502, 504];
    const s = await flaky(2, (req, res) =>
      sendJson(req, res, statuses.shift() ?? 503, opError('InternalServerError', 'x'), {
        'retry-after': '0',
      }),
    );
    await expect(createClient({ baseUrl: s.url }).unreadCount()).resolves.toBe(5);
    expect(s.requests).toHaveLength(3);
  });

  it('stops after the configured number of retries', async () => {
    const s = await flaky(10, (req, res) =>
      sendJson(req, res, 503, opError('InternalServerError', 'x'), { 'retry-after': '0' }),
    );
    await expect(createClient({ baseUrl: s.url, retries: 1 }).unreadCount()).rejects.toMatchObject({
      kind: 'server',
    });
    expect(s.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After says before retrying a 429', async () => {
    const s = await flaky(1, (req, res) =>
      sendJson(req, res, 429, opError('Throttled', 'slow down'), { 'retry-after': '1' }),
    );
    const started = Date.now();
    await expect(createClient({ baseUrl: s.url }).unreadCount()).resolves.toBe(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(s.requests).toHaveLength(2);
  });

  it('honours RateLimit-Reset when there is no Retry-After', async () => {
    const s = await flaky(1, (req, res) =>
      sendJson(req, res, 429, opError('Throttled', 'slow down'), {
        'ratelimit-remaining': '0',
        'ratelimit-reset': '1',
      }),
    );
    const started = Date.now();
    await expect(createClient({ baseUrl: s.url }).unreadCount()).resolves.toBe(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it(`does not wait beyond ${MAX_RETRY_AFTER_MS / 1000} s: fails at once, saying how long to wait`, async () => {
    const waits: Record<string, string>[] = [
      { 'retry-after': '120' },
      { 'ratelimit-reset': '120' },
    ];
    for (const headers of waits) {
      const s = await flaky(1, (req, res) =>
        sendJson(req, res, 429, opError('Throttled', 'slow down'), headers),
      );
      const started = Date.now();
      await expect(createClient({ baseUrl: s.url }).unreadCount()).rejects.toMatchObject({
        kind: 'rate-limited',
        retryAfterMs: 120_000,
      });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(s.requests).toHaveLength(1);
      await s.close();
    }
    server = undefined;
  });

  it('retries a GET whose connection was reset', async () => {
    const s = await flaky(1, (_req, res) => {
      res.socket?.destroy();
    });
    await expect(createClient({ baseUrl: s.url }).unreadCount()).resolves.toBe(5);
    expect(s.requests).toHaveLength(2);
  });

  it('does not retry what will not change: 404, 401, 400', async () => {
    for (const [status, id] of [
      [404, 'NotFound'],
      [401, 'Unauthenticated'],
      [400, 'InvalidQuery'],
    ] as const) {
      const s = await flaky(5, (req, res) => sendJson(req, res, status, opError(id, 'no')));
      await expect(createClient({ baseUrl: s.url }).unreadCount()).rejects.toMatchObject({
        status,
      });
      expect(s.requests).toHaveLength(1);
      await s.close();
    }
    server = undefined;
  });
});
