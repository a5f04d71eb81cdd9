#!/usr/bin/env node
// Run by scripts/bundle.mjs in a fresh process: load the bundle without a cache, run the
// commands a secretary runs (so V8 compiles their code), then save V8's code cache beside it.
// Usage: node scripts/code-cache.mjs BUNDLE_DIR
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'dist/bundle');
const { load, CACHE } = createRequire(import.meta.url)(join(dir, 'load.cjs'));
const { exports, script } = load({ useCache: false });
await exports.train();
writeFileSync(CACHE, script.createCachedData());
