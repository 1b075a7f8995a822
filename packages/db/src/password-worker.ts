// Worker thread for bcrypt (bundled by scripts/build-workers.mjs into dist/password-worker.mjs).
import bcrypt from 'bcryptjs';
import { serveTasks } from '@ccgov/report/offload';

serveTasks({
  hash: (password: string, cost: number) => bcrypt.hash(password, cost),
  compare: (password: string, hash: string) => bcrypt.compare(password, hash),
});
