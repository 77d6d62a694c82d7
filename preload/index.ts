import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type AppInfo, type TrayBridge } from './contract';

const bridge: TrayBridge = {
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo) as Promise<AppInfo>,
};

contextBridge.exposeInMainWorld('openprojectTray', bridge);
