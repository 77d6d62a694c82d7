import { describe, expect, it, vi } from 'vitest';
import {
  allowedExternalUrl,
  isAllowedExternalUrl,
  openExternalIfAllowed,
} from '../../main/shell/external-links';

const instances = ['https://acme.openproject.com', 'http://127.0.0.1:8080/openproject/'];

describe('links opened in the browser', () => {
  it.each([
    'https://acme.openproject.com/work_packages/42',
    'https://acme.openproject.com/',
    'https://ACME.openproject.com/notifications?filter=unread#x',
    'https://acme.openproject.com:443/projects',
    'http://127.0.0.1:8080/openproject',
    'http://127.0.0.1:8080/openproject/work_packages/7/activity',
  ])('allows %s on a signed-in instance', (url) => {
    expect(isAllowedExternalUrl(url, instances)).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['file:///etc/passwd', 'file'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['smb://acme.openproject.com/share', 'another scheme'],
    ['http://acme.openproject.com/work_packages/42', 'http for an https instance'],
    ['https://acme.openproject.com.evil.com/', 'a look-alike host'],
    ['https://evilacme.openproject.com/', 'a sibling host'],
    ['https://acme.openproject.com@evil.com/', 'userinfo that hides the real host'],
    ['https://user:pw@acme.openproject.com/', 'credentials in the URL'],
    ['https://acme.openproject.com:8443/', 'another port'],
    ['http://127.0.0.1:8080/other', 'a path outside the instance'],
    ['http://127.0.0.1:8080/openprojectx/evil', 'a path that only starts like the instance'],
    ['http://127.0.0.1:8080/openproject/../admin', 'a path that climbs out'],
    ['http://127.0.0.1:8080/openproject/%2e%2e/admin', 'an encoded climb'],
    ['http://127.0.0.1/openproject/', 'the default port instead of 8080'],
    ['not a url', 'garbage'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url, instances)).toBe(false);
  });

  it('refuses everything when no instance is signed in, and skips broken base URLs', () => {
    expect(isAllowedExternalUrl('https://acme.openproject.com/', [])).toBe(false);
    expect(
      isAllowedExternalUrl('https://acme.openproject.com/', ['::nonsense', instances[0]!]),
    ).toBe(true);
  });

  it('opens the normalised URL, and nothing when refused', async () => {
    const open = vi.fn(() => Promise.resolve());
    expect(allowedExternalUrl('https://ACME.openproject.com/a b', instances)).toBe(
      'https://acme.openproject.com/a%20b',
    );
    expect(await openExternalIfAllowed('https://ACME.openproject.com/x', instances, open)).toBe(
      true,
    );
    expect(open).toHaveBeenCalledWith('https://acme.openproject.com/x');
    expect(await openExternalIfAllowed('file:///etc/passwd', instances, open)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
