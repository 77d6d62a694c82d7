/**
 * After signing in with an API token and with OAuth (a confidential client, then a refresh) against
 * the simulator's OpenProject OAuth, no secret appears in clear, nor as plain base64, in any file
 * of the settings folder.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStoredTokens } from '../../../main/core/auth/token-set';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import { filesContaining } from '../auth/support/fixtures';
import { signInThroughSimulator, simulatorAccount } from '../auth/support/simulator-oauth';

const CLIENT_ID = 'tray-confidential-client';
const CLIENT_SECRET = 'confidential-client-secret-42';
const HOUR = 3_600_000;

describe('secrets at rest', () => {
  it('keeps every token and client secret out of the settings folder in clear', async () => {
    const { sim, oauth, fx, port } = await simulatorAccount({
      clientId: CLIENT_ID,
      confidential: true,
    });
    // The administrator registers a confidential application for the account's loopback port.
    oauth.createApplication({
      name: 'OpenProject Tray (confidential)',
      redirectUris: [`http://127.0.0.1:${port}/oauth-callback`],
      confidential: true,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    await fx.accounts.setClientSecret(fx.accountId, CLIENT_SECRET);
    await signInThroughSimulator(fx);
    const stored = async () =>
      parseStoredTokens(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId)));
    const first = await stored();
    expect(first?.refreshToken).toBeTruthy();

    // The access token runs out (one clock for app and server): the manager refreshes it.
    fx.clock.advance(2 * HOUR);
    const renewed = await fx.auth.tokenManager(fx.accountId).getToken();
    const second = await stored();
    expect(renewed).not.toBe(first!.accessToken);
    expect(second?.accessToken).toBe(renewed);
    expect(oauth.requests({ grantType: 'refresh_token' })).toHaveLength(1);
    // Both token requests authenticated the confidential client with its secret.
    const tokenRequests = oauth.requests({ endpoint: 'token' });
    expect(tokenRequests.map((request) => [request.status, request.clientId])).toEqual([
      [200, CLIENT_ID],
      [200, CLIENT_ID],
    ]);
    expect(
      tokenRequests.every(
        (request) => request.basicAuth || request.form.client_secret === CLIENT_SECRET,
      ),
    ).toBe(true);

    const apiAccount = fx.accounts.add({
      name: 'Simulator',
      baseUrl: sim.url,
      auth: { method: 'apiToken' },
    });
    expect((await fx.auth.connectApiToken(apiAccount.id, sim.tokens.bearer)).ok).toBe(true);

    // Everything secret that crossed the wire: what the app holds, and what it sent the server.
    const sent = oauth
      .requests()
      .flatMap((request) =>
        ['refresh_token', 'client_secret', 'code', 'code_verifier', 'token'].flatMap((field) =>
          request.form[field] ? [request.form[field]] : [],
        ),
      );
    const secrets = [
      ...new Set([
        sim.tokens.bearer,
        CLIENT_SECRET,
        first!.accessToken,
        first!.refreshToken!,
        renewed,
        second!.refreshToken!,
        ...sent,
      ]),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(7);

    const files = await fs.readdir(fx.folder);
    expect(files).toEqual(
      expect.arrayContaining(['config.json', 'config.json.bak', 'secrets.json']),
    );
    expect(await filesContaining(fx.folder, secrets)).toEqual([]);

    const settingsText = await fs.readFile(path.join(fx.folder, 'config.json'), 'utf8');
    expect(settingsText).not.toMatch(/"(accessToken|refreshToken|clientSecret|token)"\s*:/);
    // …while the store still has them all.
    expect(await fx.accounts.getApiToken(apiAccount.id)).toBe(sim.tokens.bearer);
    expect(await fx.accounts.getClientSecret(fx.accountId)).toBe(CLIENT_SECRET);
    expect((await stored())?.refreshToken).toBe(second!.refreshToken);
  });
});
