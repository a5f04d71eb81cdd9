#!/usr/bin/env node
// Run by scripts/bundle.mjs in a fresh process: load the bundle without a cache, run the
// commands a secretary runs (so V8 compiles their code), then save V8's code cache beside it.
// Usage: node scripts/code-cache.mjs BUNDLE_DIR
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'dist/bundle');
const { load, CACHE } = await import(pathToFileURL(join(dir, 'load.mjs')).href);
const { exports, script } = load({ useCache: false });
await exports.train();
writeFileSync(CACHE, script.createCachedData());
