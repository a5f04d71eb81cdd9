/**
 * The traditional → simplified table (src/draft/t2s-table.ts), generated from OpenCC's data by
 * src/generate.ts (tests/generated.test.ts checks it is up to date): one code unit to one, and good
 * enough that a report in any of OpenCC's traditional forms drafts as its simplified original does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { draftBrief } from '../../src/draft/index.js';
import { T2S_PAIRS } from '../../src/draft/t2s-table.js';
import { data, seedReport, strings } from './fixtures.js';

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

describe('the seed report in OpenCC’s traditional forms', () => {
  const simplified = draftBrief(seedReport()).yaml;
  const suggestions = (yaml: string) => yaml.split('\n').filter((l) => l.includes('共同关键词'));
  // t: OpenCC's own standard (爲, 羣, 啓); tw: Taiwan (著力, 汙染); hk: Hong Kong (綫, 衞, 説).
  const forms = (['t', 'tw', 'hk'] as const).map((to) => {
    const convert = OpenCC.Converter({ from: 'cn', to });
    const report = convert(seedReport());
    return [to, report, draftBrief(report).yaml, convert] as const;
  });

  it.each(forms)(
    '%s: drafts what the simplified draft says, in the report’s own characters',
    (_to, report, yaml, convert) => {
      // OpenCC converts by phrase (一目了然 → 一目瞭然), the drafter only reads by character: the
      // draft of the converted report is the converted draft.
      const expected = strings(data(simplified)).map(([path, s]) => [
        path,
        /^(lang|meeting\.date)$/.test(path) ? s : convert(s),
      ]);
      expect(strings(data(yaml))).toEqual(expected);
      expect(suggestions(yaml)).toEqual(suggestions(simplified));
      for (const [path, s] of strings(data(yaml))) {
        if (path === 'lang' || path === 'meeting.date') continue;
        expect(report.includes(s), `${path}: ${s}`).toBe(true);
      }
    },
  );

  it('reads characters the hand-kept table lacked: Taiwan’s 汙染防治 is 污染防治', () => {
    const [, report, yaml] = forms.find(([to]) => to === 'tw')!;
    expect(report).toContain('加強汙染防治');
    // The theme 生态环境 is found through 污染防治, so 崇明 gets the point that speaks of it.
    const d = data(yaml);
    const chongming = d.units.find((u) => u.name === '崇明區委')!;
    expect(chongming.directives).toEqual([expect.objectContaining({ text: expect.stringContaining('加強汙染防治') })]);
    expect(yaml).toContain('（共同关键词：生态环境）');
  });
});
