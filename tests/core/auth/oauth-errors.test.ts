/**
 * Server errors become one clear sentence; nothing the server wrote (error_description) and no
 * token reaches the message.
 */
import { AuthorizationResponseError } from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { escapeHtml, failurePage } from '../../../main/core/auth/callback-pages';
import { signInErrorFor, toSignInError } from '../../../main/core/auth/oauth-errors';

describe('OAuth error messages', () => {
  it.each([
    ['access_denied', 'access-denied'],
    ['invalid_client', 'invalid-client'],
    ['invalid_grant', 'invalid-grant'],
    ['invalid_request', 'invalid-request'],
    ['unauthorized_client', 'unauthorized-client'],
    ['invalid_scope', 'invalid-scope'],
    ['unsupported_grant_type', 'unsupported'],
    ['temporarily_unavailable', 'server-error'],
    ['some_new_error', 'server-refused'],
  ])('%s is one sentence of kind %s', (code, kind) => {
    const error = signInErrorFor(code, 'op.example.com');
    expect(error.kind).toBe(kind);
    expect(error.oauthError).toBe(code);
    expect(error.message).toMatch(/^\S[^\n]*[.]$/);
    expect(error.message.match(/[.] /g)).toBeNull(); // one sentence
    if (code !== 'access_denied') expect(error.message).toContain('op.example.com');
  });

  it('never repeats the server description, and shows odd codes as "unknown error"', () => {
    const params = new URLSearchParams({
      error: '<img src=x onerror=alert(1)>',
      error_description: 'secret-token-abc <b>',
    });
    const error = toSignInError(
      new AuthorizationResponseError('x', { cause: params }),
      'op.example.com',
    );
    expect(error.message).toContain('unknown error');
    expect(error.message).not.toContain('secret-token-abc');
    expect(error.message).not.toContain('<img');
  });

  it('escapes every message on the browser page', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const page = failurePage('<script>alert(1)</script>');
    expect(page.body).not.toContain('<script>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
