// Starts a TypeScript worker thread the same way under tsx (the app) and under vitest (the tests): a worker
// does not inherit the parent's loader, and Node 20 ignores `--import tsx` in a worker's execArgv, so this
// plain module registers tsx in the worker and then imports the entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
