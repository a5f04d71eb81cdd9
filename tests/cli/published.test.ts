/**
 * What `npm publish` would put in the package: the CLI and the library, and no V8 code cache.
 * A cache is made for one Node (V8 refuses another's) on the machine that made it; the published
 * package ships none, and the installed CLI makes its own on its first run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the published package', () => {
  it('carries the bundled CLI but not the code cache the build made beside it', () => {
    // The package's own rules (package.json `files`) over a dist/ as a build and a run leave it,
    // in a folder of its own: the real dist/ changes while other tests run.
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-pack-'));
    try {
      copyFileSync('package.json', join(dir, 'package.json'));
      const built = [
        'dist/index.js',
        'dist/bundle/app.cjs',
        'dist/bundle/briefdeck.cjs',
        'dist/bundle/load.cjs',
        'dist/bundle/worker.cjs',
        'dist/bundle/deflate-worker.js',
        'dist/bundle/app.cjs.cache',
        'dist/bundle/app.cjs.cache.4242.tmp', // a run's cache, before it is renamed into place
        'dist/bundle-test/app.cjs',
      ];
      for (const file of built) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), '// made by the build\n');
      }
      const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
      expect(files.filter((f) => f.startsWith('dist/')).sort()).toEqual([
        'dist/bundle/app.cjs',
        'dist/bundle/briefdeck.cjs',
        'dist/bundle/deflate-worker.js',
        'dist/bundle/load.cjs',
        'dist/bundle/worker.cjs',
        'dist/index.js',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
