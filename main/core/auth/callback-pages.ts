/**
 * The pages the loopback listener shows in the browser. Static HTML with our own text only
 * (escaped all the same); never a value from the query string. No scripts, no external
 * resources, no referrer.
 */

export interface CallbackPage {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const STYLE = `
  :root { color-scheme: light dark; --accent: #1a67a3; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
         min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; padding: 2rem 2.5rem; border-radius: 12px; text-align: center;
         border: 1px solid color-mix(in srgb, CanvasText 15%, transparent); }
  h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
  .ok h1 { color: var(--accent); }
  .error h1 { color: #c92a2a; }
  p { margin: .5rem 0; }
  .app { font-size: .85rem; opacity: .7; margin-top: 1.5rem; }
`;

const SECURITY_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function page(status: number, tone: 'ok' | 'error', title: string, lines: string[]): CallbackPage {
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n    ');
  const body = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${escapeHtml(title)} – OpenProject Tray</title>
  <style>${STYLE}</style>
</head>
<body>
  <main class="${tone}">
    <h1>${escapeHtml(title)}</h1>
    ${paragraphs}
    <p class="app">OpenProject Tray</p>
  </main>
</body>
</html>
`;
  return { status, headers: { ...SECURITY_HEADERS }, body };
}

/** After a successful sign-in. */
export function successPage(): CallbackPage {
  return page(200, 'ok', 'Signed in', ['You can close this tab and return to OpenProject Tray.']);
}

/** After the expected callback, when the sign-in failed: `message` is our own sentence. */
export function failurePage(message: string): CallbackPage {
  return page(200, 'error', 'Sign-in failed', [
    message,
    'You can close this tab and return to OpenProject Tray.',
  ]);
}

/** A callback that is not the one this sign-in waits for (wrong or missing state, replayed). */
export function rejectedCallbackPage(): CallbackPage {
  return page(400, 'error', 'This sign-in link is not valid', [
    'It does not belong to the sign-in OpenProject Tray is waiting for, or it was already used.',
    'Return to OpenProject Tray and start the sign-in again if needed.',
  ]);
}

export function notFoundPage(): CallbackPage {
  return page(404, 'error', 'Nothing here', [
    'This address only receives the answer of a sign-in started in OpenProject Tray.',
  ]);
}

export function methodNotAllowedPage(): CallbackPage {
  const result = page(405, 'error', 'Not allowed', [
    'This address only receives the answer of a sign-in started in OpenProject Tray.',
  ]);
  result.headers.allow = 'GET';
  return result;
}
