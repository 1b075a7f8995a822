import { defineProject } from 'vitest/config';

// Lets `npx vitest run` work inside this package; the root config picks it up as a project.
export default defineProject({ test: { globalSetup: ['../../scripts/build-workers.mjs'], name: 'documents', testTimeout: 60_000 } });
