import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result, SearchResponse } from '../../preload/contract';
import { SearchSession, type SearchState } from '../../renderer/src/search/searchSession';
import { FakeBridge } from './fake-bridge';
import { hit } from './fixtures';

const DEBOUNCE = 250;

function setup() {
  const fake = new FakeBridge({
    workPackages: [
      hit('acme', { id: 1, subject: 'Login fails on Safari' }),
      hit('acme', { id: 2, subject: 'Logout button' }),
      hit('acme', { id: 123, subject: 'Release notes' }),
    ],
  });
  const states: SearchState[] = [];
  const session = new SearchSession(fake.bridge, (s) => states.push(s), DEBOUNCE, 'test');
  const last = () => states.at(-1);
  return { fake, session, states, last };
}

/** Lets the bridge's promises (and the session's awaits) settle. */
async function settle() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe('the search session: debounced, stale requests cancelled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends one request for a burst of typing, after the pause', async () => {
    const { fake, session, last } = setup();
    session.setText('l');
    vi.advanceTimersByTime(DEBOUNCE - 50);
    session.setText('lo');
    vi.advanceTimersByTime(DEBOUNCE - 50);
    session.setText('log');
    expect(last()?.phase).toBe('waiting');
    expect(fake.requests('search')).toEqual([]);

    vi.advanceTimersByTime(DEBOUNCE);
    await settle();
    expect(fake.requests('search')).toEqual([{ requestId: 'test-1', text: 'log' }]);
    expect(last()?.phase).toBe('done');
    expect(last()?.hits.map((h) => h.workPackage.id)).toEqual([1, 2]);
  });

  it('cancels the request still under way when a newer one starts', async () => {
    const { fake, session, last } = setup();
    fake.holdSearches = true;
    session.setText('log');
    vi.advanceTimersByTime(DEBOUNCE);
    await settle();
    expect(last()?.phase).toBe('searching');

    session.setText('logout');
    vi.advanceTimersByTime(DEBOUNCE);
    await settle();
    expect(fake.requests('cancelSearch')).toEqual([{ requestId: 'test-1' }]);
    expect(fake.requests('search').map((r) => r.requestId)).toEqual(['test-1', 'test-2']);

    fake.releaseSearch('test-2');
    await settle();
    expect(last()?.phase).toBe('done');
    expect(last()?.hits.map((h) => h.workPackage.subject)).toEqual(['Logout button']);
  });

  it('drops an answer that arrives after a newer request started, even if main did not cancel it', async () => {
    const { fake, session, last } = setup();
    const answers: ((r: Result<SearchResponse>) => void)[] = [];
    fake.handle('search', () => new Promise((resolve) => answers.push(resolve)));
    fake.handle('cancelSearch', () => ({ ok: true, value: null }));

    session.setText('log');
    vi.advanceTimersByTime(DEBOUNCE);
    await settle();
    session.setText('release');
    vi.advanceTimersByTime(DEBOUNCE);
    await settle();
    expect(answers).toHaveLength(2);

    answers[1]?.({
      ok: true,
      value: { requestId: 'test-2', hits: [hit('acme', { id: 123 })], failures: [] },
    });
    await settle();
    answers[0]?.({
      ok: true,
      value: { requestId: 'test-1', hits: [hit('acme', { id: 1 })], failures: [] },
    });
    await settle();
    expect(last()?.hits.map((h) => h.workPackage.id)).toEqual([123]);
    expect(last()?.text).toBe('release');
  });

  it('clearing the input cancels the pending search and goes back to the recent list', async () => {
    const { fake, session, last } = setup();
    fake.holdSearches = true;
    session.setText('log');
    vi.advanceTimersByTime(DEBOUNCE);
    await settle();
    session.setText('');
    expect(last()).toMatchObject({ phase: 'recent', text: '', hits: [] });
    expect(fake.requests('cancelSearch')).toEqual([{ requestId: 'test-1' }]);
    vi.advanceTimersByTime(DEBOUNCE * 4);
    await settle();
    expect(fake.requests('search')).toHaveLength(1);
  });

  it('reports a failed search, and stops everything when disposed', async () => {
    const { fake, session, last, states } = setup();
    fake.handle('search', () => ({
      ok: false,
      error: { kind: 'timeout', message: 'OpenProject took too long.' },
    }));
    session.setText('x');
    vi.advanceTimersByTime(DEBOUNCE);
    await settle();
    expect(last()).toMatchObject({ phase: 'failed', error: { kind: 'timeout' } });

    session.setText('y');
    session.dispose();
    const count = states.length;
    vi.advanceTimersByTime(DEBOUNCE * 2);
    await settle();
    expect(fake.requests('search')).toHaveLength(1);
    expect(states).toHaveLength(count);
  });
});
