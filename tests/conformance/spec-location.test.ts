import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateSpec, SPEC_ENV } from './spec-location';

describe('where the conformance tests find the official spec', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'spec-location-'));
  const root = path.join(base, 'repo');
  const beside = path.join(base, 'shared', 'openproject-api', 'openapi-spec.yml');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('skips with the reason and the remedy when neither the variable nor the folder is there', () => {
    const found = locateSpec({}, root);
    expect(found).toEqual({ found: false, reason: expect.stringContaining(beside) as string });
    expect(!found.found && found.reason).toContain(`Set ${SPEC_ENV}`);
  });

  it('uses ../shared/openproject-api beside the repository', () => {
    mkdirSync(path.dirname(beside), { recursive: true });
    writeFileSync(beside, 'openapi: 3.1.2\n');
    expect(locateSpec({}, root)).toEqual({ found: true, path: beside });
  });

  it(`prefers ${SPEC_ENV}, and says so when it points nowhere`, () => {
    const elsewhere = path.join(base, 'elsewhere.yml');
    const found = locateSpec({ [SPEC_ENV]: elsewhere }, root);
    expect(!found.found && found.reason).toContain(`${SPEC_ENV} points to ${elsewhere}`);
    writeFileSync(elsewhere, 'openapi: 3.1.2\n');
    expect(locateSpec({ [SPEC_ENV]: elsewhere }, root)).toEqual({ found: true, path: elsewhere });
  });
});
