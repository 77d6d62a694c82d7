/**
 * The browser session of OpenProject (cookie `_open_project_session`, HttpOnly, SameSite=Lax)
 * with its CSRF `authenticity_token`, and the login page Doorkeeper's `resource_owner_authenticator`
 * sends an anonymous browser to (`/login?back_url=…`). Any active user signs in with their
 * password (see OAuthSettings); locked users cannot.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { send, type Exchange } from '../http';
import type { PlainRoute } from '../routes/types';
import type { OAuthContext } from './context';
import { readForm } from './form';
import { loginPage, sendPage } from './pages';

export const SESSION_COOKIE = '_open_project_session';
export const INVALID_LOGIN_MESSAGE = 'Invalid user or password';

export interface BrowserSession {
  id: string;
  userId: number | null;
  csrf: string;
}

const token = () => randomBytes(32).toString('base64url');

function cookieValue(ex: Exchange, name: string): string | undefined {
  for (const part of (ex.req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export class Sessions {
  readonly #byId = new Map<string, BrowserSession>();

  /** The session the request's cookie names, if any. */
  find(ex: Exchange): BrowserSession | undefined {
    const id = cookieValue(ex, SESSION_COOKIE);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  /** The request's session, or a new anonymous one (its cookie set on the response). */
  ensure(ex: Exchange): BrowserSession {
    return this.find(ex) ?? this.#start(ex, null);
  }

  /** A fresh session for the signed-in user (the id changes on login, as Rails resets it). */
  signIn(ex: Exchange, previous: BrowserSession, userId: number): BrowserSession {
    this.#byId.delete(previous.id);
    return this.#start(ex, userId);
  }

  /** Signs every browser out. */
  clear(): void {
    this.#byId.clear();
  }

  #start(ex: Exchange, userId: number | null): BrowserSession {
    const session = { id: token(), userId, csrf: token() };
    this.#byId.set(session.id, session);
    ex.res.setHeader(
      'Set-Cookie',
      `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`,
    );
    return session;
  }
}

export function csrfValid(session: BrowserSession, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Rails' answer to a form without a valid authenticity token. */
export function sendCsrfFailure(ex: Exchange): void {
  sendPage(ex, 'Error', '<h1>The change you wanted was rejected.</h1>', { status: 422 });
}

/** A redirect target below this installation only (no open redirect). */
function safeBackUrl(ctx: OAuthContext, backUrl: string | null): string {
  const home = ctx.url('/');
  if (!backUrl) return home;
  const prefix = `${ctx.host.basePath}/`;
  if (backUrl.startsWith(prefix) && !backUrl.startsWith('//'))
    return ctx.url(backUrl.slice(ctx.host.basePath.length));
  return backUrl.startsWith(ctx.url('/')) ? backUrl : home;
}

export function redirect(ex: Exchange, location: string): void {
  send(ex, 302, { Location: location, 'Cache-Control': 'no-store' });
}

/** The signed-in user's session, or null after redirecting the browser to the login page. */
export function requireLogin(
  ex: Exchange,
  ctx: OAuthContext,
): (BrowserSession & { userId: number }) | null {
  const session = ctx.sessions.find(ex);
  if (session?.userId != null) {
    const user = ctx.host.findUser(session.userId);
    if (user?.status === 'active') return session as BrowserSession & { userId: number };
  }
  const back = `${ex.url.pathname}${ex.url.search}`;
  redirect(ex, `${ctx.url('/login')}?back_url=${encodeURIComponent(back)}`);
  return null;
}

function passwordMatches(ctx: OAuthContext, login: string, password: string): boolean {
  const expected = ctx.settings.passwords.get(login) ?? ctx.settings.defaultPassword;
  const a = Buffer.from(password);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function loginRoutes(ctx: OAuthContext): PlainRoute[] {
  return [
    {
      method: 'GET',
      path: '/login',
      handle(ex) {
        const session = ctx.sessions.ensure(ex);
        const backUrl = ex.query.get('back_url') ?? '';
        if (session.userId !== null) return redirect(ex, safeBackUrl(ctx, backUrl));
        loginPage(ex, { action: ctx.url('/login'), backUrl, csrf: session.csrf });
      },
    },
    {
      method: 'POST',
      path: '/login',
      async handle(ex) {
        const form = (await readForm(ex)) ?? new URLSearchParams();
        const session = ctx.sessions.find(ex);
        if (!session || !csrfValid(session, form.get('authenticity_token'))) {
          return sendCsrfFailure(ex);
        }
        const login = (form.get('username') ?? '').trim();
        const user = login === '' ? undefined : ctx.host.findUser(login);
        const backUrl = form.get('back_url') ?? '';
        if (
          !user ||
          user.login !== login ||
          user.status !== 'active' ||
          !passwordMatches(ctx, login, form.get('password') ?? '')
        ) {
          return loginPage(ex, {
            action: ctx.url('/login'),
            backUrl,
            csrf: session.csrf,
            error: INVALID_LOGIN_MESSAGE,
          });
        }
        ctx.sessions.signIn(ex, session, user.id);
        redirect(ex, safeBackUrl(ctx, backUrl));
      },
    },
  ];
}
