#!/usr/bin/env node
// Bundle the CLI into a few files at install time: Node spends most of a cold start resolving
// and compiling hundreds of small modules, and one bundle loads in a fraction of that.
// pptxgenjs stays a separate chunk, loaded only when a deck is rendered.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// BRIEFDECK_BUNDLE_OUT: the batch test bundles to a folder of its own, not over the installed CLI.
const outdir = process.env.BRIEFDECK_BUNDLE_OUT ?? 'dist/bundle';
rmSync(outdir, { recursive: true, force: true }); // no stale chunks beside the new ones

await build({
  entryPoints: { briefdeck: 'src/cli/bin.ts', worker: 'src/cli/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.BRIEFDECK_BUNDLE_DEBUG !== '1',
  sourcemap: false,
  legalComments: 'none',
  // A native addon cannot be bundled; it is loaded from node_modules when an SVG needs it.
  external: ['@resvg/resvg-js'],
  // Bundled CommonJS (handlebars, jszip) may call require for Node's built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
