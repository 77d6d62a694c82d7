/**
 * Redirect URIs as Doorkeeper 5.9 and OpenProject check them: the loopback port rule applies to IP
 * literals only, registration refuses plain http on real hosts, and the consent page's CSP
 * `form-action` keeps the registered port.
 */
import { describe, expect, it } from 'vitest';
import {
  formActionSources,
  isLoopbackIpLiteral,
  redirectUriAllowed,
  redirectUriMatches,
  registrationProblem,
} from './redirect-uri';

describe('matching a requested redirect URI', () => {
  it('ignores the port when both hosts are loopback IP literals (RFC 8252 §7.3)', () => {
    expect(
      redirectUriMatches(
        'http://127.0.0.1:53682/oauth-callback',
        'http://127.0.0.1/oauth-callback',
      ),
    ).toBe(true);
    expect(
      redirectUriMatches(
        'http://127.0.0.1:1234/oauth-callback',
        'http://127.0.0.1:47651/oauth-callback',
      ),
    ).toBe(true);
    expect(
      redirectUriMatches('http://[::1]:9/oauth-callback', 'http://[::1]:47651/oauth-callback'),
    ).toBe(true);
  });

  it('needs localhost (a host name, not an IP) to match exactly, port included', () => {
    expect(redirectUriMatches('http://localhost:1234/cb', 'http://localhost:47651/cb')).toBe(false);
    expect(redirectUriMatches('http://localhost:47651/cb', 'http://localhost:47651/cb')).toBe(true);
    expect(isLoopbackIpLiteral('localhost')).toBe(false);
    expect(isLoopbackIpLiteral('127.8.9.10')).toBe(true);
    expect(isLoopbackIpLiteral('[::1]')).toBe(true);
    expect(isLoopbackIpLiteral('10.0.0.1')).toBe(false);
  });

  it('needs scheme, host and path to be equal; loopback across address families does not match', () => {
    const registered = 'http://127.0.0.1:47651/oauth-callback';
    expect(redirectUriMatches('https://127.0.0.1:47651/oauth-callback', registered)).toBe(false);
    expect(redirectUriMatches('http://127.0.0.1:47651/other', registered)).toBe(false);
    expect(redirectUriMatches('http://127.0.0.2:47651/oauth-callback', registered)).toBe(false);
    expect(redirectUriMatches('http://[::1]:47651/oauth-callback', registered)).toBe(false);
  });

  it('ignores a request query unless the registered URI has one, then needs the same parameters', () => {
    expect(redirectUriMatches('https://app.example.com/cb?x=1', 'https://app.example.com/cb')).toBe(
      true,
    );
    const registered = 'https://app.example.com/cb?a=1&b=2';
    expect(redirectUriMatches('https://app.example.com/cb?b=2&a=1', registered)).toBe(true);
    expect(redirectUriMatches('https://app.example.com/cb?a=1', registered)).toBe(false);
  });

  it('refuses a fragment and matches the out-of-band URN only exactly', () => {
    const registered = ['http://127.0.0.1:47651/oauth-callback', 'urn:ietf:wg:oauth:2.0:oob'];
    expect(redirectUriAllowed('http://127.0.0.1:47651/oauth-callback#x', registered)).toBe(false);
    expect(redirectUriAllowed('urn:ietf:wg:oauth:2.0:oob', registered)).toBe(true);
    expect(redirectUriAllowed('urn:ietf:wg:oauth:2.0:oobx', registered)).toBe(false);
  });
});

describe('registering a redirect URI', () => {
  it.each([
    'http://127.0.0.1:47651/oauth-callback',
    'http://[::1]:47651/oauth-callback',
    'http://localhost:8080/cb',
    'http://tray.localhost/cb',
    'https://app.example.com/cb',
    'org.example.optray://oauth-callback',
    'urn:ietf:wg:oauth:2.0:oob',
  ])('accepts %s', (uri) => {
    expect(registrationProblem(uri)).toBeNull();
  });

  it.each([
    ['http://app.example.com/cb', /must be an HTTPS/],
    ['myapp:cb', /absolute URI/],
    ['/relative', /absolute URI/],
    ['https://app.example.com/cb#frag', /fragment/],
  ])('refuses %s', (uri, problem) => {
    expect(registrationProblem(uri)).toMatch(problem);
  });
});

describe('the CSP form-action sources of the consent page', () => {
  it('are URI.join(uri, "/"): no path, the port as registered; custom schemes as scheme:', () => {
    expect(
      formActionSources([
        'http://127.0.0.1:47651/oauth-callback',
        'http://[::1]:47651/oauth-callback',
        'http://127.0.0.1/oauth-callback',
        'https://app.example.com:8443/x/y?z=1',
        'org.example.optray://oauth-callback',
        'urn:ietf:wg:oauth:2.0:oob',
      ]),
    ).toEqual([
      'http://127.0.0.1:47651/',
      'http://[::1]:47651/',
      'http://127.0.0.1/',
      'https://app.example.com:8443/',
      'org.example.optray:',
    ]);
  });
});
