import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it but without
 * its side effect: requiring 'electron' downloads the binary when it is missing.
 */
export function electronBinary(root = ROOT): { path: string } | { reason: string } {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing; run `npx install-electron`)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const path = join(dist, relative);
  return existsSync(path) ? { path } : { reason: `the Electron binary ${path} does not exist` };
}

/** Arguments Electron needs on this machine: no Chromium sandbox when running as root on Linux. */
export function electronSandboxArgs(): string[] {
  return process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}
