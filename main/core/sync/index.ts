/**
 * The sync engine's public surface, for the Electron shell and the CLI's `watch`:
 *
 *   const engine = createSyncEngine({ seenStore: createFileSeenStore(dir), notifier, power });
 *   engine.on('unread', …); engine.on('groups', …); engine.on('state', …); engine.on('toast', …);
 *   engine.addAccount({ id, label, source: client, intervalMs, toast, freshSignIn });
 *   engine.start(); … await engine.stop();
 */
export { createSyncEngine, SyncEngine } from './sync-engine';
export type { AccountConfig, AccountView, EngineView, SyncEngineOptions } from './sync-engine';
export type { SyncEventMap, PollOutcome } from './events';
export type { AccountState, AccountStateKind } from './state';
export type { SyncSource, UnreadSnapshot, SyncFailure } from './source';
export { createFileSeenStore } from './seen-store-file';
export { createMemorySeenStore } from './seen-store';
export type { SeenStore, SeenRecord } from './seen-store';
export { createManualPowerEvents, noPowerEvents } from './power';
export type { PowerEvent, PowerEvents, ManualPowerEvents } from './power';
export { systemClock } from './clock';
export type { Clock, TimerHandle } from './clock';
export { DEFAULT_INTERVAL_MS, DEFAULT_LIMITS, clampInterval, type IntervalLimits } from './backoff';
