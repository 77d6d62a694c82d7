import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, USER_AGENT } from '../../main/core/version';

describe('app version', () => {
  it('matches package.json, so the User-Agent names the version being shipped', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    expect(APP_VERSION).toBe(pkg.version);
    expect(USER_AGENT).toBe(`OpenProjectTray/${pkg.version} (+https://www.openproject.org)`);
  });
});
