/**
 * The simulator in a process of its own, for the benchmark: the benchmark's CPU and heap figures
 * then count the client and the engine only. Driven over the fork IPC channel.
 */
import { startSimulator, type Simulator } from '../simulator/index';

export type SimulatorRequest =
  | { type: 'start'; unread: number }
  | { type: 'stats' }
  | { type: 'reset-stats' }
  | { type: 'create'; index: number }
  | { type: 'stop' };

export type SimulatorReply =
  | { type: 'started'; url: string; apiKey: string }
  | { type: 'stats'; requests: number; bytes: number }
  | { type: 'done' }
  | { type: 'created'; id: number }
  | { type: 'error'; message: string };

let sim: Simulator | null = null;

function reply(message: SimulatorReply): void {
  process.send?.(message);
}

async function handle(request: SimulatorRequest): Promise<void> {
  switch (request.type) {
    case 'start':
      await sim?.stop();
      sim = await startSimulator({ unread: request.unread });
      return reply({ type: 'started', url: sim.url, apiKey: sim.tokens.apiKey });
    case 'stats': {
      const stats = sim!.control.stats();
      return reply({ type: 'stats', requests: stats.requests, bytes: stats.bytes });
    }
    case 'reset-stats':
      sim!.control.resetStats();
      return reply({ type: 'done' });
    case 'create': {
      const open = sim!.control.workPackages().filter((wp) => !wp.isClosed);
      const workPackage = open[request.index % open.length]!;
      const change = sim!.control.createNotification({
        workPackageId: workPackage.id,
        reason: 'mentioned',
      });
      return reply({ type: 'created', id: change.notification.id });
    }
    case 'stop':
      await sim?.stop();
      sim = null;
      reply({ type: 'done' });
      process.disconnect();
      return;
  }
}

process.on('message', (request: SimulatorRequest) => {
  handle(request).catch((error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
