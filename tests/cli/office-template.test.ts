/**
 * Office templates: `themes import` on every test template, decks built on them (masters,
 * layouts and ids consistent, the template's slides left out, every text box inside the slide
 * and every panel inside the content area), and a clear `file: message` for each bad template.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/index.js';
import { isWellFormed, readDeck } from '../helpers/deck.js';

const ROOT = resolve('.');
const T = join(ROOT, 'tests/fixtures/templates');
const SAMPLE = join(ROOT, 'briefs/2025-01-shanghai-quarterly.yaml');
const GOOD = [
  'government-red.potx',
  'powerpoint-4x3.pptx',
  'libreoffice-dark.potx',
  'libreoffice-two-masters.potx',
  'fangsong-heiti.potx',
];
let cwd: string;
const home = process.cwd();

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'briefdeck-office-'));
  process.chdir(cwd);
});
afterEach(() => process.chdir(home));

describe('themes import and decks on office templates', () => {
  for (const file of GOOD) {
    it(`${file}: imports, and builds a consistent deck on its own masters`, async () => {
      const name = file.replace(/\..*$/, '');
      const r = await cli('themes', 'import', join(T, file), name);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const yaml = readFileSync(`themes/${name}/theme.yaml`, 'utf8');
      expect(yaml).toMatch(/^extends: default$/m);
      expect(yaml).toContain(`template: "${file}"`);
      expect(yaml).toMatch(/eastAsian: "[^"]+"/);
      expect(readFileSync(`themes/${name}/${file}`)).toEqual(readFileSync(join(T, file)));

      const { brief } = loadBrief(SAMPLE);
      const { bytes, plan } = await buildDeckWithPlan(brief, { theme: name });
      const deck = await readDeck(bytes);
      for (const [part, xml] of deck.xml) expect(isWellFormed(xml), part).toBe(true);
      // Only the deck's slides: none of the template's own.
      expect(deck.slides.length).toBe(plan.slides.length);
      const pres = deck.xml.get('ppt/presentation.xml')!;
      const presRels = deck.xml.get('ppt/_rels/presentation.xml.rels')!;
      const masters = [...pres.matchAll(/<p:sldMasterId [^>]*r:id="(rId\d+)"/g)].map((m) => m[1]);
      expect(masters.length).toBe(plan.template!.masters.length);
      for (const id of [...masters, ...[...pres.matchAll(/<p:sldId [^>]*r:id="(rId\d+)"/g)].map((m) => m[1])])
        expect(presRels).toContain(`Id="${id}"`);
      // Every slide on one of the template's layouts; the cover on its title layout.
      deck.files
        .filter((f) => /^ppt\/slides\/_rels\//.test(f))
        .forEach((f) => {
          const target = /slideLayout"? Target="\.\.\/slideLayouts\/([^"]+)"|Target="\.\.\/slideLayouts\/([^"]+)"/.exec(
            deck.xml.get(f)!,
          );
          expect(target, f).not.toBeNull();
          expect(deck.files).toContain(`ppt/slideLayouts/${target![1] ?? target![2]}`);
        });
      const cover = deck.xml.get('ppt/slides/_rels/slide1.xml.rels')!;
      expect(cover).toContain(plan.template!.cover.part.replace('ppt/', '../'));
      expect(deck.slides[1]).toContain('<p:ph type="title"/>');
      expect(deck.slides[1]).not.toContain('<p:bg>');
      // Every text box inside the slide; panels inside the content layout's body area.
      const body = plan.template!.content.body!;
      for (const s of plan.slides)
        for (const sh of s.shapes) {
          expect(sh.x).toBeGreaterThanOrEqual(-0.01);
          expect(sh.y).toBeGreaterThanOrEqual(-0.01);
          expect(sh.x + sh.w).toBeLessThanOrEqual(plan.widthIn + 0.01);
          expect(sh.y + sh.h).toBeLessThanOrEqual(plan.heightIn + 0.01);
          if (sh.kind === 'text' && sh.role.startsWith('panel')) {
            expect(sh.x).toBeGreaterThanOrEqual(body.x - 0.01);
            expect(sh.x + sh.w).toBeLessThanOrEqual(body.x + body.w + 0.01);
            expect(sh.y + sh.h).toBeLessThanOrEqual(body.y + body.h + 0.01);
          }
        }
    });
  }

  it('reads 仿宋/黑体 from the font scheme, and a 4:3 template makes a 4:3 deck', async () => {
    await cli('themes', 'import', join(T, 'fangsong-heiti.potx'), 'fs');
    const yaml = readFileSync('themes/fs/theme.yaml', 'utf8');
    expect(yaml).toMatch(/title: +\{ latin: "[^"]+", eastAsian: "黑体" \}/);
    expect(yaml).toMatch(/body: +\{ latin: "[^"]+", eastAsian: "仿宋" \}/);
    await cli('themes', 'import', join(T, 'powerpoint-4x3.pptx'), 'p43');
    const { brief } = loadBrief(SAMPLE);
    const { plan, bytes } = await buildDeckWithPlan(brief, { theme: 'p43' });
    expect([plan.widthIn, plan.heightIn]).toEqual([10, 7.5]);
    expect((await readDeck(bytes)).xml.get('ppt/presentation.xml')).toContain('cx="9144000" cy="6858000"');
  });

  it('themes preview and build work on an imported theme', async () => {
    await cli('themes', 'import', join(T, 'government-red.potx'), 'office');
    const p = await cli('themes', 'preview', 'office');
    expect(p.code).toBe(0);
    expect(p.out).toContain('theme-office.pptx');
    copyFileSync(SAMPLE, 'brief.yaml');
    const b = await cli('build', 'brief.yaml', '--theme', 'office');
    expect(b.code).toBe(0);
  });
});

describe('bad templates get clear messages', () => {
  const gov = readFileSync(join(T, 'government-red.potx'));
  const variant = (change: (files: Record<string, Uint8Array>) => void, name = 'bad.potx') => {
    const files = unzipSync(gov);
    change(files);
    writeFileSync(name, zipSync(files));
    return name;
  };
  const expectProblem = async (file: string, message: RegExp) => {
    const r = await cli('themes', 'import', file, 'x');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  };

  it('not a PowerPoint file', async () => {
    writeFileSync('notes.potx', 'just some text');
    await expectProblem('notes.potx', /not a PowerPoint file.*not a zip package/);
    writeFileSync('doc.potx', zipSync({ 'word/document.xml': strToU8('<w/>') }));
    await expectProblem('doc.potx', /no \[Content_Types\]\.xml/);
  });

  it('an encrypted (password) file and an old .ppt', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(500),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    writeFileSync('locked.pptx', ole);
    await expectProblem('locked.pptx', /encrypted.*remove the password/);
    writeFileSync('old.pptx', ole.subarray(0, 400));
    await expectProblem('old.pptx', /old PowerPoint 97–2003 file/);
  });

  it('a macro-enabled template is refused, saying how to drop the macros', async () => {
    const f = variant((files) => {
      files['ppt/vbaProject.bin'] = new Uint8Array(10);
    }, 'macros.potm');
    await expectProblem(f, /macro-enabled.*save it as a PowerPoint Template \(\.potx\)/);
  });

  it('no title and body placeholder: names the layouts there are', async () => {
    copyFileSync(join(T, 'bad-blank-layouts.pptx'), 'blank.pptx');
    await expectProblem('blank.pptx', /no layout with a title and a body placeholder.*"Blank" \(no placeholders\)/);
  });

  it('broken relationships', async () => {
    const f = variant((files) => {
      delete files['ppt/media/image1.png'];
    });
    await expectProblem(f, /slideMaster1\.xml points at \.\.\/media\/image1\.png, which is not in the package/);
  });

  it('a picture over the size limit, and a zip bomb, before inflating', async () => {
    // The sizes a zip claims are in its central directory: a picture claiming 25 MB…
    const zip = Buffer.from(gov);
    const name = Buffer.from('ppt/media/image1.png');
    const cd = zip.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), zip.lastIndexOf(name) - 100);
    const at = zip.lastIndexOf(name);
    expect(at - cd).toBe(46);
    const big = Buffer.from(zip);
    big.writeUInt32LE(25 * 1024 * 1024, cd + 24);
    writeFileSync('big.potx', big);
    await expectProblem('big.potx', /ppt\/media\/image1\.png is 25\.0 MB unpacked; the limit for a picture is 20 MB/);
    // …and a part that packs 30 MB of zeros into a few kilobytes.
    const f = variant((files) => {
      files['ppt/slides/slide9.xml'] = new Uint8Array(30 * 1024 * 1024 - 1);
    }, 'bomb.potx');
    await expectProblem(f, /claims to unpack from .* bytes to 30\.0 MB: a zip bomb/);
  });

  it('a theme naming a bad template says which file, and where the theme names it', async () => {
    writeFileSync('broken.potx', 'nope');
    writeFileSync('theme.yaml', 'extends: default\ntemplate: broken.potx\n');
    copyFileSync(SAMPLE, 'brief.yaml');
    const r = await cli('build', 'brief.yaml', '--theme', './theme.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.potx: is not a PowerPoint file/);
    expect(r.err).toMatch(/theme\.yaml:2:\d+: template: the theme names this template/);
  });
});
