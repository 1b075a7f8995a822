import { defineProject } from 'vitest/config';

export default defineProject({ test: { globalSetup: ['../../scripts/build-workers.mjs'], name: 'api', testTimeout: 30_000 } });
