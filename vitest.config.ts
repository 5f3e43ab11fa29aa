import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // the wizard's tests render frames as a terminal shows them, even under CI=true
    setupFiles: ['src/ui/live-terminal.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // two cores: database-heavy files in parallel beyond that only queue on the server
    maxWorkers: 2,
  },
});
