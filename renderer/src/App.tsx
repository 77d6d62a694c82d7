import type { TrayBridge } from '../../preload/contract';

declare global {
  interface Window {
    openprojectTray?: TrayBridge;
  }
}

export function App() {
  const connected = window.openprojectTray !== undefined;
  return (
    <main aria-labelledby="app-title">
      <h1 id="app-title">OpenProject Tray</h1>
      <p role="status">{connected ? 'Ready.' : 'Starting…'}</p>
    </main>
  );
}
