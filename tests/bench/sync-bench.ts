/**
 * The sync engine's cost, against the simulator (in a child process, so that the CPU and heap
 * figures are the client's and the engine's only):
 * - requests and response bytes per idle poll with 0, 500 and 5,000 unread notifications, for
 *   this app, the Nextcloud integration's pattern (the whole unread list every poll) and the
 *   OpenProject bell's (count only, pageSize=0);
 * - time from a notification created on the simulator to the Notifier call, polling every second;
 * - CPU time per idle poll and heap growth over 10,000 polls.
 * Prints a table and writes .tmp/bench-sync.json. Run: node --expose-gc --import tsx tests/bench/sync-bench.ts
 * (`--check` makes it exit 1 when a target is missed).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient } from '../../main/core/api/client';
import type { Notifier } from '../../main/core/notify/notifier';
import { createMemorySeenStore } from '../../main/core/sync/seen-store';
import { createSyncEngine, type SyncEngine } from '../../main/core/sync/sync-engine';
import { FakeClock } from '../core/sync/support/fake-clock';
import type { SimulatorReply, SimulatorRequest } from './simulator-process';

const ROOT = join(import.meta.dirname, '../..');
const UNREAD_SIZES = [0, 500, 5_000];
const IDLE_POLLS = 20;
const LATENCY_ROUNDS = 8;
const INTERVAL_MS = 1_000;
const SOAK_POLLS = 10_000;
const TARGETS = {
  requests: 1,
  bytes: 2_048,
  latencyMs: INTERVAL_MS + 100,
  cpuMs: 2,
  heapBytes: 2 * 1024 * 1024,
};
const UNREAD_FILTER = encodeURIComponent(
  JSON.stringify([{ readIAN: { operator: '=', values: ['f'] } }]),
);

class SimulatorProcess {
  readonly #child: ChildProcess;
  #waiting: ((reply: SimulatorReply) => void) | null = null;

  constructor() {
    this.#child = fork(join(import.meta.dirname, 'simulator-process.ts'), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child.on('message', (reply: SimulatorReply) => {
      const waiting = this.#waiting;
      this.#waiting = null;
      waiting?.(reply);
    });
  }

  ask(request: SimulatorRequest): Promise<SimulatorReply> {
    return new Promise((resolve, reject) => {
      this.#waiting = (reply) =>
        reply.type === 'error' ? reject(new Error(reply.message)) : resolve(reply);
      this.#child.send(request);
    });
  }

  async start(unread: number): Promise<{ url: string; apiKey: string }> {
    const reply = await this.ask({ type: 'start', unread });
    if (reply.type !== 'started') throw new Error('the simulator did not start');
    return reply;
  }

  async stats(): Promise<{ requests: number; bytes: number }> {
    const reply = await this.ask({ type: 'stats' });
    if (reply.type !== 'stats') throw new Error('no stats');
    return reply;
  }

  async stop(): Promise<void> {
    await this.ask({ type: 'stop' });
    if (this.#child.exitCode === null) this.#child.kill();
  }
}

interface Server {
  url: string;
  apiKey: string;
}

function client(server: Server) {
  return createClient({ baseUrl: server.url, auth: { kind: 'apiKey', token: server.apiKey } });
}

/** An engine whose schedule runs on a fake clock (no waiting), its requests real. */
async function fakeClockEngine(server: Server) {
  const clock = new FakeClock(Date.now());
  const engine = createSyncEngine({ seenStore: createMemorySeenStore(), clock, random: () => 0 });
  let started = false;
  let notIdle = 0; // polls after the first that were not idle (counted, not kept: heap)
  let resolvePoll: (() => void) | null = null;
  engine.on('poll', ({ outcome }) => {
    if (outcome !== 'idle' && started) notIdle += 1;
    resolvePoll?.();
  });
  const nextPoll = () => new Promise<void>((resolve) => (resolvePoll = resolve));
  const first = nextPoll();
  engine.addAccount({ id: 'bench', label: 'Bench', source: client(server) });
  engine.start();
  await first;
  started = true;
  return {
    engine,
    notIdle: () => notIdle,
    async step(): Promise<void> {
      const done = nextPoll();
      await clock.runNext();
      await done;
    },
  };
}

