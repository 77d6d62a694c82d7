import type { Shell } from 'electron';
import { openExternalIfAllowed } from '../external-links';

/**
 * shell.openExternal behind the allow-list: only links into a signed-in instance reach the browser.
 * Resolves true when opened; a refused URL is reported, never opened.
 */
export function createExternalOpener(
  shell: Pick<Shell, 'openExternal'>,
  instanceBaseUrls: () => readonly string[],
  onRefused: (url: string) => void = () => {},
): (url: string) => Promise<boolean> {
  return async (url) => {
    const opened = await openExternalIfAllowed(url, instanceBaseUrls(), (allowed) =>
      shell.openExternal(allowed, { activate: true }),
    );
    if (!opened) onRefused(url);
    return opened;
  };
}
