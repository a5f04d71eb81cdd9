/**
 * The colours of an office template's titles and text as decks use them. Read as PowerPoint shows
 * a placeholder on the layout used (its list styles, its master's title or body style); a
 * LibreOffice template's look, which LibreOffice writes on the placeholder's run, only where the
 * layout's placeholder is its master's own (LibreOffice writes every master's layouts with the
 * last master's placeholders); through the colours of the layout's own master. Then the safety
 * net: a title or text too faint on the one colour it stands on gets a readable colour of the
 * template's, and the theme says so. And decks on libreoffice-two-masters.potx, where the titles
 * were white on white: read back, their title runs read on the slide's white.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/build.js';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { word } from '../../src/messages/catalogue.js';
import { previewDeck } from '../../src/preview/svg.js';
import { groundUnder, type Palette } from '../../src/template/ground.js';
import { importedTheme } from '../../src/template/import.js';
import { loadOfficeTemplate } from '../../src/template/package.js';
import { parseXml } from '../../src/template/xml.js';
import { contrastRatio } from '../../src/theme/contrast.js';
import { clearThemeCache, resolveTheme } from '../../src/theme/resolve.js';
import { readDeck } from '../helpers/deck.js';

const T = resolve('tests/fixtures/templates');
const SAMPLE = resolve('briefs/2025-01-shanghai-quarterly.yaml');
const TWO = join(T, 'libreoffice-two-masters.potx');
const RED = join(T, 'government-red.potx');
const RED_MASTER = 'ppt/slideMasters/slideMaster1.xml';

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
  it('libreoffice-two-masters: the cover on the first master (the title design), where the layouts carry the second master’s white title; the content slides on the second, whose white title is its own, for its blue band', () => {
    const t = loadOfficeTemplate(TWO);
    const masterOf = (part: string) =>
      strFromU8(unzipSync(readFileSync(TWO))[part.replace(/([^/]+)$/, '_rels/$1.rels')]!);
    expect(masterOf(t.cover.part)).toContain('slideMaster1.xml');
    expect(t.cover.titleLook.color).toBe('000000');
    expect(t.cover.bodyLook.color).toBe('000000');
    expect(masterOf(t.content.part)).toContain('slideMaster2.xml');
    expect(t.content.name).toBe('Title, Content');
    expect(t.content.titleLook.color).toBe('FFFFFF');
    // Read so, not mended by the safety net (its band is a gradient); the size is the template's.
    expect(t.recolored).toBeUndefined();
    expect(t.content.titleLook.sizePt).toBe(33);
  });

  it('themes import on libreoffice-two-masters: a light theme, as the template is (its slides are white; its body text blue, darkened to read)', () => {
    const yaml = importedTheme(loadOfficeTemplate(TWO), 'libreoffice-two-masters.potx', 'libreoffice-two-masters.potx');
    expect(yaml).toMatch(/^ {2}background: +"#FFFFFF"/m);
    const text = /^ {2}text: +"#([0-9A-F]{6})"/m.exec(yaml)![1]!;
    expect(contrastRatio(text, 'FFFFFF')).toBeGreaterThanOrEqual(7);
    expect(yaml).toMatch(/^ {2}surface: +"#F0F5F8"/m);
  });

  it('a placeholder where its master has it keeps the look LibreOffice writes on its run, and PowerPoint’s styles are read as before', () => {
    const dark = loadOfficeTemplate(join(T, 'libreoffice-dark.potx'));
    expect([dark.cover.titleLook.color, dark.content.titleLook.color, dark.cover.bodyLook.color]).toEqual([
      'FFFFFF',
      'FFFFFF',
      'FFFFFF',
    ]);
    const red = loadOfficeTemplate(RED);
    expect(red.content.titleLook.color).toBe('FFFFFF'); // the master's title style, on its red band
    expect(red.cover.titleLook.color).toBe('C8102E'); // the title layout's own list style
    expect(red.cover.bodyLook.color).toBe('404040');
    expect(loadOfficeTemplate(join(T, 'powerpoint-4x3.pptx')).content.titleLook.color).toBe('000000');
    for (const f of ['government-red.potx', 'powerpoint-4x3.pptx', 'libreoffice-dark.potx', 'fangsong-heiti.potx'])
      expect(loadOfficeTemplate(join(T, f)).recolored, f).toBeUndefined();
  });

  it('what PowerPoint inherits comes first: a list style on the master’s title placeholder colours the title', () => {
    const file = variant(TWO, {
      'ppt/slideMasters/slideMaster2.xml': (xml) =>
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
    expect(band.recolored).toBeUndefined(); // its band is a gradient: the ground is not known
  });
});

describe('the safety net: a title or text too faint for what it stands on', () => {
  it('white on a band made pale: the title takes the template’s text colour (tx1)', () => {
    const file = variant(RED, { [RED_MASTER]: (xml) => xml.replace('val="C8102E"', 'val="FFF4D6"') });
    const t = loadOfficeTemplate(file);
    expect(t.content.titleLook.color).toBe('000000');
    expect(t.recolored).toEqual([
      {
        layout: 'Title and Content',
        what: 'title',
        color: 'FFFFFF',
        ground: 'FFF4D6',
        ratio: 1,
        need: 3,
        now: '000000',
        slot: 'tx1',
      },
    ]);
    // The cover's red title on white reads: left as it is.
    expect(t.cover.titleLook.color).toBe('C8102E');
  });

  it('with the band gone the white title stands on the master’s white background', () => {
    const file = variant(RED, {
      [RED_MASTER]: (xml) => xml.replace(/<p:sp><p:nvSpPr><p:cNvPr id="20"[\s\S]*?<\/p:sp>/, ''),
    });
    const t = loadOfficeTemplate(file);
    expect(t.content.titleLook.color).toBe('000000');
    expect(t.recolored?.[0]).toMatchObject({ ground: 'FFFFFF', ratio: 1, slot: 'tx1' });
  });

  it('on a dark background, the template’s own light colour (bg1), for the title and for the cover’s lines', () => {
    const file = variant(RED, {
      [RED_MASTER]: (xml) =>
        xml.replace(
          /<p:bg>[\s\S]*?<\/p:bg>/,
          '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="3A0A10"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>',
        ),
    });
    const t = loadOfficeTemplate(file);
    expect(t.cover.titleLook.color).toBe('FFFFFF');
    expect(t.cover.bodyLook.color).toBe('FFFFFF');
    expect(t.recolored?.map((r) => [r.layout, r.what, r.color, r.slot])).toEqual([
      ['Title Slide', 'title', 'C8102E', 'bg1'],
      ['Title Slide', 'body', '404040', 'bg1'],
    ]);
    // The content slides' white title is still on its red band.
    expect(t.content.titleLook.color).toBe('FFFFFF');
  });

  it('leaves the colour alone where the ground is not one sure colour: a gradient band, a rotated one', () => {
    const gradient = variant(RED, {
      [RED_MASTER]: (xml) =>
        xml.replace(
          '<a:solidFill><a:srgbClr val="C8102E"/></a:solidFill>',
          '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs><a:gs pos="100000"><a:srgbClr val="FFF4D6"/></a:gs></a:gsLst></a:gradFill>',
        ),
    });
    const turned = variant(RED, {
      [RED_MASTER]: (xml) =>
        xml
          .replace('val="C8102E"', 'val="FFF4D6"')
          .replace(
            '<a:xfrm><a:off x="0" y="0"/><a:ext cx="12192000"',
            '<a:xfrm rot="300000"><a:off x="0" y="0"/><a:ext cx="12192000"',
          ),
    });
    for (const file of [gradient, turned]) {
      const t = loadOfficeTemplate(file);
      expect(t.content.titleLook.color).toBe('FFFFFF');
      expect(t.recolored).toBeUndefined();
    }
  });

  it('the ground: the topmost shape over the box, a layout that hides its master’s shapes, its background', () => {
    const palette: Palette = {
      scheme: { dk1: '000000', lt1: 'FFFFFF' },
      clrMap: { bg1: 'lt1', tx1: 'dk1' },
      bgFills: [],
    };
    const palettes = { master: palette, layout: palette };
    const rect = (x: number, y: number, w: number, h: number, fill: string) =>
      `<p:sp><p:nvSpPr><p:cNvPr id="9" name=""/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="${x * 914400}" y="${y * 914400}"/><a:ext cx="${w * 914400}" cy="${h * 914400}"/></a:xfrm><a:prstGeom prst="rect"/>${fill}</p:spPr></p:sp>`;
    const solid = (c: string) => `<a:solidFill><a:srgbClr val="${c}"/></a:solidFill>`;
    const part = (name: string, attrs: string, shapes: string, bg = '') =>
      parseXml(
        `<p:${name}${attrs}><p:cSld>${bg}<p:spTree><p:nvGrpSpPr/><p:grpSpPr/>${shapes}</p:spTree></p:cSld></p:${name}>`,
      );
    const box = { x: 1, y: 0.2, w: 8, h: 0.8 };
    const master = part('sldMaster', '', rect(0, 0, 10, 1.2, solid('1F4E79')));
    const ground = (layout: ReturnType<typeof parseXml>, m = master) => groundUnder(box, m, layout, palettes);
    expect(ground(part('sldLayout', '', ''))).toBe('1F4E79');
    // A pale rectangle of the layout's over the master's band.
    expect(ground(part('sldLayout', '', rect(0, 0, 10, 1.1, solid('EEEEEE'))))).toBe('EEEEEE');
    // Only part of the box covered, or covered by a picture: not known.
    expect(ground(part('sldLayout', '', rect(0, 0, 4, 1.1, solid('EEEEEE'))))).toBeUndefined();
    expect(
      ground(
        part(
          'sldLayout',
          '',
          '<p:pic><p:spPr><a:xfrm><a:off x="1828800" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm></p:spPr></p:pic>',
        ),
      ),
    ).toBeUndefined();
    // The master's shapes hidden: the layout's background, else the master's, else white.
    const noBand = part('sldLayout', ' showMasterSp="0"', '');
    expect(ground(noBand)).toBe('FFFFFF');
    expect(ground(noBand, part('sldMaster', '', '', `<p:bg><p:bgPr>${solid('222222')}</p:bgPr></p:bg>`))).toBe(
      '222222',
    );
    expect(ground(part('sldLayout', ' showMasterSp="0"', '', `<p:bg><p:bgPr>${solid('333333')}</p:bgPr></p:bg>`))).toBe(
      '333333',
    );
    // A shape with no fill (a line, a text box) is not a ground; a picture background is not known.
    expect(ground(part('sldLayout', '', rect(0, 0, 10, 1.1, '<a:noFill/>')))).toBe('1F4E79');
    expect(
      ground(
        noBand,
        part('sldMaster', '', '', '<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId9"/></a:blipFill></p:bgPr></p:bg>'),
      ),
    ).toBeUndefined();
  });
});

describe('the theme says so', () => {
  const home = process.cwd();
  afterEach(() => {
    process.chdir(home);
    clearThemeCache();
  });

  it('a warning at the theme’s template: key, in English and Chinese; decks and `themes import` use and say the readable colour', async () => {
    const pale = variant(RED, { [RED_MASTER]: (xml) => xml.replace('val="C8102E"', 'val="FFF4D6"') });
    const folder = mkdtempSync(join(tmpdir(), 'briefdeck-pale-'));
    writeFileSync(join(folder, 'pale.potx'), readFileSync(pale));
    writeFileSync(join(folder, 'pale.yaml'), '# a pale header\nextends: default\ntemplate: pale.potx\n');
    const theme = resolveTheme(join(folder, 'pale.yaml'), 'zh-CN');
    expect(theme.warnings).toHaveLength(1);
    const w = theme.warnings![0]!;
    expect(w).toMatchObject({ file: join(folder, 'pale.yaml'), line: 3, column: 11 });
    expect(w.message).toBe(
      'the title on the template\'s layout "Title and Content" is #FFFFFF on #FFF4D6, a contrast of 1.0:1 where it needs 3:1 to be read: decks use #000000 (tx1) instead',
    );
    expect(word(w.msg!, 'zh-CN')).toBe(
      '模板版式“Title and Content”的标题是 #FFFFFF，在 #FFF4D6 上对比度只有 1.0:1（至少需要 3:1 才看得清）：幻灯片改用 #000000 (tx1)',
    );

    const { brief } = loadBrief(SAMPLE);
    const deck = await readDeck((await buildDeckWithPlan(brief, { theme })).bytes);
    expect(titleColors(deck.slides[1]!)).toEqual(['000000']);

    process.chdir(folder);
    const io = bufferIO();
    expect(await run(['themes', 'import', 'pale.potx', 'office'], io)).toBe(0);
    expect(io.stderr.join('\n')).toMatch(
      /^warning: pale\.potx: the title on the template's layout "Title and Content" is #FFFFFF on #FFF4D6/,
    );
  });
});

/** The colours of the runs in a slide's title placeholder. */
function titleColors(slide: string): string[] {
  const sp = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"\/>[\s\S]*?<\/p:sp>/.exec(slide)?.[0] ?? '';
  return [...sp.matchAll(/<a:rPr\b[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]!);
}

describe('a deck on libreoffice-two-masters.potx', () => {
  it('every slide’s title reads on what it stands on, in the deck read back and in the preview: the cover’s on white, the others’ white on the content master’s blue band', async () => {
    const { brief } = loadBrief(SAMPLE);
    const { bytes, plan } = await buildDeckWithPlan(brief, {
      theme: 'tests/fixtures/themes/office/libreoffice-two-masters.yaml',
    });
    const deck = await readDeck(bytes);
    expect(deck.slides.length).toBeGreaterThan(3);
    deck.slides.forEach((slide, i) => {
      const rels = deck.xml.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`)!;
      const layout = /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)![1]!;
      const master = /slideMasters\/([^"]+)"/.exec(deck.xml.get(`ppt/slideLayouts/_rels/${layout}.rels`)!)![1]!;
      const masterXml = deck.xml.get(`ppt/slideMasters/${master}`)!;
      expect(masterXml).not.toContain('<p:bg>');
      const colors = titleColors(slide);
      expect(colors.length, `slide ${i + 1}`).toBeGreaterThan(0);
      if (i === 0) {
        // The cover: the title master, white, its wave below the title.
        expect(master).toBe('slideMaster1.xml');
        for (const c of colors) expect(contrastRatio(c, 'FFFFFF'), `slide 1: #${c}`).toBeGreaterThanOrEqual(4.5);
      } else {
        // The content master's top band, a gradient from 009BDD (where the title starts) to 77CAEE.
        expect(master, `slide ${i + 1}`).toBe('slideMaster2.xml');
        expect(colors, `slide ${i + 1}`).toEqual(colors.map(() => 'FFFFFF'));
        expect(masterXml).toMatch(/<a:off x="0" y="0"\/>[\s\S]*?<a:gradFill[\s\S]*?009bdd/i);
      }
    });
    // The studio's preview draws the same titles.
    for (const [i, { svg }] of previewDeck(plan).entries()) {
      const title = /<g class="text" data-shape="\d+" data-role="(?:cover:)?title">[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '';
      const fills = [...title.matchAll(/<tspan [^>]*fill="#([0-9A-Fa-f]{6})"/g)].map((m) => m[1]!.toUpperCase());
      expect(fills.length, `preview of slide ${i + 1}`).toBeGreaterThan(0);
      expect(fills, `preview of slide ${i + 1}`).toEqual(fills.map(() => (i === 0 ? '000000' : 'FFFFFF')));
    }
  });
});