async function idleCost(sim: SimulatorProcess, server: Server) {
  await sim.ask({ type: 'reset-stats' });
  const run = await fakeClockEngine(server);
  const full = await sim.stats(); // the first poll reads the whole list, as after any change
  await sim.ask({ type: 'reset-stats' });
  for (let i = 0; i < IDLE_POLLS; i += 1) await run.step();
  const stats = await sim.stats();
  await run.engine.stop();
  if (run.notIdle() > 0) throw new Error('a poll was not idle');
  return {
    requests: stats.requests / IDLE_POLLS,
    bytes: stats.bytes / IDLE_POLLS,
    changed: { requests: full.requests, bytes: full.bytes },
  };
}

async function rawCost(sim: SimulatorProcess, server: Server, query: string, polls: number) {
  await sim.ask({ type: 'reset-stats' });
  let elements = 0;
  for (let i = 0; i < polls; i += 1) {
    const answer = await fetch(`${server.url}/api/v3/notifications?${query}`, {
      headers: {
        authorization: `Basic ${Buffer.from(`apikey:${server.apiKey}`).toString('base64')}`,
        accept: 'application/hal+json',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    const body = (await answer.json()) as { _embedded?: { elements?: unknown[] } };
    elements = body._embedded?.elements?.length ?? 0;
  }
  const stats = await sim.stats();
  return { requests: stats.requests / polls, bytes: stats.bytes / polls, elements };
}

async function latency(sim: SimulatorProcess, server: Server) {
  let notified: (() => void) | null = null;
  const notifier: Notifier = {
    reportsClicks: false,
    onClick: () => () => undefined,
    notify: () => {
      notified?.();
      return Promise.resolve();
    },
  };
  const engine: SyncEngine = createSyncEngine({
    seenStore: createMemorySeenStore(),
    notifier,
    limits: { minIntervalMs: INTERVAL_MS, maxIntervalMs: 30 * 60_000 },
  });
  let first: (() => void) | null = null;
  const started = new Promise<void>((resolve) => (first = resolve));
  const off = engine.on('poll', () => first?.());
  engine.addAccount({
    id: 'bench',
    label: 'Bench',
    source: client(server),
    intervalMs: INTERVAL_MS,
  });
  engine.start();
  await started;
  off();
  const samples: number[] = [];
  for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * INTERVAL_MS));
    const shown = new Promise<void>((resolve) => (notified = resolve));
    const createdAt = performance.now();
    await sim.ask({ type: 'create', index: round * 3 + 1 });
    await shown;
    samples.push(performance.now() - createdAt);
  }
  await engine.stop();
  samples.sort((a, b) => a - b);
  return { samples, median: samples[Math.floor(samples.length / 2)]!, max: samples.at(-1)! };
}

