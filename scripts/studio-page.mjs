#!/usr/bin/env node
// The studio's page, bundled with esbuild into dist/studio-page/ (app.js, app.css): CodeMirror
// and the page's code in one minified script, served by `briefdeck studio` itself, so the page
// needs no network at run time and no CDN. Run by scripts/bundle.mjs at install, and by the
// browser test when the sources are newer than the bundle.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const PAGE_OUT = 'dist/studio-page';
/** The page's scripts may weigh at most this much gzipped (the budget). */
export const BUDGET = 500 * 1024;

export async function bundlePage() {
  await build({
    entryPoints: ['src/studio/page/main.ts'],
    outfile: join(PAGE_OUT, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome100',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await build({
    entryPoints: ['src/studio/page/app.css'],
    outfile: join(PAGE_OUT, 'app.css'),
    bundle: true,
    minify: true,
    logLevel: 'warning',
  });
  const gz = gzipSync(readFileSync(join(PAGE_OUT, 'app.js'))).length;
  if (gz > BUDGET) throw new Error(`the studio's script is ${gz} bytes gzipped, over its budget of ${BUDGET}`);
  return gz;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gz = await bundlePage();
  console.log(`${PAGE_OUT}/app.js: ${(gz / 1024).toFixed(0)} KB gzipped`);
}
