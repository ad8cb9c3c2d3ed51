/**
 * Preload of the 门户网站 window's toolbar (sandboxed, isolated): wires the static toolbar page's
 * buttons and address field to main. Exposes nothing to the page; the page runs no script.
 * Exports nothing either: a sandboxed preload is a plain script.
 */
import { ipcRenderer } from 'electron';
import { wireToolbar } from './portal-toolbar-wiring';

document.addEventListener('DOMContentLoaded', () => wireToolbar(document, ipcRenderer));
