/**
 * The PowerEvents port: the Electron shell translates powerMonitor, the renderer's online/offline
 * events and its idle checks into these signals; the core only listens. The CLI has none.
 */

export type PowerEvent =
  'idle' | 'active' | 'lock' | 'unlock' | 'suspend' | 'resume' | 'online' | 'offline';

export interface PowerEvents {
  /** Subscribes; returns the function that unsubscribes. */
  onChange(listener: (event: PowerEvent) => void): () => void;
}

/** A PowerEvents the owner feeds by hand (the Electron shell's adapter, tests). */
export interface ManualPowerEvents extends PowerEvents {
  emit(event: PowerEvent): void;
}

export function createManualPowerEvents(): ManualPowerEvents {
  const listeners = new Set<(event: PowerEvent) => void>();
  return {
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of [...listeners]) listener(event);
    },
  };
}

/** For hosts without power signals (the CLI): nothing ever happens. */
export const noPowerEvents: PowerEvents = { onChange: () => () => undefined };
