/**
 * The setup wizard's check of an address a person typed: is there an OpenProject, what is it
 * called, and (with credentials) who are we there.
 */
import type { InstanceInfo } from '../domain';
import { createClient, type ClientOptions } from './client';
import { normalizeBaseUrl } from './url';

export type ProbeOptions = Omit<ClientOptions, 'baseUrl'>;

/** Normalises `url` (adds https://, drops a trailing /api/v3, keeps a sub-path) and probes it. */
export async function probeInstance(
  url: string,
  options: ProbeOptions = {},
): Promise<InstanceInfo> {
  const client = createClient({ ...options, baseUrl: normalizeBaseUrl(url) });
  return client.probe();
}
