/** Where the built toolbar preload sits relative to the built main (out/main/index.js). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const portalToolbarPreloadPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'preload', 'portal-toolbar.cjs');
