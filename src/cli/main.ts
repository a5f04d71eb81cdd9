/**
 * The entry of the bundled CLI (dist/bundle/app.cjs): what its two small launchers call —
 * `main` for the command line (and `hasBuiltADeck` after it, for the code cache),
 * `serveBuilds` in a worker thread of a batch build — and `train`, which the install runs once
 * so that V8 can cache the compiled code for every later start.
 */
import './zod-config.js'; // first: before any schema is made
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bufferIO } from './io.js';
import { run } from './run.js';

export { serveBuilds } from './serve.js';
export { hasBuiltADeck } from './build-one.js';

export async function main(argv: string[]): Promise<number> {
  // `briefdeck themes | head`: the reader went away; that is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return run(argv);
}

/** Run what a secretary runs — validate and build the sample — so its code gets compiled. */
export async function train(): Promise<void> {
  const sample = fileURLToPath(new URL('../../briefs/2025-01-shanghai-quarterly.yaml', import.meta.url));
  const out = mkdtempSync(join(tmpdir(), 'briefdeck-train-'));
  try {
    for (const argv of [
      ['--help'],
      ['validate', sample],
      ['build', sample, '--out', out, '--jobs', '1'],
      ['build', sample, '--out', out, '--jobs', '1', '--theme', 'government-red'],
    ]) {
      const io = bufferIO();
      const code = await run(argv, io);
      if (code !== 0) throw new Error(`briefdeck ${argv.join(' ')} failed while warming up:\n${io.text()}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
