/**
 * The benchmark imports the compiled library from dist/, where neither the type-checker nor knip
 * follows it: each name it takes must be exported by the module it names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const bench = readFileSync('bench/run.mjs', 'utf8');
const imports = [...bench.matchAll(/const \{ ([^}]+) \} = await import\('\.\.\/dist\/([^']+)\.js'\)/g)].map((m) => ({
  names: m[1]!.split(',').map((n) => n.trim()),
  module: m[2]!,
}));

describe('bench/run.mjs', () => {
  it('imports from the library', () => expect(imports.length).toBeGreaterThan(3));
  it.each(imports.map((i) => [i.module, i.names] as const))(
    'takes only what dist/%s.js exports',
    async (module, names) => {
      // dist/ is compiled from the sources before the tests (tests/global-setup.ts).
      const url = pathToFileURL(resolve('dist', `${module}.js`)).href;
      const mod = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
      for (const name of names) expect(typeof mod[name], `${name} from ${module}`).toBe('function');
    },
  );
});
