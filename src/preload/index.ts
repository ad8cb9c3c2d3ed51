/** Preload (sandboxed): exposes exactly the app contract to the page as `window.dossier`. */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('dossier', createBridge(ipcRenderer));
