/**
 * The browser pages of OpenProject's sign-in and OAuth consent, reduced to what a person (or a
 * test driving a real browser) sees and submits: the login form, the consent page ("Authorize
 * <app> to use your account <login>?" with Authorize and Deny), Doorkeeper's error page and the
 * out-of-band code page. Every page carries a CSP like OpenProject's; the consent page adds the
 * application's redirect URIs to `form-action` (see redirect-uri.ts).
 */
import { escapeHtml, sendText, type Exchange } from '../http';

export interface PageOptions {
  status?: number;
  /** Extra `form-action` sources (the consent page). */
  formAction?: readonly string[];
  headers?: Record<string, string>;
}

export function contentSecurityPolicy(formAction: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["form-action 'self'", ...formAction].join(' '),
    "frame-ancestors 'self'",
  ].join('; ');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f3f6f9;color:#1a1a1a}
header{background:#1a67a3;color:#fff;padding:.6rem 1.2rem;font-weight:600}
main{max-width:30rem;margin:3rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px}
label{display:block;margin:.6rem 0 .2rem}input[type=text],input[type=password]{width:100%;padding:.4rem}
.actions{display:flex;gap:.8rem;margin-top:1.2rem}.actions form{margin:0}
button{padding:.45rem 1.1rem;font-size:1rem}.flash{color:#c92a2a}`;

export function sendPage(ex: Exchange, title: string, body: string, options: PageOptions = {}) {
  sendText(
    ex,
    options.status ?? 200,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | OpenProject</title>` +
      `<style>${STYLE}</style></head><body><header>OpenProject</header><main>${body}</main></body></html>`,
    'text/html; charset=utf-8',
    {
      'Content-Security-Policy': contentSecurityPolicy(options.formAction),
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'SAMEORIGIN',
      ...options.headers,
    },
  );
}

function hidden(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
}

export function loginPage(
  ex: Exchange,
  input: { action: string; backUrl: string; csrf: string; error?: string },
): void {
  const flash = input.error ? `<p class="flash" role="alert">${escapeHtml(input.error)}</p>` : '';
  sendPage(
    ex,
    'Sign in',
    `<h1>Sign in</h1>${flash}<form id="user-login--form" method="post" action="${escapeHtml(input.action)}">` +
      hidden({ authenticity_token: input.csrf, back_url: input.backUrl }) +
      '<label for="username">Username</label><input type="text" id="username" name="username" autocomplete="username">' +
      '<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password">' +
      '<div class="actions"><button type="submit" name="login" value="Sign in">Sign in</button></div></form>',
    input.error ? { status: 422 } : {},
  );
}

export interface ConsentInput {
  action: string;
  appName: string;
  login: string;
  scopes: readonly string[];
  /** The pre-authorization parameters carried by both forms. */
  params: Readonly<Record<string, string>>;
  csrf: string;
  formAction: readonly string[];
}

const SCOPE_NAMES: Record<string, string> = {
  api_v3: 'Full API v3 access',
  scim_v2: 'SCIM v2 access',
  mcp: 'Model Context Protocol access',
};

export function consentPage(ex: Exchange, input: ConsentInput): void {
  const fields = hidden({ authenticity_token: input.csrf, ...input.params });
  const scopes = input.scopes.map((s) => `<li>${escapeHtml(SCOPE_NAMES[s] ?? s)}</li>`).join('');
  sendPage(
    ex,
    'Authorization required',
    `<h1>Authorize ${escapeHtml(input.appName)} to use your account ${escapeHtml(input.login)}?</h1>` +
      `<p>This application will be able to:</p><ul>${scopes}</ul><div class="actions">` +
      `<form method="post" action="${escapeHtml(input.action)}">${fields}` +
      '<button type="submit" name="commit" value="Authorize">Authorize</button></form>' +
      `<form method="post" action="${escapeHtml(input.action)}">${fields}${hidden({ _method: 'delete' })}` +
      '<button type="submit" name="commit" value="Deny">Deny</button></form></div>',
    { formAction: input.formAction },
  );
}

/** Doorkeeper's `authorizations/error`: rendered, never redirected (`handle_auth_errors :render`). */
export function errorPage(ex: Exchange, code: string, description: string, status = 400): void {
  sendPage(
    ex,
    'An error has occurred',
    `<h1>An authorization error has occurred</h1><p data-error="${escapeHtml(code)}">${escapeHtml(description)}</p>`,
    { status },
  );
}

/** `/oauth/authorize/native`: the code for an out-of-band client to copy. */
export function nativeCodePage(ex: Exchange, code: string): void {
  sendPage(
    ex,
    'Authorization code',
    `<h1>Authorization code</h1><p>Copy this code and paste it into the application:</p><code id="authorization_code">${escapeHtml(code)}</code>`,
  );
}
