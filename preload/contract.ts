/**
 * The one typed IPC contract between the Electron main process and the renderer.
 * Channel names, request/response and event types live here; nothing else crosses.
 * It may import the core's domain types, type-only.
 */
export const CHANNELS = {
  appInfo: 'app:info',
} as const;

export interface AppInfo {
  name: string;
  version: string;
}

/** What the renderer sees on `window.openprojectTray`. */
export interface TrayBridge {
  appInfo(): Promise<AppInfo>;
}
