import type { InstanceInfo } from '../../core/domain';
import type { Command } from '../command';
import { table } from '../format';
import { expectNoOperands } from './operands';

/** `probe --json` prints exactly this. */
export interface ProbeJson {
  baseUrl: string;
  instanceName: string;
  coreVersion: string | null;
  user: { id: number; name: string } | null;
}

export function probeJson(info: InstanceInfo): ProbeJson {
  return {
    baseUrl: info.baseUrl,
    instanceName: info.instanceName,
    coreVersion: info.coreVersion,
    user: info.user ? { id: info.user.id, name: info.user.name } : null,
  };
}

export const probeCommand: Command = {
  name: 'probe',
  summary: 'Check that the URL is an OpenProject and, with a key, who it belongs to',
  usage: ['probe'],
  details: ['Works without an API key too (then only the instance is checked).'],
  json: [
    '{ "baseUrl", "instanceName", "coreVersion" (null unless you are an admin),',
    '  "user": { "id", "name" } or null }',
  ],
  async run({ operands, json, out, clientWithOptionalAuth }) {
    expectNoOperands('probe', operands);
    const info = await clientWithOptionalAuth().probe();
    if (json) {
      out.json(probeJson(info));
      return;
    }
    const { dim, bold } = out.style;
    const label = (text: string) => ({ text, paint: dim });
    out.lines(
      table([
        [label('OpenProject'), { text: info.instanceName, paint: bold }],
        [label('URL'), { text: info.baseUrl }],
        [label('Version'), { text: info.coreVersion ?? 'not shown (only admins see it)' }],
        [
          label('Signed in as'),
          {
            text: info.user
              ? `${info.user.name} (user #${info.user.id})`
              : 'nobody (no API key given, or it was not accepted)',
          },
        ],
      ]),
    );
  },
};
