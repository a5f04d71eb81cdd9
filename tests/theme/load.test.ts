import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefdeckError, formatProblem } from '../../src/errors.js';
import { builtinTheme, defaultTheme } from '../../src/theme/builtin.js';
import { resolveTheme } from '../../src/theme/resolve.js';

const FIX = resolve('tests/fixtures/themes');

function problems(file: string, opts = {}): string[] {
  try {
    resolveTheme(file, 'zh-CN', opts);
  } catch (e) {
    if (e instanceof BriefdeckError)
      return e.problems.map((p) => formatProblem({ ...p, ...(p.file ? { file: p.file.replace(FIX + '/', '') } : {}) }));
    throw e;
  }
  throw new Error('expected the theme to be refused');
}

describe('theme files', () => {
  it('a three-line theme changes exactly what it says', () => {
    const base = defaultTheme();
    const custom = resolveTheme(join(FIX, 'custom.yaml'), 'zh-CN');
    expect(custom.colors.primary).toBe('0B6E4F');
    expect(custom.fonts.body).toEqual({ latin: 'Arial', eastAsian: 'FangSong' });
    const strip = (t: typeof base) => ({
      ...t,
      name: '',
      description: '',
      templates: null,
      files: null,
      colors: { ...t.colors, primary: '' },
      fonts: { ...t.fonts, body: null },
    });
    expect(strip(custom)).toEqual(strip(base));
  });

  it('extends chains: a file extending a file extending a built-in, images beside each file, labels and templates overridden', () => {
    const t = resolveTheme(join(FIX, 'team/child.yaml'), 'zh-CN');
    expect(t.colors.primary).toBe('1B4F8A'); // from bureau.yaml, RRGGBB accepted without '#'
    expect(t.sizes.body).toBe(15); // from child.yaml
    expect(t.sizes.minimum).toBe(12); // from default
    expect(t.images.logo).toBe(join(FIX, 'team/seal.svg'));
    expect(t.images.background).toBe(join(FIX, 'team/background.jpg'));
    expect(t.labels.directives).toBe('市领导要求');
    expect(t.labels.achievements).toBe('主要成绩');
    const ctx = {
      meeting: { title: 'R&D <Q1>', date: '2025-01-06' },
      slide: { number: '3', count: '9' },
      lang: 'zh-CN' as const,
      labels: t.labels,
    };
    expect(t.templates.footer(ctx)).toBe('R&D <Q1> | 2025年1月6日 | 内部资料');
  });

  it('picks the label pack and templates of the brief language', () => {
    const en = defaultTheme('en');
    expect([
      en.labels.achievements,
      en.labels.shortcomings,
      en.labels.directives,
      en.labels.overview,
      en.labels.attendees,
    ]).toEqual(['Achievements', 'Shortcomings', 'Directives', 'Overview', 'Attending']);
    const leader = {
      meeting: { title: 'x', date: '2025-01' },
      leader: { speaker: 'Gong Zheng', role: 'Mayor' },
      slide: { number: '1', count: '1' },
      lang: 'en' as const,
      labels: en.labels,
    };
    expect(en.templates.leaderTitle(leader)).toBe('Directives: Gong Zheng, Mayor');
    const zh = defaultTheme('zh-CN');
    expect(
      zh.templates.leaderTitle({
        ...leader,
        leader: { speaker: '龚正', role: '市委副书记、市长' },
        lang: 'zh-CN',
        labels: zh.labels,
      }),
    ).toBe('市委副书记、市长龚正讲话要点');
  });

  it('lists every mistake of a theme file with its line, and a suggestion for misspelt keys', () => {
    expect(problems(join(FIX, 'bad/mistakes.yaml'))).toEqual([
      'bad/mistakes.yaml:2:1: colours: unknown key "colours"; did you mean "colors"?',
      'bad/mistakes.yaml:4:12: colors.primary: expected a colour as #RRGGBB or RRGGBB (six hex digits)',
      'bad/mistakes.yaml:5:11: colors.accent: expected a colour as #RRGGBB or RRGGBB (six hex digits)',
      'bad/mistakes.yaml:7:12: sizes.minimum: the minimum size cannot be below 10 pt: text under that cannot be read in a meeting room',
      'bad/mistakes.yaml:9:11: fonts.body.latn: unknown key "latn"; did you mean "latin"?',
    ]);
  });

  it('reports templates that do not compile or name an unknown helper against the theme line', () => {
    const got = problems(join(FIX, 'bad/template.yaml'));
    expect(got[0]).toBe(
      'bad/template.yaml:3:12: templates.footer: the {{ at column 1 of the template ({{meeting.title) is not closed: add }}',
    );
    expect(got[1]).toBe(
      'bad/template.yaml:4:14: templates.unitTitle: the template names an unknown helper "shout" (available: date, number, upper)',
    );
  });

  it('refuses missing images, images outside the theme folder, and files that are not the image they claim', () => {
    expect(problems(join(FIX, 'bad/images.yaml'))).toEqual([
      'bad/images.yaml:3:9: images.logo: image missing.png: no such file',
      "bad/images.yaml:4:15: images.background: ../../../../package.json is outside this theme's folder; keep images beside the theme (or pass --allow-outside-files)",
      'bad/images.yaml:5:20: images.coverBackground: image notes.png: is named .png but is not a PNG image',
    ]);
  });

  it('takes SVGs with a long prolog before <svg>, as editors save them, with or without an XML declaration', () => {
    const t = resolveTheme(join(FIX, 'inkscape/inkscape.yaml'), 'zh-CN');
    expect(t.images.logo).toBe(join(FIX, 'inkscape/emblem.svg'));
    expect(t.images.background).toBe(join(FIX, 'inkscape/licensed.svg'));
  });

  it('refuses an extends cycle, naming the chain', () => {
    const [p] = problems(join(FIX, 'bad/cycle-a.yaml'));
    expect(p).toMatch(
      /^bad\/cycle-b\.yaml:2:10: extends: extends makes a cycle: .*cycle-a\.yaml → .*cycle-b\.yaml → .*cycle-a\.yaml$/,
    );
  });

  it('suggests the built-in theme meant by a misspelt extends, and refuses a minimum above the body size', () => {
    expect(problems(join(FIX, 'bad/unknown-extends.yaml'))[0]).toMatch(
      /unknown built-in theme "goverment-red"; did you mean "government-red"\?/,
    );
    expect(problems(join(FIX, 'bad/minimum-above-body.yaml'))).toEqual([
      'bad/minimum-above-body.yaml:4:12: sizes.minimum: the minimum size (16 pt) is above the body size (14 pt)',
    ]);
  });

  it('refuses extends outside the theme folder unless allowed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-theme-'));
    cpSync(join(FIX, 'team'), join(dir, 'team'), { recursive: true });
    writeFileSync(join(dir, 'team', 'outer.yaml'), 'extends: ../base.yaml\n');
    writeFileSync(join(dir, 'base.yaml'), 'colors: { primary: "#000000" }\n');
    expect(problems(join(dir, 'team/outer.yaml'))[0]).toMatch(
      /extends: \.\.\/base\.yaml is outside this theme's folder/,
    );
    expect(resolveTheme(join(dir, 'team/outer.yaml'), 'zh-CN', { allowOutsideFiles: true }).colors.primary).toBe(
      '000000',
    );
  });

  it('finds a theme by name in ./themes before the built-ins, and suggests a name for a typo', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefdeck-cwd-'));
    cpSync(join(FIX, 'team'), join(cwd, 'themes'), { recursive: true });
    expect(resolveTheme('bureau', 'zh-CN', { cwd }).colors.primary).toBe('1B4F8A');
    expect(() => resolveTheme('burea', 'zh-CN', { cwd })).toThrow(/unknown theme "burea"; did you mean "bureau"\?/);
    expect(() => resolveTheme('goverment-red', 'zh-CN', { cwd })).toThrow(/did you mean "government-red"\?/);
  });

  it('has three built-in themes that look clearly different', () => {
    const [a, b, c] = ['default', 'government-red', 'high-contrast'].map((n) => builtinTheme(n));
    expect(new Set([a!.colors.primary, b!.colors.primary, c!.colors.primary]).size).toBe(3);
    expect(b!.fonts.title.eastAsian).toBe('SimHei');
    expect(c!.sizes.body).toBeGreaterThan(a!.sizes.body);
  });
});

describe('slide size', () => {
  it('4:3 gives 10 × 7.5 inch slides, and the layout keeps inside them', async () => {
    const { planDeck } = await import('../../src/layout/deck.js');
    const { loadBrief } = await import('../../src/brief/load.js');
    const t = resolveTheme(join(FIX, 'four-three.yaml'), 'zh-CN');
    expect(t.size).toBe('4:3');
    const p = planDeck(loadBrief('tests/fixtures/stress/long-unit.yaml').brief, t);
    expect([p.widthIn, p.heightIn]).toEqual([10, 7.5]);
    for (const s of p.slides) for (const sh of s.shapes) expect(sh.x + sh.w).toBeLessThanOrEqual(10 + 1e-6);
  });
});
