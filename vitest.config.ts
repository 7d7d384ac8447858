/**
 * Three projects, all run by `npm test`:
 * - core: the pure domain, its tests sharing one module graph (no isolation): they hold no state
 *   between files, and loading the modules anew for each file was most of their time;
 * - db: formats, store, server, CLI and the web components, each file isolated (databases, servers,
 *   happy-dom);
 * - browser: the end-to-end tests, a real server and Chromium each.
 * `vitest run --project core` (or a path) runs one of them.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: keep the pool small so database and browser tests do not starve each other.
    maxWorkers: 2,
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'core', include: ['src/core/**/*.test.ts'], isolate: false } },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
          exclude: ['src/core/**'],
        },
      },
      // Closing a browser and a server on a busy machine can take longer than vitest's 10 s for hooks.
      // They run after the other two (groupOrder): a browser test waiting on a server that shares two
      // cores with the province benchmark is slow for no reason of its own.
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          hookTimeout: 480_000,
          setupFiles: ['e2e/support/on-failure.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
