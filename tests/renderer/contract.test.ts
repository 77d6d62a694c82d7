import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  COMMAND_CHANNELS,
  COMMAND_NAMES,
  EVENT_CHANNELS,
  EVENT_NAMES,
  createBridge,
  type BridgeTransport,
} from '../../preload/contract';

function recordingTransport(answer: (channel: string, request: unknown) => unknown) {
  const sent: { channel: string; request: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: (channel, request) => {
      sent.push({ channel, request });
      return Promise.resolve(answer(channel, request));
    },
    listen: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const push = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((listener) => listener(payload));
  return { transport, sent, push };
}

describe('the IPC contract', () => {
  it('gives every command and event its own channel', () => {
    const channels = Object.values(CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels).toHaveLength(COMMAND_NAMES.length + EVENT_NAMES.length);
    expect(COMMAND_NAMES).toContain('connectWithToken');
    expect(EVENT_NAMES).toContain('oauthFinished');
  });

  it('builds a bridge whose commands send their request on their channel and return the result', async () => {
    const { transport, sent } = recordingTransport((channel) => ({ ok: true, value: channel }));
    const bridge = createBridge(transport);
    for (const name of COMMAND_NAMES) expect(typeof bridge[name]).toBe('function');

    await expect(bridge.probe({ url: 'https://op.test' })).resolves.toEqual({
      ok: true,
      value: COMMAND_CHANNELS.probe,
    });
    await bridge.listAccounts();
    expect(sent).toEqual([
      { channel: 'setup:probe', request: { url: 'https://op.test' } },
      { channel: 'accounts:list', request: null },
    ]);
  });

  it('turns a failing transport into an error result instead of a rejection', async () => {
    const bridge = createBridge({
      invoke: () => Promise.reject(new Error('Error invoking remote method: boom')),
      listen: () => () => {},
    });
    await expect(bridge.getSettings()).resolves.toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Error invoking remote method: boom' },
    });
  });

  it('subscribes to events by name and unsubscribes', () => {
    const { transport, push } = recordingTransport(() => null);
    const bridge = createBridge(transport);
    const seen: number[] = [];
    const off = bridge.on('unreadChanged', (counts) => seen.push(counts.total));
    push(EVENT_CHANNELS.unreadChanged, { total: 3, perAccount: {} });
    push(EVENT_CHANNELS.accountsChanged, []);
    off();
    push(EVENT_CHANNELS.unreadChanged, { total: 4, perAccount: {} });
    expect(seen).toEqual([3]);
  });
});
