/** A worker thread of a batch build: builds the briefs it is sent, one at a time. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.js';

let serving = false;

/** Answer build jobs from the thread that started this one (once, however often called). */
export function serveBuilds(): void {
  if (serving || isMainThread || !parentPort) return;
  serving = true;
  parentPort.on('message', (job: BuildJob & { id: number }) => {
    buildOne(job).then(
      (result) => parentPort!.postMessage({ id: job.id, result }),
      (e: unknown) => parentPort!.postMessage({ id: job.id, bug: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
}

// Started as a file of its own (the library's dist/cli/worker.js) by the batch pool.
if ((workerData as { briefdeck?: string } | undefined)?.briefdeck === 'build') serveBuilds();
