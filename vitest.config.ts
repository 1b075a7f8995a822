import { defineConfig } from 'vitest/config';

// One run over every package's tests; each package may add its own settings.
export default defineConfig({
  test: {
    // packages/* each; the server scripts' own tests (scripts/*.test.mjs) as one more project.
    projects: ['packages/*', { test: { name: 'scripts', include: ['scripts/**/*.test.mjs'], environment: 'node' } }],
    // The worker threads' files (packages/*/dist/*-worker.mjs) are rebuilt from the current code first.
    globalSetup: ['./scripts/build-workers.mjs'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
