/**
 * The few web (browser) pages the app links to — work package, notification center, access
 * tokens — as tiny HTML pages, so "open in browser" lands somewhere real during demos and E2E tests.
 */
import { escapeHtml, send, sendText, type Exchange } from '../http';
import type { PlainRoute, SimContext } from './types';

function page(ex: Exchange, status: number, title: string, body: string): void {
  sendText(
    ex,
    status,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | OpenProject</title></head>` +
      `<body><header>OpenProject (simulator)</header><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    'text/html; charset=utf-8',
  );
}

export function webRoutes(sim: SimContext): PlainRoute[] {
  return [
    {
      method: 'GET',
      path: '/',
      handle: (ex) => page(ex, 200, sim.settings.instanceName, '<p>Welcome.</p>'),
    },
    {
      method: 'GET',
      path: '/work_packages/:id',
      handle: (ex, params) => {
        const { state } = sim.store;
        const wp = state.workPackages.get(Number(params.id));
        if (!wp)
          return page(ex, 404, 'Not found', '<p>The page you were looking for does not exist.</p>');
        const project = state.projects.get(wp.projectId)?.name ?? '';
        page(ex, 200, `#${wp.id} ${wp.subject}`, `<p data-project>${escapeHtml(project)}</p>`);
      },
    },
    {
      method: 'GET',
      path: '/wp/:id',
      handle: (ex, params) =>
        send(ex, 302, {
          Location: sim.paths.web(`/work_packages/${encodeURIComponent(params.id ?? '')}`),
        }),
    },
    { method: 'GET', path: '/notifications', handle: (ex) => page(ex, 200, 'Notifications', '') },
    {
      method: 'GET',
      path: '/notifications/details/:id/activity',
      handle: (ex, params) => page(ex, 200, `Notifications — work package ${params.id ?? ''}`, ''),
    },
    {
      method: 'GET',
      path: '/my/access_tokens',
      handle: (ex) => page(ex, 200, 'Access tokens', ''),
    },
    { method: 'GET', path: '/my/account', handle: (ex) => page(ex, 200, 'My account', '') },
    { method: 'GET', path: '/login', handle: (ex) => page(ex, 200, 'Sign in', '') },
  ];
}

export function notFoundPage(ex: Exchange): void {
  page(ex, 404, 'Not found', '<p>The page you were looking for does not exist.</p>');
}
