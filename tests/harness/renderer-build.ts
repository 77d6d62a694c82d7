/**
 * The production renderer build the harness serves (out/renderer): built with `npx electron-vite
 * build` when it is missing or (policy `auto`) older than the renderer's sources.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_OUT = join(PROJECT_ROOT, 'out', 'renderer');

/** `auto`: build when missing or stale; `if-missing`: only when missing; `never`: fail if missing. */
export type BuildPolicy = 'auto' | 'if-missing' | 'never';

const SOURCES = [
  'renderer',
  'preload/contract.ts',
  'main/core/domain.ts',
  'electron.vite.config.ts',
];

/** The newest modification time under a path (skipping node_modules and dot folders); 0 when absent. */
export function newestMtime(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the build must be made now, or null when out/renderer is usable. */
export function buildReason(policy: BuildPolicy): string | null {
  const index = join(RENDERER_OUT, 'index.html');
  if (!existsSync(index)) return 'out/renderer is missing';
  if (policy !== 'auto') return null;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(...SOURCES.map((source) => newestMtime(join(PROJECT_ROOT, source))));
  return sources > built ? 'out/renderer is older than the renderer sources' : null;
}

let building: Promise<void> | undefined;

function runBuild(log: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['electron-vite', 'build'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        log('The renderer is built.');
        resolve();
      } else {
        reject(new Error(`npx electron-vite build failed (exit ${code}):\n${output}`));
      }
    });
  });
}

/** Makes sure out/renderer can be served; returns its folder. */
export async function ensureRendererBuild(
  policy: BuildPolicy,
  log: (line: string) => void = () => {},
): Promise<string> {
  const reason = buildReason(policy);
  if (reason !== null) {
    if (policy === 'never') throw new Error(`${reason}: run npx electron-vite build first.`);
    log(`Building the renderer (${reason})…`);
    building ??= runBuild(log).finally(() => {
      building = undefined;
    });
    await building;
  }
  return RENDERER_OUT;
}
