#!/usr/bin/env node
// Run a script (the CLI or the bare baseline) and report its wall time and peak memory:
//   node bench/measure.mjs SCRIPT ARGS...  → last stderr line: BENCH {"ms":…,"rssMB":…}
// Loaded in-process so Node's own start-up counts, as it does for a user.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const rssMB = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(`\nBENCH ${JSON.stringify({ ms: performance.now(), rssMB: Math.round(rssMB) })}\n`);
});
await import(pathToFileURL(resolve(script)).href);
