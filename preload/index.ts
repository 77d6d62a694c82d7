/**
 * The preload script (bundled to CommonJS, runs sandboxed): exposes the typed bridge built from the
 * contract, over ipcRenderer, and nothing else — no raw Electron API reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './contract';

contextBridge.exposeInMainWorld(
  'openprojectTray',
  createBridge({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    listen: (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => ipcRenderer.removeListener(channel, handler);
    },
  }),
);
