import type { Net, PowerMonitor } from 'electron';
import { createManualPowerEvents, type PowerEvents } from '../../core/sync/power';

export interface PowerEventsAdapterOptions {
  powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleState'>;
  net: Pick<Net, 'isOnline'>;
  /** Seconds without input before the user counts as away. */
  idleThresholdSeconds?: number;
  /** How often idle and online are checked (Electron has no event for either). */
  checkEveryMs?: number;
}

/**
 * powerMonitor → the core's PowerEvents: suspend/resume and lock/unlock (macOS, Windows) directly;
 * idle/active and online/offline by polling, since Electron signals neither from main.
 */
export function powerEventsFromElectron(
  options: PowerEventsAdapterOptions,
): PowerEvents & { dispose(): void } {
  const events = createManualPowerEvents();
  const { powerMonitor, net } = options;
  powerMonitor.on('suspend', () => events.emit('suspend'));
  powerMonitor.on('resume', () => {
    events.emit('resume');
    check();
  });
  powerMonitor.on('lock-screen', () => events.emit('lock'));
  powerMonitor.on('unlock-screen', () => events.emit('unlock'));

  let idle = false;
  let online = true;
  function check(): void {
    const nowIdle =
      powerMonitor.getSystemIdleState(options.idleThresholdSeconds ?? 300) !== 'active';
    if (nowIdle !== idle) {
      idle = nowIdle;
      events.emit(idle ? 'idle' : 'active');
    }
    const nowOnline = net.isOnline();
    if (nowOnline !== online) {
      online = nowOnline;
      events.emit(online ? 'online' : 'offline');
    }
  }
  const timer = setInterval(check, options.checkEveryMs ?? 30_000);
  timer.unref?.();
  return { onChange: (listener) => events.onChange(listener), dispose: () => clearInterval(timer) };
}
