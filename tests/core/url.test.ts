import { describe, expect, it } from 'vitest';
import { ApiError } from '../../main/core/api/errors';
import { browserLinks, idFromHref, normalizeBaseUrl } from '../../main/core/api/url';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://op.example.com', 'https://op.example.com'],
    ['  https://op.example.com/  ', 'https://op.example.com'],
    ['op.example.com', 'https://op.example.com'],
    ['op.example.com:8443/openproject', 'https://op.example.com:8443/openproject'],
    ['localhost:8080', 'https://localhost:8080'],
    ['http://127.0.0.1:3000/openproject/', 'http://127.0.0.1:3000/openproject'],
    ['http://host/openproject/api/v3', 'http://host/openproject'],
    ['http://host/openproject/api/v3/', 'http://host/openproject'],
    ['https://HOST.example.com/API/V3//', 'https://host.example.com'],
    ['https://op.example.com/sub/path///?x=1#frag', 'https://op.example.com/sub/path'],
    ['https://op.example.com:443/', 'https://op.example.com'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['ftp://op.example.com', 'not an http or https address'],
    ['https://user:secret@op.example.com', 'must not contain a user name or password'],
    ['http://exa mple.com', 'not a web address'],
  ])('rejects %j with a sentence that says what to enter', (input, why) => {
    let error: unknown;
    try {
      normalizeBaseUrl(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain(why);
    expect((error as ApiError).message).toContain('such as https://openproject.example.com');
    expect((error as ApiError).message).not.toContain('secret');
  });
});

describe('idFromHref', () => {
  it.each([
    ['/api/v3/work_packages/42', 42],
    ['/openproject/api/v3/work_packages/42', 42],
    ['/api/v3/users/5?foo=1', 5],
    ['http://host/openproject/api/v3/projects/3/', 3],
    ['/api/v3/work_packages/PROJ-42', null],
    ['/api/v3/users/0', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (href, id) => {
    expect(idFromHref(href)).toBe(id);
  });
});

describe('browser links', () => {
  it('are absolute and keep the sub-path', () => {
    const links = browserLinks('https://host.example.com/openproject');
    expect(links.workPackage(42)).toBe('https://host.example.com/openproject/work_packages/42');
    expect(links.notificationCenter()).toBe('https://host.example.com/openproject/notifications');
    expect(links.accessTokens()).toBe('https://host.example.com/openproject/my/access_tokens');
  });
});
