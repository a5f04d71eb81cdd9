/** A worker thread of a batch build: builds the briefs it is sent, one at a time. */
import { buildOne, type BuildJob } from './build-one.js';

let serving = false;

/** Answer build jobs from the thread that started this one (once, however often called).
 * worker_threads is loaded here, not at start: a single build never needs it. */
export function serveBuilds(): void {
  const { isMainThread, parentPort } = process.getBuiltinModule('node:worker_threads');
  if (serving || isMainThread || !parentPort) return;
  serving = true;
  parentPort.on('message', (job: BuildJob & { id: number }) => {
    buildOne(job).then(
      (result) => parentPort.postMessage({ id: job.id, result }),
      (e: unknown) =>
        parentPort.postMessage({ id: job.id, bug: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
}
