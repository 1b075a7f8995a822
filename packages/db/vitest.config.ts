import { defineProject } from 'vitest/config';

// Lets `npx vitest run` work inside this package; the root config picks it up as a project.
// Seeding the demo district takes a moment, hence the longer timeout.
export default defineProject({ test: { globalSetup: ['../../scripts/build-workers.mjs'], name: 'db', testTimeout: 30_000, env: { BCRYPT_COST: '4' } } });
