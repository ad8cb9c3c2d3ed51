/**
 * Preload (sandboxed): exposes exactly the app contract to the page as `window.dossier`, plus the
 * path of a chosen or dropped file (导入卷宗).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('dossier', createBridge(ipcRenderer, webUtils));
