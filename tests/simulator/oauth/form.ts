/**
 * Reading what browsers and OAuth clients send: form bodies (only with the form media type,
 * as Doorkeeper's `enforce_content_type`), and client credentials from HTTP Basic or the form
 * (`client_credentials_methods :from_basic, :from_params`).
 */
import { readBody, type Exchange } from '../http';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

export function mediaType(ex: Exchange): string | null {
  const header = ex.req.headers['content-type'];
  if (!header) return null;
  return header.split(';')[0]?.trim().toLowerCase() ?? null;
}

/** The form body, or null when the request is not form-encoded. */
export async function readForm(ex: Exchange): Promise<URLSearchParams | null> {
  const body = (await readBody(ex.req)).toString('utf8');
  return mediaType(ex) === FORM_MEDIA_TYPE ? new URLSearchParams(body) : null;
}

export interface ClientCredentials {
  clientId: string;
  secret: string | null;
  basic: boolean;
}

export function clientCredentials(ex: Exchange, form: URLSearchParams): ClientCredentials | null {
  const header = ex.req.headers.authorization;
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const id = decodeURIComponent(colon >= 0 ? decoded.slice(0, colon) : decoded);
    const secret = colon >= 0 ? decodeURIComponent(decoded.slice(colon + 1)) : '';
    if (id !== '') return { clientId: id, secret: secret === '' ? null : secret, basic: true };
  }
  const id = form.get('client_id');
  if (!id) return null;
  const secret = form.get('client_secret');
  return { clientId: id, secret: secret ? secret : null, basic: false };
}
