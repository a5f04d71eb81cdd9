/**
 * The process that draws an SVG picture (see svg.ts, drawApart): the SVG on stdin, the PNG on
 * stdout; resvg's options as the first argument. Run by path: compiled beside svg.js in dist/,
 * and bundled beside the CLI.
 */
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

type ResvgModule = typeof import('@resvg/resvg-js');

/** Exit code for an SVG resvg refuses; its message is on stderr. */
const REFUSED = 7;

const chunks: Buffer[] = [];
process.stdin
  .on('data', (c: Buffer) => chunks.push(c))
  .on('end', () => {
    try {
      const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
      const options = JSON.parse(process.argv[2] ?? '{}') as ResvgRenderOptions;
      process.stdout.write(new Resvg(Buffer.concat(chunks), options).render().asPng());
    } catch (e) {
      process.stderr.write(e instanceof Error ? e.message : String(e));
      process.exitCode = REFUSED;
    }
  });
