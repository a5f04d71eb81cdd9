/** The file a batch pool starts as a worker thread when running from dist/ (the library's
 * build; the bundled CLI starts dist/bundle/worker.cjs). */
import { workerData } from 'node:worker_threads';
import { serveBuilds } from './serve.js';

if ((workerData as { briefdeck?: string } | undefined)?.briefdeck === 'build') serveBuilds();
