/**
 * The instance check behind `client.probe()`: `GET /api/v3/` must answer an OpenProject Root,
 * or an OpenProject error (an instance that requires signing in is still an OpenProject).
 */
import type { CurrentUser, InstanceInfo } from '../domain';
import { ApiError } from './errors';
import type { Auth, Transport } from './http';
import { RootSchema } from './schemas';
import { idFromHref, normalizeBaseUrl } from './url';

const OPENPROJECT_ERROR = 'urn:openproject-org:api:v3:errors:';

function notOpenProject(baseUrl: string, why: string, status?: number): ApiError {
  return new ApiError(
    'not-openproject',
    `${baseUrl} does not look like OpenProject (${why}). Check the URL: it is the address you open OpenProject with in the browser.`,
    status === undefined ? {} : { status },
  );
}

/** The base URL a redirect of `{base}/api/v3` points to, when it points to an API root. */
function movedBase(location: string): string | null {
  const url = new URL(location);
  if (!/\/api\/v3\/?$/.test(url.pathname)) return null;
  return normalizeBaseUrl(`${url.origin}${url.pathname}`);
}

/** Credentials follow a move only on the same host and never from https to http. */
function safeToFollow(from: string, to: string): boolean {
  const a = new URL(from);
  const b = new URL(to);
  return a.hostname === b.hostname && !(a.protocol === 'https:' && b.protocol === 'http:');
}

export interface ProbeDeps {
  transport: Transport;
  auth: Auth;
  me: () => Promise<CurrentUser>;
  /** Probes another base URL with the same options (after a redirect, e.g. http → https). */
  probeAt: (baseUrl: string) => Promise<InstanceInfo>;
  /** Redirects still followed; the probe of a redirect target gets none. */
  redirects: number;
}

export async function probeRoot(deps: ProbeDeps): Promise<InstanceInfo> {
  const { transport, auth, me } = deps;
  const { baseUrl } = transport.errorContext;
  let root: Awaited<ReturnType<Transport['root']>>;
  try {
    root = await transport.root();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const isOpenProject = error.errorIdentifier?.startsWith(OPENPROJECT_ERROR) ?? false;
    const needsSignIn = error.kind === 'unauthenticated' || error.kind === 'forbidden';
    if (isOpenProject && needsSignIn && auth.kind === 'none') {
      // It is an OpenProject; it only wants a sign-in before it says more.
      return { baseUrl, instanceName: 'OpenProject', coreVersion: null, user: null };
    }
    if (error.kind === 'unexpected' || (error.kind === 'not-found' && !isOpenProject)) {
      throw notOpenProject(baseUrl, 'its /api/v3 answer is not the OpenProject API', error.status);
    }
    throw error;
  }
  if (root.kind === 'moved') {
    // Follow a move of the whole instance (http → https, another host or sub-path) by probing
    // there, so that the credentials go to the new address too; anything else (a sign-in
    // portal) is not the API.
    const target = movedBase(root.location);
    const where = new URL(root.location);
    if (target === null || target === baseUrl || deps.redirects <= 0) {
      throw notOpenProject(baseUrl, `/api/v3 redirects to ${where.origin}${where.pathname}`);
    }
    if (auth.kind !== 'none' && !safeToFollow(baseUrl, target)) {
      throw new ApiError(
        'not-openproject',
        `${baseUrl} sends its API to ${target}. If that is your OpenProject, enter ${target} as the address.`,
      );
    }
    return deps.probeAt(target);
  }
  const answer = root.data;
  const parsed = RootSchema.safeParse(answer);
  if (!parsed.success) {
    throw notOpenProject(baseUrl, 'its /api/v3 answer is not an OpenProject API root');
  }
  const { instanceName, coreVersion, _links } = parsed.data;
  let user: InstanceInfo['user'] = null;
  if (auth.kind !== 'none') {
    const current = await me();
    user = { id: current.id, name: current.name };
  } else {
    const id = idFromHref(_links?.user?.href);
    if (id !== null) user = { id, name: _links?.user?.title ?? `User ${id}` };
  }
  return { baseUrl, instanceName, coreVersion: coreVersion ?? null, user };
}
