import type { MenuItemConstructorOptions } from 'electron';

/** What the tray menu can ask the app to do. */
export interface TrayActions {
  /** Shows the notifications widget, or hides it when it is showing. */
  toggleWidget(): void;
  quickSearch(): void;
  refresh(): void;
  pause(until: Date): void;
  resume(): void;
  openSettings(): void;
  quit(): void;
}

export interface TrayMenuModel {
  /** The global shortcut of quick search, shown beside the item; null when none is registered. */
  hotkey: string | null;
  pausedUntil: Date | null;
  /** Syncing paused until the user resumes it. */
  syncPaused: boolean;
  /** At least one signed-in instance: refresh and pause make sense. */
  signedIn: boolean;
}

export type PauseChoice = 'hour' | 'tomorrow';

/** When a pause ends: in one hour, or tomorrow at 08:00 local time. */
export function pauseEnd(choice: PauseChoice, now: Date): Date {
  if (choice === 'hour') return new Date(now.getTime() + 60 * 60 * 1000);
  const end = new Date(now);
  end.setDate(end.getDate() + 1);
  end.setHours(8, 0, 0, 0);
  return end;
}

/**
 * The tray's context menu. "Open notifications" comes first: on Linux the tray click may never reach
 * the app, so the menu is the one way in that every desktop has.
 */
export function trayMenuTemplate(
  model: TrayMenuModel,
  actions: TrayActions,
  options: { now: () => Date; formatTime: (date: Date) => string },
): MenuItemConstructorOptions[] {
  const paused = model.pausedUntil !== null || model.syncPaused;
  return [
    { id: 'open', label: 'Open notifications', click: () => actions.toggleWidget() },
    {
      id: 'search',
      label: 'Quick search…',
      // Shown only: the shortcut is global and registered by the hotkey module, not by the menu.
      ...(model.hotkey ? { accelerator: model.hotkey, registerAccelerator: false } : {}),
      click: () => actions.quickSearch(),
    },
    {
      id: 'refresh',
      label: 'Refresh now',
      enabled: model.signedIn,
      click: () => actions.refresh(),
    },
    { type: 'separator' },
    {
      id: 'pause',
      label: model.syncPaused
        ? 'Paused until you resume'
        : model.pausedUntil
          ? `Notifications paused until ${options.formatTime(model.pausedUntil)}`
          : 'Pause notifications',
      enabled: model.signedIn,
      submenu: [
        {
          id: 'pause-hour',
          label: 'For 1 hour',
          click: () => actions.pause(pauseEnd('hour', options.now())),
        },
        {
          id: 'pause-tomorrow',
          label: 'Until tomorrow, 08:00',
          click: () => actions.pause(pauseEnd('tomorrow', options.now())),
        },
        { type: 'separator' },
        {
          id: 'resume',
          label: 'Resume notifications',
          enabled: paused,
          click: () => actions.resume(),
        },
      ],
    },
    { type: 'separator' },
    { id: 'settings', label: 'Accounts & settings…', click: () => actions.openSettings() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit OpenProject Tray', click: () => actions.quit() },
  ];
}
