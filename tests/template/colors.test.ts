/**
 * The colours of an office template's titles and text as decks use them. Read as PowerPoint shows
 * a placeholder on the layout used (its list styles, its master's title or body style); a
 * LibreOffice template's look, which LibreOffice writes on the placeholder's run, only where the
 * layout's placeholder is its master's own (LibreOffice writes every master's layouts with the
 * last master's placeholders); through the colours of the layout's own master. And decks on
 * libreoffice-two-masters.potx, where the titles were white on white: read back, their title runs
 * read on the slide's white.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/build.js';
import { previewDeck } from '../../src/preview/svg.js';
import { loadOfficeTemplate } from '../../src/template/package.js';
import { contrastRatio } from '../../src/theme/contrast.js';
import { readDeck } from '../helpers/deck.js';

const T = resolve('tests/fixtures/templates');
const SAMPLE = resolve('briefs/2025-01-shanghai-quarterly.yaml');
const TWO = join(T, 'libreoffice-two-masters.potx');

let dir: string;
let made = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefdeck-template-colors-'));
});

/** A copy of a test template with parts changed; each change must change its part. */
function variant(file: string, changes: Record<string, (xml: string) => string>): string {
  const files = unzipSync(readFileSync(file));
  for (const [part, change] of Object.entries(changes)) {
    const before = strFromU8(files[part]!);
    const after = change(before);
    expect(after, part).not.toBe(before);
    files[part] = strToU8(after);
  }
  const out = join(dir, `v${++made}.potx`);
  writeFileSync(out, zipSync(files));
  return out;
}

describe('the colour of a title or text, as the layout used shows it', () => {
  it('libreoffice-two-masters: the first master’s layouts carry the second master’s white title (for its blue band); titles take the first master’s text colour', () => {
    const t = loadOfficeTemplate(TWO);
    // Both layouts decks use are the first master's, which is white where the title stands.
    for (const l of [t.cover, t.content]) {
      const rels = strFromU8(unzipSync(readFileSync(TWO))[l.part.replace(/([^/]+)$/, '_rels/$1.rels')]!);
      expect(rels).toContain('slideMaster1.xml');
      expect(l.titleLook.color).toBe('000000');
    }
    expect(t.content.name).toBe('Title, Content');
    // The size is the template's, as before.
    expect(t.content.titleLook.sizePt).toBe(33);
    expect(t.cover.bodyLook.color).toBe('000000');
  });

  it('a placeholder where its master has it keeps the look LibreOffice writes on its run, and PowerPoint’s styles are read as before', () => {
    const dark = loadOfficeTemplate(join(T, 'libreoffice-dark.potx'));
    expect([dark.cover.titleLook.color, dark.content.titleLook.color, dark.cover.bodyLook.color]).toEqual([
      'FFFFFF',
      'FFFFFF',
      'FFFFFF',
    ]);
    const red = loadOfficeTemplate(join(T, 'government-red.potx'));
    expect(red.content.titleLook.color).toBe('FFFFFF'); // the master's title style, on its red band
    expect(red.cover.titleLook.color).toBe('C8102E'); // the title layout's own list style
    expect(red.cover.bodyLook.color).toBe('404040');
    expect(loadOfficeTemplate(join(T, 'powerpoint-4x3.pptx')).content.titleLook.color).toBe('000000');
  });

  it('what PowerPoint inherits comes first: a list style on the master’s title placeholder colours the title', () => {
    const file = variant(TWO, {
      'ppt/slideMasters/slideMaster1.xml': (xml) =>
        xml.replace(
          /(<p:ph type="title"\/>[\s\S]*?<\/a:bodyPr>)/,
          '$1<a:lstStyle><a:lvl1pPr><a:defRPr><a:solidFill><a:srgbClr val="7A1F00"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>',
        ),
    });
    expect(loadOfficeTemplate(file).content.titleLook.color).toBe('7A1F00');
  });

  it('colours are read through the theme of the layout’s own master, not the first master’s', () => {
    // The first master's "Title, Content" made a custom layout: the content is the second master's.
    const file = variant(TWO, {
      'ppt/slideLayouts/slideLayout3.xml': (xml) => xml.replace('type="obj"', 'type="cust"'),
      'ppt/slideLayouts/slideLayout15.xml': (xml) =>
        xml.replace('<a:srgbClr val="ffffff"/>', '<a:schemeClr val="tx2"/>'),
      'ppt/theme/theme2.xml': (xml) =>
        xml.replace(/<a:dk2><a:srgbClr val="1f497d"\/>/i, '<a:dk2><a:srgbClr val="2B1A6E"/>'),
    });
    const t = loadOfficeTemplate(file);
    expect(t.content.part).toBe('ppt/slideLayouts/slideLayout15.xml');
    expect(t.content.titleLook.color).toBe('2B1A6E');
    // There, on the second master's band, LibreOffice's white is that master's own: kept.
    const band = loadOfficeTemplate(
      variant(TWO, { 'ppt/slideLayouts/slideLayout3.xml': (xml) => xml.replace('type="obj"', 'type="cust"') }),
    );
    expect(band.content.titleLook.color).toBe('FFFFFF');
  });
});

