import { describe, expect, it } from 'vitest';
import type { EngineView } from '../../main/core/sync/sync-engine';
import { trayStatusFromEngine } from '../../main/shell/tray-status-from-engine';
import { trayIconState } from '../../main/shell/tray-status';

const account = (label: string, kind: string, count: number | null, message = '') =>
  ({
    id: label,
    label,
    state: { kind, message, errorKind: null, lastSuccessAt: null, nextPollAt: null, failures: 0 },
    count,
    groups: [],
    intervalMs: 60_000,
    toast: {},
  }) as unknown as EngineView['accounts'][number];

describe('the tray status from the sync engine', () => {
  it('maps account states and the snooze to what the tray shows', () => {
    const status = trayStatusFromEngine({
      accounts: [
        account('ACME', 'ok', 3),
        account('Community', 'server-error', 1, 'Community answered with an error (500).'),
        account('Lab', 'rate-limited', 2),
      ],
      total: 6,
      paused: false,
      snoozedUntil: Date.UTC(2026, 0, 1, 12),
    });
    expect(status).toEqual({
      accounts: [
        { label: 'ACME', unread: 3, state: 'ok' },
        {
          label: 'Community',
          unread: 1,
          state: 'error',
          message: 'Community answered with an error (500).',
        },
        { label: 'Lab', unread: 2, state: 'ok' },
      ],
      pausedUntil: new Date(Date.UTC(2026, 0, 1, 12)),
    });
    expect(trayIconState(status)).toBe('error');
  });

  it('shows offline and sign-in states, and no accounts as signed out', () => {
    const view = (accounts: EngineView['accounts']): EngineView => ({
      accounts,
      total: 0,
      paused: false,
      snoozedUntil: null,
    });
    expect(trayIconState(trayStatusFromEngine(view([account('A', 'offline', 1)])))).toBe('offline');
    expect(trayIconState(trayStatusFromEngine(view([account('A', 'needs-sign-in', null)])))).toBe(
      'signed-out',
    );
    expect(trayIconState(trayStatusFromEngine(view([])))).toBe('signed-out');
    expect(trayIconState(trayStatusFromEngine(view([account('A', 'checking', null)])))).toBe(
      'normal',
    );
  });
});
