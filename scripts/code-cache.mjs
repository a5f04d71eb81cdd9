#!/usr/bin/env node
// Run by scripts/bundle.mjs in a fresh process: load the bundle without a cache, run the
// commands a secretary runs (so V8 compiles their code), then save V8's code cache beside it.
// Without a cache the CLI works the same, only its first start is slower (that run makes one):
// a failed warm-up is a warning, never a failed install.
// Usage: node scripts/code-cache.mjs BUNDLE_DIR
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'dist/bundle');
const { load, CACHE, writeCache } = createRequire(import.meta.url)(join(dir, 'load.cjs'));
rmSync(CACHE, { force: true });
try {
  const { exports, script, bytes } = load({ useCache: false });
  await exports.train();
  writeCache(script, bytes, true);
} catch (e) {
  process.stderr.write(
    `briefdeck: no code cache made (the CLI works, its first start is slower): ${e instanceof Error ? e.message : String(e)}\n`,
  );
}
