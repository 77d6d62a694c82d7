/**
 * Quick search across two accounts (two simulators): `#id` and text, hits marked by account, a
 * stale search cancelled by its request id, one instance failing while the other still answers,
 * and the recently opened work packages (persisted).
 */
import { describe, expect, it } from 'vitest';
import { connected, simulator, startApp, tempHome, value } from './support';

async function twoAccounts(home?: string) {
  const a = await simulator({ unread: 3, instanceName: 'Alpha' });
  const b = await simulator({ unread: 3, instanceName: 'Beta' });
  const app = await startApp(home ? { home } : {});
  const alpha = await connected(app, a.url, a.tokens.apiKey);
  const beta = await connected(app, b.url, b.tokens.other);
  return { a, b, app, alpha, beta };
}

describe('search across accounts', () => {
  it('finds #id in every account, exact matches first, each hit marked by its account', async () => {
    const { a, app, alpha, beta } = await twoAccounts();
    const target = a.control.workPackages()[4];
    if (!target) throw new Error('The simulator has too few work packages.');
    const response = value(await app.h.search({ requestId: 'r1', text: `#${target.id}` }));
    expect(response.requestId).toBe('r1');
    expect(response.failures).toEqual([]);
    expect(response.hits.map((hit) => [hit.accountId, hit.workPackage.id])).toEqual([
      [alpha, target.id],
      [beta, target.id],
    ]);
    expect(response.hits[0]?.workPackage.url).toBe(`${a.url}/work_packages/${target.id}`);
  });

  it('searches text in every account and interleaves the results', async () => {
    const { a, app, alpha, beta } = await twoAccounts();
    const word = a.control.workPackages()[0]?.subject.split(' ')[0] ?? 'Plan';
    const response = value(await app.h.search({ requestId: 'r2', text: word }));
    const accounts = response.hits.map((hit) => hit.accountId);
    expect(accounts.slice(0, 2).sort()).toEqual([alpha, beta].sort());
    expect(new Set(accounts)).toEqual(new Set([alpha, beta]));
    for (const hit of response.hits) {
      expect(hit.workPackage.subject.toLowerCase()).toContain(word.toLowerCase());
    }
  });

  it('cancels a stale search by its request id', async () => {
    const { b, app } = await twoAccounts();
    b.control.injectFault({ kind: 'latency', ms: 3_000, pathPrefix: '/api/v3/work_packages' });
    const started = Date.now();
    const pending = app.h.search({ requestId: 'slow', text: 'invoice' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await app.h.cancelSearch({ requestId: 'slow' })).toEqual({ ok: true, value: null });
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('still shows one account’s hits when the other instance fails', async () => {
    const { a, b, app, alpha, beta } = await twoAccounts();
    await b.stop();
    const target = a.control.workPackages()[1];
    const response = value(await app.h.search({ requestId: 'r3', text: String(target?.id) }));
    expect(response.hits.map((hit) => hit.accountId)).toEqual([alpha]);
    expect(response.failures).toEqual([
      { accountId: beta, error: expect.objectContaining({ kind: 'unreachable' }) as unknown },
    ]);
  });

  it('remembers opened work packages as recent, across a restart', async () => {
    const home = await tempHome();
    const { a, app, beta } = await twoAccounts(home);
    const before = value(await app.h.recentWorkPackages());
    expect(before.length).toBeGreaterThan(0); // recently updated ones, from the notifications
    const target = a.control.workPackages()[7];
    const { hits } = value(await app.h.search({ requestId: 'r4', text: `#${target?.id}` }));
    const fromBeta = hits.find((hit) => hit.accountId === beta);
    if (!fromBeta) throw new Error('No hit from the second account.');
    value(
      await app.h.openInBrowser({
        kind: 'workPackage',
        accountId: beta,
        workPackageId: fromBeta.workPackage.id,
      }),
    );
    expect(value(await app.h.recentWorkPackages())[0]).toEqual(fromBeta);
    await app.stop();

    const again = await startApp({ home });
    expect(value(await again.h.recentWorkPackages())[0]).toEqual(fromBeta);
  });

  it('answers an empty search at once, and an empty list without accounts', async () => {
    const app = await startApp();
    expect(value(await app.h.search({ requestId: 'e', text: '   ' }))).toEqual({
      requestId: 'e',
      hits: [],
      failures: [],
    });
    expect(value(await app.h.search({ requestId: 'f', text: 'anything' })).hits).toEqual([]);
    expect(value(await app.h.recentWorkPackages())).toEqual([]);
  });
});
