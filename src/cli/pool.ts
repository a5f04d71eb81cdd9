/**
 * Running build jobs on all cores: a pool of worker threads, each building one deck at a time.
 * Where the worker script is not available (running from TypeScript sources in tests) or there
 * is one job, the jobs run in this thread, one after another. Whatever stops one deck — a problem
 * in its brief, a bug, its thread dying — is that deck's failure: the others are still built.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { bugResult, buildOne, type BuildJob, type DeckResult } from './build-one.js';

/** Decks built at once by default: one per core (this thread and a worker per other core). */
export const defaultJobs = () => Math.max(1, availableParallelism());

function workerScript(): URL | undefined {
  for (const name of ['./worker.cjs', './worker.js']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** Run every job; `done` is called as each finishes (in completion order). */
export async function runJobs(
  jobs: BuildJob[],
  parallel: number,
  done: (r: DeckResult, index: number) => void,
): Promise<DeckResult[]> {
  const results: DeckResult[] = new Array(jobs.length);
  const finish = (id: number, r: DeckResult) => {
    results[id] = r;
    done(r, id);
  };
  // buildOne returns a bug as the brief's failure; this is in case one escapes it all the same.
  const buildHere = (job: BuildJob) => buildOne(job).catch((e: unknown) => bugResult(job.file, e));
  const script = workerScript();
  // Never more threads than decks, or than cores: each thread loads its own copy of the code and
  // holds its own heap, so more only wait their turn (--jobs 1000 on 2 cores: 1 GB, 3× slower).
  const n = Math.min(parallel, jobs.length, defaultJobs());
  if (n <= 1 || !script) {
    for (const [i, job] of jobs.entries()) finish(i, await buildHere(job));
    return results;
  }
  let next = 0;
  // This thread has everything loaded already: it builds too, beside n - 1 workers that are
  // still starting up (a worker costs a few hundred milliseconds before its first deck).
  const workers: Worker[] = [];
  try {
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    for (let i = 0; i < n - 1; i++) workers.push(new Worker(script, { workerData: { briefdeck: 'build' } }));
  } catch {
    // Threads not allowed here (Node's permission model): what started helps, this thread does the rest.
  }
  const here = async () => {
    while (next < jobs.length) {
      const id = next++;
      finish(id, await buildHere({ ...jobs[id]!, shared: true }));
    }
  };
  try {
    await Promise.all([
      here(),
      ...workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            let current: number | undefined; // the job this thread is building
            let error: unknown;
            const feed = () => {
              if (next >= jobs.length) return resolve();
              current = next++;
              w.postMessage({ ...jobs[current]!, shared: true, id: current });
            };
            w.on('message', (m: { id: number; result?: DeckResult; bug?: string }) => {
              current = undefined;
              finish(m.id, m.result ?? bugResult(jobs[m.id]!.file, stackError(m.bug ?? 'no result')));
              feed();
            });
            w.on('error', (e) => (error = e));
            // A thread that stops (an uncaught error, out of memory, killed) fails the deck it was
            // building, and builds no more; this thread and the others build the rest.
            w.on('exit', (code) => {
              if (current !== undefined)
                finish(
                  current,
                  bugResult(jobs[current]!.file, error ?? new Error(`its build thread stopped (exit code ${code})`)),
                );
              current = undefined;
              resolve();
            });
            feed();
          }),
      ),
    ]);
  } finally {
    await Promise.all(
      workers.map((w) => {
        w.removeAllListeners('exit');
        return w.terminate();
      }),
    );
  }
  return results;
}

/** An error as a worker thread reported it: its stack, as text. */
function stackError(stack: string): Error {
  const e = new Error(stack.split('\n')[0]!.replace(/^\w*Error: /, ''));
  e.stack = stack;
  return e;
}