/** The colours of the runs in a slide's title placeholder. */
function titleColors(slide: string): string[] {
  const sp = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"\/>[\s\S]*?<\/p:sp>/.exec(slide)?.[0] ?? '';
  return [...sp.matchAll(/<a:rPr\b[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]!);
}

describe('a deck on libreoffice-two-masters.potx', () => {
  it('every slide’s title reads on the white it stands on, in the deck read back and in the preview', async () => {
    const { brief } = loadBrief(SAMPLE);
    const { bytes, plan } = await buildDeckWithPlan(brief, {
      theme: 'tests/fixtures/themes/office/libreoffice-two-masters.yaml',
    });
    const deck = await readDeck(bytes);
    expect(deck.slides.length).toBeGreaterThan(3);
    deck.slides.forEach((slide, i) => {
      // What the title stands on, read from the deck itself: its layout's master has no
      // background (white) and draws nothing near the title (its wave is at the bottom).
      const rels = deck.xml.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`)!;
      const layout = /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]!;
      const layoutXml = deck.xml.get(`ppt/slideLayouts/${layout}`)!;
      const master = /slideMasters\/([^"]+)"/.exec(deck.xml.get(`ppt/slideLayouts/_rels/${layout}.rels`)!)![1]!;
      const masterXml = deck.xml.get(`ppt/slideMasters/${master}`)!;
      expect(layoutXml).not.toContain('<p:bg>');
      expect(masterXml).not.toContain('<p:bg>');
      const title = /<p:ph type="title"\/>[\s\S]*?<a:off x="\d+" y="(\d+)"\/><a:ext cx="\d+" cy="(\d+)"\/>/.exec(slide);
      expect(title, `slide ${i + 1}`).not.toBeNull();
      const bottom = Number(title![1]) + Number(title![2]);
      const art = [...masterXml.matchAll(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*)<\/p:sp>/g)].filter(
        (m) => !m[1]!.includes('<p:ph'),
      );
      expect(art.length).toBeGreaterThan(0);
      for (const m of art)
        expect(Number(/<a:off x="-?\d+" y="(-?\d+)"/.exec(m[1]!)![1]), `slide ${i + 1}`).toBeGreaterThan(bottom);
      const colors = titleColors(slide);
      expect(colors.length, `slide ${i + 1}`).toBeGreaterThan(0);
      for (const c of colors) expect(contrastRatio(c, 'FFFFFF'), `slide ${i + 1}: #${c}`).toBeGreaterThanOrEqual(4.5);
    });
    // The studio's preview draws the same titles.
    for (const [i, { svg }] of previewDeck(plan).entries()) {
      const title = /<g class="text" data-shape="\d+" data-role="(?:cover:)?title">[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '';
      const fills = [...title.matchAll(/<tspan [^>]*fill="#([0-9A-Fa-f]{6})"/g)].map((m) => m[1]!);
      expect(fills.length, `preview of slide ${i + 1}`).toBeGreaterThan(0);
      for (const f of fills)
        expect(contrastRatio(f, 'FFFFFF'), `preview of slide ${i + 1}: #${f}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
