/** Where the built preload and renderer sit relative to the built main (out/main/index.js). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mainDir = dirname(fileURLToPath(import.meta.url));

export const preloadPath = join(mainDir, '..', 'preload', 'index.cjs');
export const rendererDir = join(mainDir, '..', 'renderer');
