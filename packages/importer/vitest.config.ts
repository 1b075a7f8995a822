import { defineProject } from 'vitest/config';

// Lets `npx vitest run` work inside this package; the root config picks it up as a project.
export default defineProject({ test: { name: 'importer', testTimeout: 60_000 } });
