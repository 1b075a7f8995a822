import { defineConfig } from 'vitest/config';

// One run over every package's tests; each package may add its own settings.
export default defineConfig({
  test: {
    projects: ['packages/*'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
