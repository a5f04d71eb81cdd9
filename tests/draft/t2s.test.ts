/**
 * The traditional → simplified table (src/draft/t2s-table.ts), generated from OpenCC's data by
 * src/generate.ts (tests/generated.test.ts checks it is up to date): one code unit to one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { T2S_PAIRS } from '../../src/draft/t2s-table.js';

const T2S = new Map<string, string>();
for (let i = 0; i < T2S_PAIRS.length; i += 2) T2S.set(T2S_PAIRS[i]!, T2S_PAIRS[i + 1]!);

describe('src/draft/t2s-table.ts', () => {
  it('leaves opencc-js to development: the table imports nothing', () => {
    expect(readFileSync('src/draft/t2s-table.ts', 'utf8')).not.toMatch(/^\s*import\b/m);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).not.toHaveProperty('opencc-js');
  });

  it('maps one BMP character to another, each at most once, without chains', () => {
    expect(T2S_PAIRS.length % 2).toBe(0);
    expect(T2S.size * 2).toBe(T2S_PAIRS.length); // no key twice
    expect(T2S_PAIRS).not.toMatch(/[\ud800-\udfff]/);
    for (const [t, s] of T2S) {
      expect(t).not.toBe(s);
      expect(T2S.has(s), `${t} → ${s} → ${T2S.get(s)}`).toBe(false);
    }
  });

  it('leaves every character of the drafter’s own patterns as it is (they are written simplified)', () => {
    for (const f of readdirSync('src/draft').filter((f) => f.endsWith('.ts') && !f.startsWith('t2s'))) {
      const mapped = [...readFileSync(`src/draft/${f}`, 'utf8')].filter((c) => T2S.has(c));
      expect(mapped, f).toEqual([]);
    }
  });
});
