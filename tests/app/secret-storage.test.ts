/**
 * Weak secret storage (safeStorage's `basic_text`: Linux without a keyring) through the service:
 * the backend is reported, a new sign-in is refused with what to do until the user accepts weak
 * protection, the decision is kept in the settings (and survives a restart, not a reset), and a
 * keychain-backed store has nothing to decide.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SecretStorageStatus } from '../../preload/contract';
import { startOAuthSimulator, TRAY_CLIENT_ID } from '../simulator/oauth/index';
import { authorizeInBrowser, TestBrowser } from '../simulator/oauth/test-browser';
import { connected, filesIn, simulator, startApp, tempHome, value } from './support';

const WEAK_UNDECIDED: SecretStorageStatus = {
  backend: 'basic_text',
  weak: true,
  decision: 'undecided',
  canStoreSignIns: false,
};

/** The decision in the settings file; undefined while the file or the field is not there. */
async function savedDecision(home: string): Promise<unknown> {
  const text = await readFile(join(home, 'config.json'), 'utf8').catch(() => '{}');
  return (JSON.parse(text) as { global?: { weakSecretStorage?: unknown } }).global
    ?.weakSecretStorage;
}

describe('secret storage with a keychain (or the key file)', () => {
  it('reports the backend, has nothing to decide, and saves sign-ins', async () => {
    const sim = await simulator();
    const app = await startApp();
    expect(value(await app.h.getSecretStorage())).toEqual({
      backend: 'file',
      weak: false,
      decision: 'undecided',
      canStoreSignIns: true,
    });
    expect(app.payloads('secretStorageChanged').at(-1)).toMatchObject({ canStoreSignIns: true });
    expect(await app.h.decideWeakSecretStorage({ decision: 'accepted' })).toMatchObject({
      ok: false,
      error: { kind: 'not-allowed' },
    });
    expect(await savedDecision(app.home)).toBeUndefined();
    await connected(app, sim.url, sim.tokens.apiKey);
  });
});

describe('weak secret storage (basic_text)', () => {
  it('refuses a new API token before it is sent anywhere, saying what to do', async () => {
    const sim = await simulator();
    const lines: string[] = [];
    const app = await startApp({
      secretBackend: 'basic_text',
      deps: { log: (line) => lines.push(line) },
    });
    expect(value(await app.h.getSecretStorage())).toEqual(WEAK_UNDECIDED);
    expect(app.payloads('secretStorageChanged')).toEqual([WEAK_UNDECIDED]);
    sim.control.resetStats();

    const refused = await app.h.connectWithToken({ url: sim.url, token: sim.tokens.apiKey });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'storage' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/^Your sign-in was not saved: this computer has no keyring/);
    expect(message).toContain('Install or unlock GNOME Keyring or KWallet and restart');
    expect(message).toContain('or choose to store sign-ins with weak protection');
    expect(message).not.toContain(sim.tokens.apiKey);

    expect(sim.control.stats().recent).toEqual([]);
    expect(value(await app.h.listAccounts())).toEqual([]);
    const files = await filesIn(app.home);
    expect(files.map((file) => file.path)).not.toContain(join(app.home, 'secrets.json'));
    expect(files.filter((file) => file.text.includes(sim.tokens.apiKey))).toEqual([]);
    expect(lines.filter((line) => line.includes(sim.tokens.apiKey))).toEqual([]);
  });

  it('refuses an OAuth sign-in before the browser opens', async () => {
    const app = await startApp({ secretBackend: 'basic_text' });
    const refused = await app.h.startOAuth({
      url: 'https://op.example.com',
      clientId: TRAY_CLIENT_ID,
      mode: 'loopback',
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'storage' } });
    expect(app.opener.opened).toEqual([]);
  });

  it('keeps refusing after "declined"; saves after "accepted"; the choice survives a restart', async () => {
    const sim = await simulator();
    const home = await tempHome();
    const app = await startApp({ home, secretBackend: 'basic_text' });

    const declined = value(await app.h.decideWeakSecretStorage({ decision: 'declined' }));
    expect(declined).toEqual({ ...WEAK_UNDECIDED, decision: 'declined' });
    expect(app.payloads('secretStorageChanged').at(-1)).toEqual(declined);
    expect(await savedDecision(home)).toBe('declined');
    expect(await app.h.connectWithToken({ url: sim.url, token: sim.tokens.apiKey })).toMatchObject({
      ok: false,
      error: { kind: 'storage' },
    });

    const accepted = value(await app.h.decideWeakSecretStorage({ decision: 'accepted' }));
    expect(accepted).toEqual({
      backend: 'basic_text',
      weak: true,
      decision: 'accepted',
      canStoreSignIns: true,
    });
    expect(app.payloads('secretStorageChanged').at(-1)).toEqual(accepted);
    expect(await savedDecision(home)).toBe('accepted');
    const accountId = await connected(app, sim.url, sim.tokens.apiKey);
    // The token went to the secret store, not into the settings.
    const files = await filesIn(home);
    expect(files.filter((file) => file.text.includes(sim.tokens.apiKey))).toEqual([]);
    await app.stop();

    const again = await startApp({ home, secretBackend: 'basic_text' });
    expect(value(await again.h.getSecretStorage())).toEqual(accepted);
    expect(value(await again.h.listAccounts()).map((account) => account.id)).toEqual([accountId]);
  });

  it('does not keep OAuth tokens when the user declines while the browser is open', async () => {
    const { sim, oauth } = await startOAuthSimulator({ basePath: '/openproject' });
    onTestFinished(() => sim.stop());
    const app = await startApp({ secretBackend: 'basic_text' });
    value(await app.h.decideWeakSecretStorage({ decision: 'accepted' }));
    const flow = value(
      await app.h.startOAuth({ url: sim.url, clientId: TRAY_CLIENT_ID, mode: 'loopback' }),
    );
    value(await app.h.decideWeakSecretStorage({ decision: 'declined' }));

    const finished = app.next('oauthFinished', (outcome) => outcome.flowId === flow.flowId);
    const browser = new TestBrowser();
    const outcome = await authorizeInBrowser(browser, app.opener.opened.at(-1) ?? '', {
      stopAt: (url) => url.hostname === '127.0.0.1' && url.pathname === '/oauth-callback',
    });
    if (!('redirectedTo' in outcome)) throw new Error(`No redirect: ${outcome.page.body}`);
    await browser.follow(outcome.redirectedTo);
    expect((await finished).result).toMatchObject({ ok: false, error: { kind: 'storage' } });
    expect(value(await app.h.listAccounts())).toEqual([]);
    expect(oauth.tokens({ clientId: TRAY_CLIENT_ID }).every((token) => token.revoked)).toBe(true);
  });

  it('asks again after "reset everything"', async () => {
    const app = await startApp({ secretBackend: 'basic_text' });
    value(await app.h.decideWeakSecretStorage({ decision: 'accepted' }));
    value(await app.h.resetEverything());
    expect(value(await app.h.getSecretStorage())).toEqual(WEAK_UNDECIDED);
    expect(app.payloads('secretStorageChanged').at(-1)).toEqual(WEAK_UNDECIDED);
  });

  it('accepts only a real decision', async () => {
    const app = await startApp({ secretBackend: 'basic_text' });
    const decide = app.h.decideWeakSecretStorage as (request: unknown) => Promise<unknown>;
    for (const request of [{ decision: 'undecided' }, { decision: 'yes' }, {}, null]) {
      expect(await decide(request)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
    expect(value(await app.h.getSecretStorage())).toEqual(WEAK_UNDECIDED);
  });
});
