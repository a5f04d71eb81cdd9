/**
 * Running build jobs on all cores: a pool of worker threads, each building one deck at a time.
 * Where the worker script is not available (running from TypeScript sources in tests) or there
 * is one job, the jobs run in this thread, one after another.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { buildOne, type BuildJob, type DeckResult } from './build-one.js';

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
  const script = workerScript();
  // Never more threads than decks, or than cores: each thread loads its own copy of the code and
  // holds its own heap, so more only wait their turn (--jobs 1000 on 2 cores: 1 GB, 3× slower).
  const n = Math.min(parallel, jobs.length, defaultJobs());
  if (n <= 1 || !script) {
    for (const [i, job] of jobs.entries()) {
      results[i] = await buildOne(job);
      done(results[i]!, i);
    }
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
      results[id] = await buildOne({ ...jobs[id]!, shared: true });
      done(results[id]!, id);
    }
  };
  try {
    await Promise.all([
      here(),
      ...workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              w.postMessage({ ...jobs[id]!, shared: true, id });
            };
            w.on('message', (m: { id: number; result?: DeckResult; bug?: string }) => {
              if (m.bug) return reject(new Error(`briefdeck bug while building ${jobs[m.id]!.file}:\n${m.bug}`));
              results[m.id] = m.result!;
              done(m.result!, m.id);
              feed();
            });
            w.on('error', reject);
            // A worker that stops without a word (out of memory, killed) must not leave the batch waiting.
            w.on('exit', (code) =>
              reject(new Error(`briefdeck bug: a build thread stopped (exit ${code}) with decks still to build`)),
            );
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
