import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['bench/**/*.test.ts'], environment: 'node' } });
