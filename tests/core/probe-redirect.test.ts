/**
 * The probe when `/api/v3` redirects: an instance that moved (http → https, another sub-path)
 * is followed — with the credentials only on the same host — and a sign-in portal is not the API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { probeInstance } from '../../main/core/api/probe';
import { ROOT, sendJson, startTinyServer, type TinyServer } from './support/tiny-server';
import { apiFailure } from './support/api-failure';

let server: TinyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ME = { _type: 'User', id: 5, name: 'Jane Doe', login: 'jane' };

/** `/old/api/v3` redirects to `location(url)`; `/openproject/api/v3` is the real instance. */
async function moved(location: (url: string) => string): Promise<TinyServer> {
  const s = await startTinyServer((req, res) => {
    if (req.path === '/old/api/v3') {
      res.writeHead(301, { location: location(s.url) }).end();
    } else if (req.path === '/openproject/api/v3') {
      sendJson(req, res, 200, ROOT);
    } else if (req.path === '/openproject/api/v3/users/me' && req.headers.authorization) {
      sendJson(req, res, 200, ME);
    } else if (req.path === '/login') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
    } else {
      sendJson(req, res, 401, {
        _type: 'Error',
        errorIdentifier: 'urn:openproject-org:api:v3:errors:Unauthenticated',
        message: 'no',
      });
    }
  });
  server = s;
  return s;
}

describe('probe and redirects', () => {
  it('follows a move on the same host and signs in there', async () => {
    const s = await moved((url) => `${url}/openproject/api/v3`);
    const info = await probeInstance(`${s.url}/old`, {
      auth: { kind: 'apiKey', token: 'opapi-x' },
    });
    expect(info).toMatchObject({
      baseUrl: `${s.url}/openproject`,
      user: { id: 5, name: 'Jane Doe' },
    });
    expect(s.requests.map((r) => r.path)).toEqual([
      '/old/api/v3',
      '/openproject/api/v3',
      '/openproject/api/v3/users/me',
    ]);
    expect(s.requests[2]?.headers.authorization).toBe('Bearer opapi-x');
  });

  it('does not send credentials to another host: asks to enter that address instead', async () => {
    const s = await moved((url) => `${url.replace('127.0.0.1', 'localhost')}/openproject/api/v3`);
    const error = await apiFailure(
      probeInstance(`${s.url}/old`, { auth: { kind: 'apiKey', token: 'opapi-x' } }),
    );
    expect(error.kind).toBe('not-openproject');
    expect(error.message).toContain(
      `enter ${s.url.replace('127.0.0.1', 'localhost')}/openproject as the address`,
    );
    expect(s.requests).toHaveLength(1);
  });

  it('without credentials, follows a move to another host', async () => {
    const s = await moved((url) => `${url.replace('127.0.0.1', 'localhost')}/openproject/api/v3/`);
    const info = await probeInstance(`${s.url}/old`);
    expect(info.baseUrl).toBe(`${s.url.replace('127.0.0.1', 'localhost')}/openproject`);
  });

  it('a redirect to a sign-in page is not the API', async () => {
    const s = await moved((url) => `${url}/login?back_url=%2Fapi%2Fv3`);
    const error = await apiFailure(probeInstance(`${s.url}/old`));
    expect(error.kind).toBe('not-openproject');
    expect(error.message).toContain(`/api/v3 redirects to ${s.url}/login`);
    expect(error.message).not.toContain('back_url');
  });

  it('a redirect loop ends', async () => {
    const s = await moved((url) => `${url}/old/api/v3/`);
    const error = await apiFailure(probeInstance(`${s.url}/old`));
    expect(error.kind).toBe('not-openproject');
  });
});
