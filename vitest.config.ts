import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Two cores: keep the pool small so database and browser tests do not starve each other.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
