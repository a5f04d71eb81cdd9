#!/usr/bin/env node
// Bundle the CLI into one file at install time, and make V8's code cache for it: Node spends
// most of a cold start finding, reading and compiling hundreds of small modules; one bundle
// loaded from a code cache starts in a fraction of that (see `npm run bench`).
//   dist/bundle/app.cjs         everything the CLI runs (src/cli/main.ts)
//   dist/bundle/app.cjs.cache   V8's compiled code for it, made by a warm-up run
//   dist/bundle/briefdeck.cjs   the `briefdeck` command: loads the bundle, calls main
//   dist/bundle/worker.cjs      a worker thread of a batch build
//   dist/bundle/deflate-worker.js  a helper thread compressing a big deck's parts
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// BRIEFDECK_BUNDLE_OUT: the batch test bundles to a folder of its own, not over the installed CLI.
const outdir = process.env.BRIEFDECK_BUNDLE_OUT ?? 'dist/bundle';
rmSync(outdir, { recursive: true, force: true }); // nothing stale beside the new files

// yargs's help layout (cliui, wrap-ansi) imports string-width, whose module body creates an
// Intl.Segmenter (loading ICU's break data) and compiles Unicode property regexes: ~50 ms of
// every start, for widths only the help text needs. Each import of it gets a stand-in that
// loads the real module the first time a width is asked for.
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) => {
      if (args.pluginData?.real) return undefined; // the stand-in's own import: the real module
      return { path: args.resolveDir, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents:
        "let real; export default function stringWidth(text, options) { real ??= require('string-width').default; return real(text, options); }",
      resolveDir: args.path,
      loader: 'js',
      pluginData: { real: true },
    }));
  },
};

// Two things yargs does at every start that the CLI never uses: it loads node:assert (~5 ms) for
// two internal checks, and it walks up from the working directory reading every folder on the
// way (escalade) to find a package.json to guess a version from — briefdeck gives its version.
// The first gets the two checks it uses; the second finds nothing, which yargs takes as
// "version unknown" until `.version(…)` sets it.
const yargsStartup = {
  name: 'yargs-startup',
  setup(b) {
    b.onResolve({ filter: /^(assert|escalade\/sync)$/ }, (args) =>
      /[\\/]yargs[\\/]/.test(args.importer) ? { path: args.path, namespace: 'yargs-startup' } : undefined,
    );
    b.onLoad({ filter: /^assert$/, namespace: 'yargs-startup' }, () => ({
      contents: `const fail = (message, fallback) => { throw message instanceof Error ? message : new Error(message ?? fallback); };
export function notStrictEqual(actual, expected, message) { if (Object.is(actual, expected)) fail(message, 'Expected values to be strictly unequal: ' + String(actual)); }
export function strictEqual(actual, expected, message) { if (!Object.is(actual, expected)) fail(message, 'Expected values to be strictly equal: ' + String(actual) + ' !== ' + String(expected)); }`,
      loader: 'js',
    }));
    b.onLoad({ filter: /^escalade\/sync$/, namespace: 'yargs-startup' }, () => ({
      contents: 'export default function findUp() { return undefined; }',
      loader: 'js',
    }));
  },
};

await build({
  plugins: [lazyStringWidth, yargsStartup],
  entryPoints: ['src/cli/main.ts'],
  outfile: join(outdir, 'app.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: names stay, so the stack of a bug report names real functions.
  minifyWhitespace: process.env.BRIEFDECK_BUNDLE_DEBUG !== '1',
  minifySyntax: process.env.BRIEFDECK_BUNDLE_DEBUG !== '1',
  sourcemap: false,
  legalComments: 'none',
  // A native addon cannot be bundled; it is loaded from node_modules when an SVG needs it.
  external: ['@resvg/resvg-js'],
  // The sources find package files (themes/, schema/, package.json) from their own URL; the
  // bundle sits two folders deep too, so the same relative URLs hold.
  define: { 'import.meta.url': '__briefdeckUrl' },
  banner: { js: "var __briefdeckUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(): the bundle runs as a plain script (vm.Script, for the cache).
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});
// The compressing helper thread is started by path, from beside the bundle (as from dist/).
await build({
  entryPoints: ['src/render/deflate-worker.ts'],
  outfile: join(outdir, 'deflate-worker.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
for (const file of ['load.cjs', 'briefdeck.cjs', 'worker.cjs'])
  copyFileSync(join('scripts/launcher', file), join(outdir, file));
execFileSync(process.execPath, ['scripts/code-cache.mjs', outdir], { stdio: 'inherit' });
