/** A worker thread of a batch build: builds the briefs it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.js';

parentPort?.on('message', (job: BuildJob & { id: number }) => {
  buildOne(job).then(
    (result) => parentPort!.postMessage({ id: job.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, bug: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
