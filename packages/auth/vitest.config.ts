import { defineProject } from 'vitest/config';

export default defineProject({ test: { globalSetup: ['../../scripts/build-workers.mjs'], name: 'auth', testTimeout: 30_000 } });
