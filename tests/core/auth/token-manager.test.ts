/**
 * The token lifecycle's failure paths, against the simulator's OpenProject OAuth on 127.0.0.1 (one
 * clock for app and server): a transient failure is not "needs sign-in" and is retried after a
 * pause (no loop); a rotated refresh token that cannot be stored is never used; repeated 401s stop
 * instead of looping.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { AccountAuth } from '../../../main/core/accounts/account-auth';
import { Accounts } from '../../../main/core/accounts/accounts';
import { ApiError } from '../../../main/core/api/errors';
import { aesGcmCipher, staticKeyProvider } from '../../../main/core/secrets/aes-gcm-cipher';
import { FileSecretStore } from '../../../main/core/secrets/file-secret-store';
import { openSettingsStore } from '../../../main/core/settings/settings-store';
import { parseStoredTokens } from '../../../main/core/auth/token-set';
import { secretKeys } from '../../../main/core/secrets/secret-store';
import type { OAuthControl } from '../../simulator/oauth/index';
import type { Simulator } from '../../simulator/types';
import type { AccountsFixture } from './support/fixtures';
import { signInThroughSimulator, simulatorAccount } from './support/simulator-oauth';

const HOUR = 3_600_000;

describe('TokenManager failure handling', () => {
  let sim: Simulator;
  let oauth: OAuthControl;
  let fx: AccountsFixture;

  beforeEach(async () => {
    ({ sim, oauth, fx } = await simulatorAccount());
    await signInThroughSimulator(fx);
    sim.control.resetStats();
  });

  /** Requests that reached the token endpoint since sign-in (also those a fault answered). */
  const refreshRequests = () => sim.control.stats().byPath['/oauth/token']?.requests ?? 0;
  const apiAccepts = async (token: string) =>
    (
      await fetch(`${sim.url}/api/v3/users/me`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status === 200;
  const stored = async () =>
    parseStoredTokens(await fx.secrets.get(secretKeys.oauthTokens(fx.accountId)));

  it('keeps using the valid token when the server is down, then pauses before retrying', async () => {
    const manager = fx.auth.tokenManager(fx.accountId);
    const original = (await stored())!;
    // The reverse proxy answers 503 (an HTML page) while OpenProject is down.
    sim.control.injectFault({ kind: 'status', status: 503, pathPrefix: '/oauth/token' });

    fx.clock.advance(2 * HOUR - 60_000); // due, not expired
    expect(await manager.getToken()).toBe(original.accessToken);
    expect(refreshRequests()).toBe(1);
    fx.clock.advance(10_000);
    expect(await manager.getToken()).toBe(original.accessToken); // within the pause: no request
    expect(refreshRequests()).toBe(1);

    fx.clock.advance(60_000); // expired, and the pause is over: one more attempt, then a clear error
    const error = await manager.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('unreachable');
    expect((error as ApiError).message).toMatch(
      /could not be renewed right now; retrying in \d+ s/,
    );
    expect(refreshRequests()).toBe(2);
    for (let i = 0; i < 10; i += 1)
      await expect(manager.getToken()).rejects.toBeInstanceOf(ApiError);
    expect(refreshRequests()).toBe(2); // no loop
    expect(manager.state).toBe('ok');
    expect(fx.accounts.get(fx.accountId).state).toBe('ok');

    sim.control.clearFaults();
    fx.clock.advance(5 * 60_000);
    const renewed = await manager.getToken();
    expect(renewed).not.toBe(original.accessToken);
    expect(refreshRequests()).toBe(3);
    expect(await apiAccepts(renewed)).toBe(true);
  });

  it('treats a server that cannot be reached as transient, not as "needs sign-in"', async () => {
    const manager = fx.auth.tokenManager(fx.accountId);
    await manager.getToken();
    await sim.stop();
    fx.clock.advance(2 * HOUR + 1);
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'unreachable' });
    expect(manager.state).toBe('ok');
  });

  it('never uses a new access token whose rotated refresh token could not be stored', async () => {
    const manager = fx.auth.tokenManager(fx.accountId);
    const original = (await stored())!;
    // The secrets file cannot be replaced (a directory is in its way).
    const secretsFile = path.join(fx.folder, 'secrets.json');
    await fs.rm(secretsFile);
    await fs.mkdir(path.join(secretsFile, 'blocked'), { recursive: true });

    fx.clock.advance(2 * HOUR - 60_000);
    expect(await manager.getToken()).toBe(original.accessToken);
    expect(refreshRequests()).toBe(1);

    await fs.rm(secretsFile, { recursive: true });
    fx.clock.advance(30_000);
    const renewed = await manager.getToken();
    expect(renewed).not.toBe(original.accessToken);
    expect(refreshRequests()).toBe(1); // the tokens already received were stored, not requested again
    const now = (await stored())!;
    expect(now.accessToken).toBe(renewed);
    expect(await apiAccepts(renewed)).toBe(true);
    expect(oauth.tokens().filter((token) => !token.revoked)).toHaveLength(1); // the first pair is revoked on use
  });

  it('refreshes once on a 401, and stops with "needs sign-in" when fresh tokens are refused too', async () => {
    const manager = fx.auth.tokenManager(fx.accountId);
    await manager.getToken();
    await expect(manager.onUnauthorized()).resolves.toBe(true);
    expect(refreshRequests()).toBe(1);
    fx.clock.advance(5_000); // a request that was under way with the old token
    await expect(manager.onUnauthorized()).resolves.toBe(true);
    expect(refreshRequests()).toBe(1);

    fx.clock.advance(60_000); // the next poll: the renewed token is refused as well
    await expect(manager.onUnauthorized()).resolves.toBe(false);
    expect(refreshRequests()).toBe(1);
    expect(fx.accounts.get(fx.accountId).state).toBe('needs-sign-in');
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('answers a 401 with false (no retry) when the refresh is refused', async () => {
    const manager = fx.auth.tokenManager(fx.accountId);
    await manager.getToken();
    oauth.injectTokenFault({ kind: 'error', error: 'invalid_grant' });
    await expect(manager.onUnauthorized()).resolves.toBe(false);
    expect(fx.accounts.get(fx.accountId).state).toBe('needs-sign-in');
    await expect(manager.onUnauthorized()).resolves.toBe(false);
    expect(refreshRequests()).toBe(1);
  });

  it('reacts to an anonymous /users/me by asking for sign-in, keeping the tokens', async () => {
    const before = await stored();
    await fx.auth.reportSignedOut(fx.accountId);
    expect(fx.accounts.get(fx.accountId).state).toBe('needs-sign-in');
    expect(await stored()).toEqual(before);
    const options = await fx.auth.clientOptions(fx.accountId);
    const auth = options.auth;
    if (auth?.kind !== 'bearer') throw new Error('expected bearer auth');
    await expect(auth.getToken()).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('asks for sign-in when the server gave no refresh token and the access token runs out', async () => {
    oauth.injectTokenFault({ kind: 'omit', fields: ['refresh_token'] });
    oauth.setAccessTokenLifetime(600);
    await signInThroughSimulator(fx);
    sim.control.resetStats();
    const manager = fx.auth.tokenManager(fx.accountId);
    const shortLived = await manager.getToken();
    expect((await stored())?.refreshToken).toBeNull();
    expect(await apiAccepts(shortLived)).toBe(true);
    fx.clock.advance(600_000 - 30_000); // within min(2 min, 10 % of 10 min) = 60 s of expiry
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(fx.accounts.get(fx.accountId).state).toBe('needs-sign-in');
    expect(refreshRequests()).toBe(0);
  });

  it('explains a secret store it cannot read, without asking for sign-in on its own', async () => {
    const otherKey = FileSecretStore.inFolder(
      fx.folder,
      aesGcmCipher(staticKeyProvider(randomBytes(32))),
    );
    const accounts = new Accounts(openSettingsStore({ cwd: fx.folder }), otherKey);
    const manager = new AccountAuth({ accounts, now: fx.clock.now }).tokenManager(fx.accountId);
    const error = await manager.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(
      /^The stored sign-in of Work could not be read\. A stored secret could not be decrypted .* Sign in again if this persists\.$/,
    );
    expect(manager.state).toBe('ok');
  });
});
