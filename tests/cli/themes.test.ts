import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { readDeck, runsOf, slideText } from '../helpers/deck.js';

const ROOT = resolve('.');
const SAMPLE = join(ROOT, 'briefs/2025-01-shanghai-quarterly.yaml');
let cwd: string;
const home = process.cwd();

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

beforeEach(() => {
  // A team's project folder: its own themes/ beside its briefs.
  cwd = mkdtempSync(join(tmpdir(), 'briefdeck-themes-'));
  cpSync(join(ROOT, 'tests/fixtures/themes/team'), join(cwd, 'themes'), { recursive: true });
  process.chdir(cwd);
});
afterEach(() => process.chdir(home));

describe('briefdeck themes', () => {
  it('lists built-in themes and the ones in ./themes, with descriptions; --json as data', async () => {
    const r = await cli('themes');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^default\s+Clean and neutral/m);
    expect(r.out).toMatch(/^government-red\s+Red and gold/m);
    expect(r.out).toMatch(/^high-contrast\s+/m);
    expect(r.out).toMatch(/^bureau\s+Bureau blue with our logo/m);
    const data = JSON.parse((await cli('themes', '--json')).out) as Array<{
      name: string;
      description: string;
      path: string;
    }>;
    expect(data.map((t) => t.name)).toEqual(
      expect.arrayContaining(['default', 'government-red', 'high-contrast', 'bureau', 'child']),
    );
    expect(data.find((t) => t.name === 'bureau')!.path).toBe(join('themes', 'bureau.yaml'));
    for (const t of data) expect(Object.keys(t).sort()).toEqual(['description', 'name', 'path']);
  });

  it('shows a theme resolved through everything it extends, as YAML', async () => {
    const r = await cli('themes', 'show', 'child');
    expect(r.code).toBe(0);
    const data = parse(r.out) as {
      colors: { primary: string; text: string };
      sizes: { body: number };
      extends?: string;
    };
    expect(data.colors.primary).toBe('1B4F8A');
    expect(data.colors.text).toBe('#1F2933');
    expect(data.sizes.body).toBe(15);
    expect(data.extends).toBeUndefined();
  });

  it('writes a commented starter theme that validates, and refuses to overwrite', async () => {
    const r = await cli('themes', 'init', 'party-red', '--from', 'government-red');
    expect(r.code).toBe(0);
    const file = join(cwd, 'themes', 'party-red.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('extends: government-red');
    expect(text).toMatch(/^# colors:/m);
    expect((await cli('themes', 'show', 'party-red')).code).toBe(0);
    const again = await cli('themes', 'init', 'party-red');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/party-red\.yaml: already exists/);
    expect((await cli('themes', 'init', '../evil')).code).toBe(1);
  });

  it('previews a theme: a deck with every slide type', async () => {
    const r = await cli('themes', 'preview', 'government-red', '--out', join(cwd, 'out'));
    expect(r.code).toBe(0);
    const deck = await readDeck(readFileSync(join(cwd, 'out', 'theme-government-red.pptx')));
    expect(deck.slides.length).toBeGreaterThanOrEqual(6);
    expect(slideText(deck.slides[2]!)).toContain('主要成绩');
    const en = await cli('themes', 'preview', 'high-contrast', '--out', join(cwd, 'out'), '--lang', 'en');
    expect(en.code).toBe(0);
    expect(existsSync(join(cwd, 'out', 'theme-high-contrast-en.pptx'))).toBe(true);
  });

  it('says which theme is unknown, and exits 1', async () => {
    const r = await cli('themes', 'show', 'goverment-red');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown theme "goverment-red"; did you mean "government-red"\?/);
  });
});

describe('theme choice: --theme beats the brief, which beats default', () => {
  it('uses the brief theme: (a name in ./themes), and --theme over it', async () => {
    const brief = join(cwd, 'b.yaml');
    writeFileSync(brief, readFileSync(SAMPLE, 'utf8').replace('lang: zh-CN', 'lang: zh-CN\ntheme: bureau'));
    expect((await cli('build', brief, '--out', join(cwd, 'o1'))).code).toBe(0);
    const bureau = await readDeck(readFileSync(join(cwd, 'o1', 'b.pptx')));
    expect(bureau.slides[2]).toContain('1B4F8A');
    expect(bureau.files.some((f) => f.startsWith('ppt/media/'))).toBe(true);
    expect((await cli('build', brief, '--out', join(cwd, 'o2'), '--theme', 'government-red')).code).toBe(0);
    const red = await readDeck(readFileSync(join(cwd, 'o2', 'b.pptx')));
    expect(red.slides[2]).toContain('A8141C');
    expect(red.slides[2]).not.toContain('1B4F8A');
  });

  it('resolves a theme path in the brief from the brief, and a custom theme changes the fonts everywhere', async () => {
    cpSync(join(ROOT, 'tests/fixtures/themes/custom.yaml'), join(cwd, 'custom.yaml'));
    const brief = join(cwd, 'b.yaml');
    writeFileSync(brief, readFileSync(SAMPLE, 'utf8').replace('lang: zh-CN', 'lang: zh-CN\ntheme: ./custom.yaml'));
    process.chdir(home); // the path is relative to the brief, not to where briefdeck runs
    expect((await cli('build', brief, '--out', join(cwd, 'o3'))).code).toBe(0);
    const deck = await readDeck(readFileSync(join(cwd, 'o3', 'b.pptx')));
    const body = runsOf(deck.slides[2]!).filter((r) => r.sz === runsOf(deck.slides[2]!).at(-3)!.sz);
    expect(body.some((r) => r.ea === 'FangSong')).toBe(true);
    expect(runsOf(deck.slides[2]!)[0]!.ea).toBe('Microsoft YaHei'); // the title keeps the title face
    expect(deck.xml.get('ppt/theme/theme1.xml')).toContain(
      '<a:minorFont><a:latin typeface="Arial"/><a:ea typeface="FangSong"/>',
    );
    expect(deck.slides[2]).toContain('0B6E4F');
  });

  it('refuses a brief theme path outside the brief folder unless --allow-outside-files', async () => {
    const sub = join(cwd, 'briefs');
    cpSync(join(ROOT, 'tests/fixtures/themes/custom.yaml'), join(cwd, 'custom.yaml'));
    cpSync(SAMPLE, join(sub, 'b.yaml'));
    writeFileSync(
      join(sub, 'b.yaml'),
      readFileSync(SAMPLE, 'utf8').replace('lang: zh-CN', 'lang: zh-CN\ntheme: ../custom.yaml'),
    );
    const r = await cli('build', join(sub, 'b.yaml'), '--out', join(cwd, 'o4'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/theme \.\.\/custom\.yaml is outside the brief's folder/);
    expect((await cli('build', join(sub, 'b.yaml'), '--out', join(cwd, 'o4'), '--allow-outside-files')).code).toBe(0);
  });
});
