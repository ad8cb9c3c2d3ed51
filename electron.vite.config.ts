import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Main: ESM (package.json says "type": "module"), our sources bundled, dependencies left in
  // node_modules (keytar is native, fastify and friends load their own files).
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  // Preload: runs sandboxed, where only `electron` and a few built-ins can be required, so it is
  // one self-contained CommonJS file with zod and the shared code inlined.
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    build: { outDir: resolve('out/renderer'), rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [react()],
  },
});
