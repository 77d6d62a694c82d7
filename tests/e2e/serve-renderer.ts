/**
 * Serves the production renderer build (out/renderer) on 127.0.0.1 with the same CSP the app uses,
 * so the smoke test checks the real bundle under the real policy. Builds it first when missing.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '../../out/renderer');
const port = Number(process.argv[2] ?? 41731);
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

if (!existsSync(join(root, 'index.html'))) {
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
}

createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  readFile(file).then(
    (body) => {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    },
    () => res.writeHead(404).end('not found'),
  );
}).listen(port, '127.0.0.1', () => console.log(`renderer on http://127.0.0.1:${port}/`));
