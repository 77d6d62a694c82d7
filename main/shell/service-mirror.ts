import type { Account, PauseState, UnreadCounts } from '../../preload/contract';
import type { AppEvents } from '../app';
import { trayStatusFromService, type ServiceState } from './tray-status-from-service';
import type { TrayStatus } from './tray-status';

/**
 * The shell's copy of what the application service last announced (accounts, unread counts, pause),
 * kept from its events: the tray is drawn from it, and links open only into its accounts.
 */
export class ServiceMirror {
  private state: ServiceState = {
    accounts: [],
    unread: { total: 0, perAccount: {} },
    pause: { kind: 'active' },
  };

  constructor(
    events: AppEvents,
    private readonly onChange: (status: TrayStatus) => void = () => {},
  ) {
    events.on('accountsChanged', (accounts) => this.set({ accounts }));
    events.on('unreadChanged', (unread) => this.set({ unread }));
    events.on('settingsChanged', (settings) => this.set({ pause: settings.pause }));
  }

  get accounts(): readonly Account[] {
    return this.state.accounts;
  }

  get unread(): UnreadCounts {
    return this.state.unread;
  }

  get pause(): PauseState {
    return this.state.pause;
  }

  /** Base URLs of the accounts that are not signed out: where links may open in the browser. */
  instanceBaseUrls(): string[] {
    return [
      ...new Set(
        this.state.accounts.filter((a) => a.state.kind !== 'signed-out').map((a) => a.baseUrl),
      ),
    ];
  }

  trayStatus(): TrayStatus {
    return trayStatusFromService(this.state);
  }

  private set(change: Partial<ServiceState>): void {
    this.state = { ...this.state, ...change };
    this.onChange(this.trayStatus());
  }
}
