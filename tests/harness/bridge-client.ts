/**
 * The browser harness's bridge, run in the page before the renderer (bundled to one classic script,
 * served same-origin as /__bridge.js, so `script-src 'self'` allows it): `window.openprojectTray`
 * is the contract's own `createBridge` over HTTP — a command is `POST /__bridge/<channel>` with the
 * JSON request, answered with the JSON `Result`; events arrive as Server-Sent Events from
 * `/__bridge/events`. The per-run secret travels as a same-site cookie set with the page.
 * Uses only what every browser has; no DOM types are needed to compile it.
 */
import { createBridge, type BridgeTransport, type TrayBridge } from '../../preload/contract';

interface MessageEventLike {
  data: string;
}
interface EventSourceLike {
  onmessage: ((event: MessageEventLike) => void) | null;
}
interface ResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}
interface BrowserGlobals {
  EventSource: new (url: string) => EventSourceLike;
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<ResponseLike>;
  dispatchEvent(event: unknown): boolean;
  Event: new (type: string) => unknown;
  openprojectTray?: TrayBridge;
}

const page = globalThis as unknown as BrowserGlobals;
type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let source: EventSourceLike | null = null;

function connect(): void {
  if (source) return;
  source = new page.EventSource('/__bridge/events');
  source.onmessage = (event) => {
    const { channel, payload } = JSON.parse(event.data) as { channel: string; payload: unknown };
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
  };
}

const transport: BridgeTransport = {
  async invoke(channel, request) {
    const response = await page.fetch(`/__bridge/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request ?? null),
    });
    if (!response.ok) throw new Error(`The browser harness answered HTTP ${response.status}.`);
    return response.json();
  },
  listen(channel, listener) {
    connect();
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
};

connect();
page.openprojectTray = createBridge(transport);
page.dispatchEvent(new page.Event('openprojecttray:bridge-ready'));
