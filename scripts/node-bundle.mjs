// How the Node-side code is bundled with esbuild, alike for the `dossier` CLI and the benchmark:
// one ESM file per entry for Node 22, dependencies left to node_modules.
export const nodeBundle = {
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  packages: 'external',
};
