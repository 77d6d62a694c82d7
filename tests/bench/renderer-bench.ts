/**
 * The renderer's cost, on the production build (`out/renderer`, rebuilt first with electron-vite):
 * - JavaScript shipped to the renderer, gzip;
 * - navigation → the widget's first list row painted, with 100 and 1,000 unread groups (median of
 *   several fresh page loads in Debian's Chromium);
 * - a quick-search answer → the next frame with its rows (median and p95 over many updates).
 * The page talks to a static bridge (an init script serving a prepared snapshot and prepared search
 * answers at once), so the figures are the renderer's own, free of network and core time.
 * Prints a table and writes .tmp/bench-renderer.json. Run: npx tsx tests/bench/renderer-bench.ts
 * (`--no-build` uses the existing build; `--check` exits 1 when a target is missed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';
import {
  benchData,
  installStaticBridge,
  serializeBenchData,
  type BenchPage,
} from '../e2e/renderer/support/static-bridge';

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'out/renderer');
/** 0: the "caught up" state, the renderer's fixed start-up cost. */
const GROUP_COUNTS = [0, 100, 1_000];
const LOAD_RUNS = 7;
const SEARCH_UPDATES = 30;
/** tsx keeps function names with an `__name` helper that serialised page functions lack. */
const NAME_HELPER = { content: 'globalThis.__name ??= (fn) => fn;' };
const TARGETS = { jsGzipBytes: 200 * 1024, firstRowMsAt1000: 150, searchUpdateMs: 16 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Raw and gzip bytes of the build's files by extension (.js, .css, .html). */
function shippedSizes(): Record<string, { raw: number; gzip: number }> {
  const sizes: Record<string, { raw: number; gzip: number }> = {};
  for (const file of filesUnder(OUT)) {
    const body = readFileSync(file);
    const ext = extname(file);
    const entry = (sizes[ext] ??= { raw: 0, gzip: 0 });
    entry.raw += body.length;
    entry.gzip += gzipSync(body, { level: 9 }).length;
  }
  return sizes;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves the build on 127.0.0.1 (the CSP comes with index.html's meta tag). */
async function serveBuild(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(OUT, path === '/' ? 'index.html' : path);
    if (!file.startsWith(OUT)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/index.html`, server };
}

interface LoadTimes {
  /** Navigation → the first row's frame. */
  total: number[];
  /** The snapshot answered → the first row's frame (the list's own cost). */
  fromSnapshot: number[];
}

/** A fresh context per load (no HTTP cache), the widget's window size. */
async function firstRowTimes(browser: Browser, url: string, groups: number): Promise<LoadTimes> {
  const data = serializeBenchData(benchData(groups));
  const times: LoadTimes = { total: [], fromSnapshot: [] };
  for (let run = 0; run <= LOAD_RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 400, height: 560 } });
    const page = await context.newPage();
    await page.addInitScript(NAME_HELPER);
    await page.addInitScript(installStaticBridge, data);
    await page.goto(`${url}#/widget`);
    await page.waitForFunction(
      () => (globalThis as unknown as BenchPage).__bench.firstRowPaintedAt,
    );
    const bench = await page.evaluate(() => (globalThis as unknown as BenchPage).__bench);
    const rows = groups ? await page.locator('ul.group-list').getAttribute('aria-label') : '0';
    if (rows?.replace(/\D/g, '') !== String(groups)) throw new Error(`list shows ${rows}`);
    if (run > 0) {
      // run 0 warms the browser up
      times.total.push(bench.firstRowPaintedAt!);
      times.fromSnapshot.push(bench.firstRowPaintedAt! - bench.snapshotAnsweredAt!);
    }
    await context.close();
  }
  return times;
}

interface SearchTimes {
  /** The answer → its rows in the DOM and laid out (the renderer's work). */
  layoutMs: number[];
  /** The answer → the next animation frame showing the rows (includes waiting for vsync). */
  frameMs: number[];
}

async function searchUpdateTimes(browser: Browser, url: string): Promise<SearchTimes> {
  const context = await browser.newContext({ viewport: { width: 640, height: 420 } });
  const page = await context.newPage();
  await page.addInitScript(NAME_HELPER);
  await page.addInitScript(installStaticBridge, serializeBenchData(benchData(10)));
  await page.goto(`${url}#/search`);
  const input = page.getByRole('combobox');
  await input.waitFor();
  for (let update = 1; update <= SEARCH_UPDATES + 1; update += 1) {
    await input.fill(`query ${update}`);
    await page.waitForFunction(
      (n) => (globalThis as unknown as BenchPage).__bench.searchUpdates.length >= n,
      update,
    );
  }
  const updates = await page.evaluate(
    () => (globalThis as unknown as BenchPage).__bench.searchUpdates,
  );
  await context.close();
  const measured = updates.slice(1); // the first one compiles the result rows' code
  return {
    layoutMs: measured.map((u) => u.laidOutAt - u.answeredAt),
    frameMs: measured.map((u) => u.frameAt - u.answeredAt),
  };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const sizes = shippedSizes();
  const { url, server } = await serveBuild();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const loads = [];
    for (const groups of GROUP_COUNTS) {
      const times = await firstRowTimes(browser, url, groups);
      loads.push({
        groups,
        runs: times.total,
        medianMs: median(times.total),
        fromSnapshotMedianMs: median(times.fromSnapshot),
      });
    }
    const search = await searchUpdateTimes(browser, url);
    const js = sizes['.js'] ?? { raw: 0, gzip: 0 };
    const at1000 = loads.find((load) => load.groups === 1_000)!;
    const searchLayout = {
      medianMs: median(search.layoutMs),
      p95Ms: percentile(search.layoutMs, 95),
    };
    const searchFrame = { medianMs: median(search.frameMs), p95Ms: percentile(search.frameMs, 95) };
    const results = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      method:
        'static bridge (prepared answers, serialised as over IPC, decoded on arrival, answered at once)',
      shipped: sizes,
      firstRowPaint: loads,
      searchUpdate: {
        updates: search.layoutMs.length,
        hitsPerAnswer: benchData(0).searchSets[0]!.length,
        answerToRowsLaidOut: searchLayout,
        answerToNextFrame: searchFrame,
      },
      targets: {
        jsUnder200KbGzip: js.gzip < TARGETS.jsGzipBytes,
        firstRowUnder150MsAt1000: at1000.medianMs < TARGETS.firstRowMsAt1000,
        searchUpdateUnder16Ms: searchLayout.p95Ms < TARGETS.searchUpdateMs,
      },
    };
    const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log('\nShipped to the renderer (out/renderer)');
    console.table(
      Object.fromEntries(
        Object.entries(sizes).map(([ext, s]) => [ext, { raw: kb(s.raw), gzip: kb(s.gzip) }]),
      ),
    );
    console.log(
      'Navigation → first list row painted (widget 400×560, static bridge; 0 = caught up)',
    );
    console.table(
      loads.map((load) => ({
        groups: load.groups,
        median: `${load.medianMs.toFixed(1)} ms`,
        'of which after the snapshot': `${load.fromSnapshotMedianMs.toFixed(1)} ms`,
        min: `${Math.min(...load.runs).toFixed(1)} ms`,
        max: `${Math.max(...load.runs).toFixed(1)} ms`,
      })),
    );
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.table({
      'renderer JavaScript, gzip': {
        value: kb(js.gzip),
        target: '< 200 KB',
        result: verdict(results.targets.jsUnder200KbGzip),
      },
      'first row painted, 1,000 groups (median)': {
        value: ms(at1000.medianMs),
        target: '< 150 ms',
        result: verdict(results.targets.firstRowUnder150MsAt1000),
      },
      'search answer → rows laid out (median / p95)': {
        value: `${ms(searchLayout.medianMs)} / ${ms(searchLayout.p95Ms)}`,
        target: '< 16 ms (p95)',
        result: verdict(results.targets.searchUpdateUnder16Ms),
      },
      'search answer → next frame (median / p95)': {
        value: `${ms(searchFrame.medianMs)} / ${ms(searchFrame.p95Ms)}`,
        target: 'info: + vsync wait',
        result: '',
      },
    });
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const out = join(ROOT, '.tmp', 'bench-renderer.json');
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Figures written to ${out}`);
    const missed = Object.values(results.targets).some((met) => !met);
    if (missed && process.argv.includes('--check')) process.exitCode = 1;
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
