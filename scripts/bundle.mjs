#!/usr/bin/env node
// Bundle the CLI into one file at install time, and make V8's code cache for it: Node spends
// most of a cold start finding, reading and compiling hundreds of small modules; one bundle
// loaded from a code cache starts in a fraction of that (see `npm run bench`).
//   dist/bundle/app.cjs         everything the CLI runs (src/cli/main.ts)
//   dist/bundle/app.cjs.cache   V8's compiled code for it, made by a warm-up run
//   dist/bundle/briefdeck.cjs   the `briefdeck` command: loads the bundle, calls main
//   dist/bundle/worker.cjs      a worker thread of a batch build
//   dist/bundle/deflate-worker.js  a helper thread compressing a big deck's parts
//   dist/bundle/svg-drawer.js   the process that draws a theme's SVG picture
//   dist/studio-page/           the page of `briefdeck studio` (scripts/studio-page.mjs)
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundlePage } from './studio-page.mjs';

// BRIEFDECK_BUNDLE_OUT: the batch test bundles to a folder of its own, not over the installed CLI.
const outdir = process.env.BRIEFDECK_BUNDLE_OUT ?? 'dist/bundle';
rmSync(outdir, { recursive: true, force: true }); // nothing stale beside the new files

// yargs needs string-width only to lay out help, but its module body makes an Intl.Segmenter
// (~20 ms of every start, measured): each import gets the real module on first use instead.
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

// yargs lists the working folder and every folder above it until one holds a package.json, only
// to guess a version the CLI sets itself: ~20 ms from beside a folder of 19,000 files, and more
// on a network share, at every start. Its folder search finds nothing here instead.
const noPackageSearch = {
  name: 'no-package-search',
  setup(b) {
    b.onResolve({ filter: /^escalade\/sync$/ }, () => ({ path: 'escalade', namespace: 'no-package-search' }));
    b.onLoad({ filter: /.*/, namespace: 'no-package-search' }, () => ({
      contents: 'export default function escalade() { return undefined; }',
      loader: 'js',
    }));
  },
};

await build({
  plugins: [lazyStringWidth, noPackageSearch],
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
  // A native addon cannot be bundled; it is loaded from node_modules when an SVG needs it. The
  // readers of .docx and web pages are loaded from node_modules too, only when a draft reads
  // one: bundled, their ~1 MB would be loaded at every start.
  external: ['@resvg/resvg-js', 'mammoth', 'linkedom', '@mozilla/readability'],
  // The sources find package files (themes/, schema/, package.json) from their own URL; the
  // bundle sits two folders deep too, so the same relative URLs hold.
  define: { 'import.meta.url': '__briefdeckUrl' },
  banner: { js: "var __briefdeckUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(): the bundle runs as a plain script (vm.Script, for the cache).
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});
// Plain ASCII, so the launcher reads it without decoding UTF-8 (~1.5 ms of every start): esbuild
// escapes what is not ASCII in strings and names, but leaves regular expressions as written.
// Each such character becomes \uXXXX, which means the same in a pattern, with /u or without.
const app = join(outdir, 'app.cjs');
const source = readFileSync(app, 'utf8');
if (/\\[\u0080-\uffff]/.test(source))
  throw new Error('app.cjs escapes a character that is not ASCII (\\“): write the character alone');
writeFileSync(
  app,
  source.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);
// The compressing helper thread and the SVG drawing process are started by path, from beside the
// bundle (as from dist/).
await build({
  entryPoints: ['src/render/deflate-worker.ts', 'src/theme/svg-drawer.ts'],
  outdir,
  entryNames: '[name]',
  external: ['@resvg/resvg-js'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// The batch test's bundle (BRIEFDECK_BUNDLE_OUT) has no use for the page.
if (!process.env.BRIEFDECK_BUNDLE_OUT) await bundlePage();
for (const file of ['load.cjs', 'briefdeck.cjs', 'worker.cjs'])
  copyFileSync(join('scripts/launcher', file), join(outdir, file));
execFileSync(process.execPath, ['scripts/code-cache.mjs', outdir], { stdio: 'inherit' });