async function cpuAndHeap(server: Server) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const run = await fakeClockEngine(server);
  for (let i = 0; i < 300; i += 1) await run.step(); // warm up
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < SOAK_POLLS; i += 1) await run.step();
  const cpu = process.cpuUsage(cpuBefore);
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  await run.engine.stop();
  if (run.notIdle() > 0) throw new Error('a poll was not idle');
  return {
    cpuMsPerPoll: (cpu.user + cpu.system) / 1000 / SOAK_POLLS,
    heapGrowthBytes: gc ? heapAfter - heapBefore : null,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const sim = new SimulatorProcess();
  const idle: {
    pattern: string;
    unread: number;
    requestsPerPoll: number;
    bytesPerPoll: number;
    note?: string;
  }[] = [];
  const changed: { unread: number; requests: number; bytes: number }[] = [];
  let cpuHeap: Awaited<ReturnType<typeof cpuAndHeap>> | null = null;
  let timing: Awaited<ReturnType<typeof latency>> | null = null;
  try {
    for (const unread of UNREAD_SIZES) {
      const server = await sim.start(unread);
      const tray = await idleCost(sim, server);
      idle.push({
        pattern: 'OpenProject Tray (snapshot)',
        unread,
        requestsPerPoll: tray.requests,
        bytesPerPoll: tray.bytes,
      });
      changed.push({ unread, requests: tray.changed.requests, bytes: tray.changed.bytes });
      const nextcloud = await rawCost(sim, server, `pageSize=-1&filters=${UNREAD_FILTER}`, 5);
      idle.push({
        pattern: 'Nextcloud integration (whole list)',
        unread,
        requestsPerPoll: nextcloud.requests,
        bytesPerPoll: nextcloud.bytes,
        ...(nextcloud.elements < unread
          ? { note: `only ${nextcloud.elements} listed (max page size)` }
          : {}),
      });
      const bell = await rawCost(sim, server, `pageSize=0&filters=${UNREAD_FILTER}`, IDLE_POLLS);
      idle.push({
        pattern: 'OpenProject bell (count only)',
        unread,
        requestsPerPoll: bell.requests,
        bytesPerPoll: bell.bytes,
      });
      if (unread === 5_000) cpuHeap = await cpuAndHeap(server);
    }
    timing = await latency(sim, await sim.start(500));
  } finally {
    await sim.stop();
  }

  const worstTray = idle.filter((row) => row.pattern.startsWith('OpenProject Tray')).at(-1)!;
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    idlePolls: idle,
    pollThatFoundAChange: changed,
    latency: {
      intervalMs: INTERVAL_MS,
      samplesMs: timing.samples,
      medianMs: timing.median,
      maxMs: timing.max,
    },
    cpuMsPerIdlePoll: cpuHeap!.cpuMsPerPoll,
    heapGrowthBytesOver10000Polls: cpuHeap!.heapGrowthBytes,
    targets: {
      oneRequestPerIdlePoll: worstTray.requestsPerPoll <= TARGETS.requests,
      under2KbPerIdlePollAt5000: worstTray.bytesPerPoll < TARGETS.bytes,
      notifierWithinIntervalPlus100ms: timing.max <= TARGETS.latencyMs,
      under2MsCpuPerIdlePoll: cpuHeap!.cpuMsPerPoll < TARGETS.cpuMs,
      heapGrowthUnder2Mb:
        cpuHeap!.heapGrowthBytes === null ? null : cpuHeap!.heapGrowthBytes < TARGETS.heapBytes,
    },
  };

  console.log('\nIdle poll (nothing changed), one account');
  console.table(
    idle.map((row) => ({
      pattern: row.pattern,
      unread: row.unread,
      'requests/poll': row.requestsPerPoll,
      'bytes/poll': Math.round(row.bytesPerPoll),
      size: kb(row.bytesPerPoll),
      note: row.note ?? '',
    })),
  );
  console.log('A poll that found a change (snapshot + the whole unread list; also the first poll)');
  console.table(
    changed.map((row) => ({ unread: row.unread, requests: row.requests, size: kb(row.bytes) })),
  );
  console.table({
    'requests per idle poll @5,000 unread': {
      value: worstTray.requestsPerPoll,
      target: '1',
      result: verdict(results.targets.oneRequestPerIdlePoll),
    },
    'bytes per idle poll @5,000 unread': {
      value: kb(worstTray.bytesPerPoll),
      target: '< 2 KB',
      result: verdict(results.targets.under2KbPerIdlePollAt5000),
    },
    'created → Notifier call (1 s interval)': {
      value: `median ${timing.median.toFixed(0)} ms, max ${timing.max.toFixed(0)} ms`,
      target: `≤ ${TARGETS.latencyMs} ms`,
      result: verdict(results.targets.notifierWithinIntervalPlus100ms),
    },
    'CPU per idle poll': {
      value: `${cpuHeap!.cpuMsPerPoll.toFixed(3)} ms`,
      target: '< 2 ms',
      result: verdict(results.targets.under2MsCpuPerIdlePoll),
    },
    'heap growth over 10,000 polls': {
      value:
        cpuHeap!.heapGrowthBytes === null
          ? 'run with --expose-gc'
          : `${(cpuHeap!.heapGrowthBytes / 1024 / 1024).toFixed(2)} MB`,
      target: '< 2 MB',
      result:
        results.targets.heapGrowthUnder2Mb === null
          ? 'n/a'
          : verdict(results.targets.heapGrowthUnder2Mb),
    },
  });
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const out = join(ROOT, '.tmp', 'bench-sync.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Figures written to ${out}`);
  const missed = Object.values(results.targets).some((met) => met === false);
  if (missed && process.argv.includes('--check')) process.exitCode = 1;
}

await main();
