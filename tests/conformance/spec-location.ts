/**
 * Where the official OpenProject API spec is: `OPENPROJECT_API_SPEC` (path to openapi-spec.yml),
 * else `../shared/openproject-api/openapi-spec.yml` beside the repository. The spec is never
 * copied into the repository; when it is not there, the conformance tests skip and say why.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SPEC_ENV = 'OPENPROJECT_API_SPEC';

/** The repository root (this file lives in tests/conformance/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type SpecLocation = { found: true; path: string } | { found: false; reason: string };

export function locateSpec(env: NodeJS.ProcessEnv = process.env, root = REPO_ROOT): SpecLocation {
  const fromEnv = env[SPEC_ENV]?.trim();
  const candidate = fromEnv
    ? path.resolve(fromEnv)
    : path.resolve(root, '..', 'shared', 'openproject-api', 'openapi-spec.yml');
  if (existsSync(candidate)) return { found: true, path: candidate };
  const origin = fromEnv ? `${SPEC_ENV} points to` : `${SPEC_ENV} is not set and there is no`;
  return {
    found: false,
    reason:
      `OpenAPI conformance skipped: ${origin} ${candidate}. ` +
      `Set ${SPEC_ENV} to the openapi-spec.yml of OpenProject's docs/api/apiv3 folder to run it.`,
  };
}
