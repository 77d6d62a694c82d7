import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/core/api/errors';
import { harness } from './support/harness';

const MINUTE = 60_000;

describe('account state after failures: what happened, what to do', () => {
  const cases = [
    {
      error: new ApiError(
        'unreachable',
        'OpenProject at https://x could not be reached (connection refused). Check the URL and your network.',
      ),
      kind: 'offline',
    },
    {
      error: new ApiError('timeout', 'OpenProject at https://x did not answer within 15 s.'),
      kind: 'offline',
    },
    {
      error: new ApiError('server', 'OpenProject answered with a server error (502)'),
      kind: 'server-error',
    },
    {
      error: new ApiError(
        'tls',
        'The certificate of https://x is not trusted. Add its CA in the settings.',
      ),
      kind: 'server-error',
    },
    {
      error: new ApiError('unexpected', 'OpenProject sent an answer the app does not understand.'),
      kind: 'server-error',
    },
    { error: new TypeError('boom'), kind: 'server-error' },
  ] as const;

  for (const { error, kind } of cases) {
    it(`${error instanceof ApiError ? error.kind : 'a bug'} → ${kind}, retrying by itself`, async () => {
      const t = await harness();
      t.server.fault = () => error;
      await t.tick();
      const state = t.lastState();
      expect(state?.kind).toBe(kind);
      expect(state?.failures).toBe(1);
      expect(state?.message).toContain(
        error instanceof ApiError ? error.message.replace(/\.$/, '') : 'boom',
      );
      expect(state?.message).toMatch(/keeps trying by itself; use "Refresh now"/);
      expect(state?.nextPollAt).toBe(t.clock.now() + MINUTE);
      t.server.fault = null;
      await t.clock.runNext();
      expect(t.lastState()).toMatchObject({ kind: 'ok', failures: 0, message: 'Up to date.' });
    });
  }

  it('429 with Retry-After → rate-limited, and no request before the server allows it', async () => {
    const t = await harness();
    t.server.fault = () =>
      new ApiError('rate-limited', 'OpenProject asked the app to slow down.', {
        retryAfterMs: 15 * MINUTE,
      });
    await t.tick();
    expect(t.lastState()?.kind).toBe('rate-limited');
    expect(t.lastState()?.message).toMatch(/waits as long as OpenProject asks/);
    t.server.fault = null;
    const requests = t.requests();
    await t.engine.refreshNow();
    t.power.emit('online');
    await t.tick(15 * MINUTE - 1);
    expect(t.requests()).toBe(requests);
    await t.tick(1);
    expect(t.requests()).toBe(requests + 1);
    expect(t.lastState()?.kind).toBe('ok');
  });

  it('401 after a failed refresh → needs sign-in, and polling stops until signed in again', async () => {
    const t = await harness();
    t.server.fault = () => new ApiError('unauthenticated', 'The API token was not accepted.');
    await t.tick();
    expect(t.lastState()).toMatchObject({
      kind: 'needs-sign-in',
      message:
        'Your sign-in to OpenProject is no longer accepted. Sign in again to get notifications.',
      nextPollAt: null,
    });
    const requests = t.requests();
    t.power.emit('resume');
    t.power.emit('online');
    await t.tick(24 * 60 * MINUTE);
    expect(t.requests()).toBe(requests);
    t.server.fault = null;
    t.server.create({ workPackageId: 3, subject: 'While signed out' });
    await t.engine.signedIn('a');
    expect(t.lastState()?.kind).toBe('ok');
    expect(t.notifier.toasts.map((toast) => toast.title)).toEqual(['#3 While signed out']);
  });
});

describe('power and network signals', () => {
  it('polls at once on resume, unlock and network back; slower while locked or idle', async () => {
    const t = await harness();
    const polls = () => t.events.poll.length;
    t.power.emit('suspend');
    await t.tick(30 * MINUTE);
    expect(polls()).toBe(1);
    t.power.emit('resume');
    await t.tick(1);
    expect(polls()).toBe(2);
    t.power.emit('lock');
    await t.tick(4 * MINUTE);
    expect(polls()).toBe(2);
    await t.tick(MINUTE);
    expect(polls()).toBe(3); // five minutes while locked
    t.power.emit('unlock');
    await t.tick(1);
    expect(polls()).toBe(4);
    t.power.emit('idle');
    await t.tick(2 * MINUTE);
    expect(polls()).toBe(4);
    t.power.emit('active');
    await t.tick(1);
    expect(polls()).toBe(5); // overdue at the regular pace: polls at once
  });

  it('shows "offline" on the OS signal and polls at once when the network is back', async () => {
    const t = await harness();
    t.power.emit('offline');
    expect(t.lastState()?.kind).toBe('offline');
    expect(t.lastState()?.message).toMatch(/computer is offline/);
    const polls = t.events.poll.length;
    t.power.emit('online');
    await t.tick(1);
    expect(t.events.poll.length).toBe(polls + 1);
    expect(t.lastState()?.kind).toBe('ok');
  });
});
