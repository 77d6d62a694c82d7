import type { CurrentUser } from '../../core/domain';
import type { Command } from '../command';
import { table } from '../format';
import { expectNoOperands } from './operands';

/** `whoami --json` prints exactly this. */
export interface WhoamiJson {
  id: number;
  name: string;
  login: string | null;
  email: string | null;
}

export function whoamiJson(user: CurrentUser): WhoamiJson {
  return { id: user.id, name: user.name, login: user.login, email: user.email };
}

export const whoamiCommand: Command = {
  name: 'whoami',
  summary: 'Show the user the API key belongs to',
  usage: ['whoami'],
  details: ['Login and email are null when OpenProject does not show them to you.'],
  json: ['{ "id", "name", "login", "email" }'],
  async run({ operands, json, out, client }) {
    expectNoOperands('whoami', operands);
    const api = client();
    const user = await api.me();
    if (json) {
      out.json(whoamiJson(user));
      return;
    }
    const { dim, bold } = out.style;
    const label = (text: string) => ({ text, paint: dim });
    const rows = [
      [label('Name'), { text: user.name, paint: bold }],
      [label('User'), { text: `#${user.id}${user.admin ? ' (administrator)' : ''}` }],
    ];
    if (user.login) rows.push([label('Login'), { text: user.login }]);
    if (user.email) rows.push([label('Email'), { text: user.email }]);
    rows.push([label('OpenProject'), { text: api.baseUrl }]);
    out.lines(table(rows));
  },
};
