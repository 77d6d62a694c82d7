import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  type ReactNode,
} from 'react';
import type { EventName, Events, TrayBridge } from '../../../preload/contract';

declare global {
  interface Window {
    /** Set by the Electron preload (or the browser harness) before or soon after the page loads. */
    openprojectTray?: TrayBridge;
  }
}

/** The event the browser harness dispatches on `window` once it has set `window.openprojectTray`. */
export const BRIDGE_READY_EVENT = 'openprojecttray:bridge-ready';

const BridgeContext = createContext<TrayBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: TrayBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): TrayBridge {
  const bridge = useContext(BridgeContext);
  if (bridge === null) throw new Error('useBridge() needs a <BridgeProvider>.');
  return bridge;
}

/** Subscribes to a pushed event for the component's lifetime; the latest listener is always called. */
export function useBridgeEvent<E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void,
): void {
  const bridge = useBridge();
  const latest = useRef(listener);
  // As the render commits, not after the next paint: an event arriving in between (Preact runs
  // passive effects after paint) reaches the listener that sees the state on screen.
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(() => bridge.on(event, (payload) => latest.current(payload)), [bridge, event]);
}
