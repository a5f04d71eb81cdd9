/**
 * Templates with several masters (LibreOffice writes every master's layouts with copies of the
 * last master's placeholders, so the layouts of its title design and of its content design tie):
 * the content slides go on the master whose own placeholders the layouts have, the cover stays on
 * the first master's title layout; a template with one master is read as before. And the footer
 * and slide number of a template deck, in the theme's muted colour only where that reads on what
 * they stand on: read back from decks built on the test templates.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/build.js';
import { clearOfBands, type Palette } from '../../src/template/ground.js';
import { footerColor, loadOfficeTemplate } from '../../src/template/package.js';
import { parseXml } from '../../src/template/xml.js';
import { contrastRatio } from '../../src/theme/contrast.js';
import { resolveTheme } from '../../src/theme/resolve.js';
import { readDeck, type DeckParts } from '../helpers/deck.js';

const T = resolve('tests/fixtures/templates');
const THEMES = 'tests/fixtures/themes/office';
const SAMPLE = resolve('briefs/2025-01-shanghai-quarterly.yaml');
const EMU = 914400;

/** The master a layout of a template belongs to. */
const masterOfLayout = (file: string, layout: string) =>
  /slideMasters\/([^"]+)"/.exec(
    strFromU8(unzipSync(readFileSync(join(T, file)))[layout.replace(/([^/]+)$/, '_rels/$1.rels')]!),
  )![1]!;

async function deckOn(name: string): Promise<DeckParts> {
  const { brief } = loadBrief(SAMPLE);
  return readDeck((await buildDeckWithPlan(brief, { theme: `${THEMES}/${name}.yaml` })).bytes);
}

/** The master each slide of a deck is on, through its layout. */
const mastersOf = (deck: DeckParts) =>
  deck.slides.map((_s, i) => {
    const layout = /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(
      deck.xml.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`)!,
    )![1]!;
    return /slideMasters\/([^"]+)"/.exec(deck.xml.get(`ppt/slideLayouts/_rels/${layout}.rels`)!)![1]!;
  });

/** The colours of the runs of a slide's footer and slide number. */
function footerColors(slide: string): string[] {
  const out: string[] = [];
  for (const m of slide.matchAll(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*)<\/p:sp>/g)) {
    if (!/name="(?:footer|slide-number) \d+"/.test(m[1]!)) continue;
    for (const c of m[1]!.matchAll(/<a:rPr\b[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/g)) out.push(c[1]!);
  }
  return out;
}

/** Boxes, in EMU, of a part's shapes that are not placeholders. */
const artOf = (xml: string) =>
  [...xml.matchAll(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*)<\/p:sp>/g)]
    .filter((m) => !m[1]!.includes('<p:ph'))
    .map((m) => {
      const [, x, y] = /<a:off x="(-?\d+)" y="(-?\d+)"/.exec(m[1]!)!.map(Number);
      const [, w, h] = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(m[1]!)!.map(Number);
      return { x: x!, y: y!, w: w!, h: h!, xml: m[1]! };
    });

describe('which master’s layouts decks use', () => {
  it('fangsong-heiti (four masters): the content slides on the last, plain one whose placeholders its layouts copy; the cover on the first, as before', () => {
    const t = loadOfficeTemplate(join(T, 'fangsong-heiti.potx'));
    expect(masterOfLayout('fangsong-heiti.potx', t.content.part)).toBe('slideMaster4.xml');
    expect(t.content.name).toBe('Title, Content');
    expect(masterOfLayout('fangsong-heiti.potx', t.cover.part)).toBe('slideMaster1.xml');
    // The layouts listed (for messages and the import) are those of the master used.
    expect(t.layouts.map((l) => l.name)).toContain('Title, Content');
  });

  it('libreoffice-two-masters: the content slides on the second master, the cover on the first', () => {
    const t = loadOfficeTemplate(join(T, 'libreoffice-two-masters.potx'));
    expect(masterOfLayout('libreoffice-two-masters.potx', t.content.part)).toBe('slideMaster2.xml');
    expect(masterOfLayout('libreoffice-two-masters.potx', t.cover.part)).toBe('slideMaster1.xml');
  });

  it('a template with one master: its title and title-and-content layouts, as before', () => {
    for (const [file, cover, content] of [
      ['government-red.potx', 'slideLayout1.xml', 'slideLayout2.xml'],
      ['powerpoint-4x3.pptx', 'slideLayout1.xml', 'slideLayout2.xml'],
      ['libreoffice-dark.potx', 'slideLayout2.xml', 'slideLayout3.xml'],
    ]) {
      const t = loadOfficeTemplate(join(T, file!));
      expect([t.cover.part, t.content.part], file).toEqual([
        `ppt/slideLayouts/${cover}`,
        `ppt/slideLayouts/${content}`,
      ]);
    }
  });

  it('decks read back: the cover on the first master, every other slide on the content master', async () => {
    for (const [name, content] of [
      ['fangsong-heiti', 'slideMaster4.xml'],
      ['libreoffice-two-masters', 'slideMaster2.xml'],
    ]) {
      const masters = mastersOf(await deckOn(name!));
      expect(masters.length).toBeGreaterThan(3);
      expect(masters, name).toEqual(['slideMaster1.xml', ...masters.slice(1).map(() => content)]);
    }
  });

  it('libreoffice-two-masters: the panels end above the decorations at the bottom of the master each slide is on', async () => {
    const deck = await deckOn('libreoffice-two-masters');
    const height = Number(/<p:sldSz cx="\d+" cy="(\d+)"/.exec(deck.xml.get('ppt/presentation.xml')!)![1]);
    const masters = mastersOf(deck);
    let seen = 0;
    deck.slides.forEach((slide, i) => {
      if (i === 0) return;
      // The top of the lowest decorations of the slide's master: its band (or wave).
      const band = Math.min(
        ...artOf(deck.xml.get(`ppt/slideMasters/${masters[i]}`)!)
          .filter((a) => a.y > height / 2)
          .map((a) => a.y),
      );
      expect(band / EMU).toBeCloseTo(5.51, 1);
      const panels = artOf(slide).filter(
        (a) => /<p:spPr>(?:(?!<\/p:spPr>)[\s\S])*<a:solidFill>/.test(a.xml) && a.h > EMU / 10,
      );
      seen += panels.length;
      for (const p of panels) expect(p.y + p.h, `slide ${i + 1}`).toBeLessThanOrEqual(band);
    });
    expect(seen).toBeGreaterThan(10);
  });
});

describe('the footer and slide number on a template', () => {
  it('libreoffice-two-masters: on the content master’s blue band (a gradient), in a colour that reads on each of its colours, and the theme says so', async () => {
    const theme = resolveTheme(`${THEMES}/libreoffice-two-masters.yaml`, 'zh-CN', { allowOutsideFiles: true });
    expect(theme.warnings?.map((w) => w.message)).toEqual([
      'the footer and slide number on the template\'s layout "Title, Content" is #56616F on #77CAEE / #009BDD, a contrast of 2.0:1 where it needs 4.5:1 to be read: decks use #000000 (tx1) instead',
    ]);
    const deck = await deckOn('libreoffice-two-masters');
    // The band's colours, read from the deck's master: its gradient's stops.
    const master = deck.xml.get('ppt/slideMasters/slideMaster2.xml')!;
    const height = Number(/<p:sldSz cx="\d+" cy="(\d+)"/.exec(deck.xml.get('ppt/presentation.xml')!)![1]);
    const band = artOf(master).find((a) => a.y > height / 2)!;
    const stops = [...band.xml.matchAll(/<a:gs\b[^>]*>\s*<a:srgbClr val="([0-9a-fA-F]{6})"/g)].map((m) => m[1]!);
    expect(stops.length).toBe(2);
    deck.slides.slice(1).forEach((slide, i) => {
      const colors = footerColors(slide);
      expect(colors.length, `slide ${i + 2}`).toBe(2);
      for (const c of colors)
        for (const s of stops)
          expect(contrastRatio(c, s), `slide ${i + 2}: #${c} on #${s}`).toBeGreaterThanOrEqual(4.5);
    });
  });

  it('libreoffice-dark: on its picture, in the template’s own footer colour (white), without a warning', async () => {
    const t = loadOfficeTemplate(join(T, 'libreoffice-dark.potx'));
    expect(t.footer.grounds).toBeUndefined();
    expect(footerColor(t, '56616F')).toEqual({ color: 'FFFFFF' });
    expect(
      resolveTheme(`${THEMES}/libreoffice-dark.yaml`, 'zh-CN', { allowOutsideFiles: true }).warnings,
    ).toBeUndefined();
    const deck = await deckOn('libreoffice-dark');
    for (const slide of deck.slides.slice(1)) expect(footerColors(slide)).toEqual(['FFFFFF', 'FFFFFF']);
  });

  it('fangsong-heiti: across white and the corners’ purple and green no colour reads everywhere: the one that reads best, said', () => {
    const t = loadOfficeTemplate(join(T, 'fangsong-heiti.potx'));
    expect(t.footer.grounds?.sort()).toEqual(['168253', '780373', 'FFFFFF']);
    const { color, recolored } = footerColor(t, '56616F');
    expect(color).toBe('000000');
    expect(recolored).toMatchObject({ what: 'footer', color: '56616F', ratio: 1.3, need: 4.5, slot: 'tx1' });
    // Nothing reads better on all three.
    const worst = (c: string) => Math.min(...t.footer.grounds!.map((g) => contrastRatio(c, g)));
    for (const c of ['56616F', '808080', 'FFFFFF', '1F497D']) expect(worst(c)).toBeLessThan(worst('000000'));
  });

  it('on one known colour the theme’s muted colour stays where it reads (government-red, powerpoint-4x3: white)', async () => {
    for (const name of ['government-red', 'powerpoint-4x3']) {
      const t = loadOfficeTemplate(join(T, `${name}.${name === 'powerpoint-4x3' ? 'pptx' : 'potx'}`));
      expect(t.footer.grounds, name).toEqual(['FFFFFF']);
      expect(footerColor(t, '56616F'), name).toEqual({ color: '56616F' });
      const deck = await deckOn(name);
      for (const slide of deck.slides.slice(1)) expect(footerColors(slide), name).toEqual(['56616F', '56616F']);
    }
    // A muted colour that does not read on white is replaced by the template's footer colour.
    const red = loadOfficeTemplate(join(T, 'government-red.potx'));
    expect(footerColor(red, 'C8C8C8')).toMatchObject({ color: '404040', recolored: { ground: 'FFFFFF' } });
  });
});

describe('the panels clear of a band or wave across the body', () => {
  it('libreoffice-two-masters with its content master’s layout made custom: on the first master, the body ends above its wave', () => {
    const files = unzipSync(readFileSync(join(T, 'libreoffice-two-masters.potx')));
    const part = 'ppt/slideLayouts/slideLayout15.xml';
    files[part] = strToU8(strFromU8(files[part]!).replace('type="obj"', 'type="cust"'));
    const file = join(mkdtempSync(join(tmpdir(), 'briefdeck-bands-')), 'wave.potx');
    writeFileSync(file, zipSync(files));
    const t = loadOfficeTemplate(file);
    expect(masterOfLayout('libreoffice-two-masters.potx', t.content.part)).toBe('slideMaster1.xml');
    // The placeholder runs to 5.12 in; the wave (flowChartDocument, all the width) starts at 4.92.
    expect(t.content.body!.y).toBeCloseTo(1.18, 2);
    expect(t.content.body!.y + t.content.body!.h).toBeCloseTo(4500000 / EMU, 2);
  });

  it('a band across the top or the bottom moves the edge; a picture behind all, a corner, a line do not', () => {
    const palette: Palette = {
      scheme: { dk1: '000000', lt1: 'FFFFFF' },
      clrMap: { tx1: 'dk1', bg1: 'lt1' },
      bgFills: [],
    };
    const sp = (
      x: number,
      y: number,
      w: number,
      h: number,
      fill = '<a:solidFill><a:srgbClr val="1F4E79"/></a:solidFill>',
    ) =>
      `<p:sp><p:nvSpPr><p:cNvPr id="9" name=""/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="${x * EMU}" y="${y * EMU}"/><a:ext cx="${w * EMU}" cy="${h * EMU}"/></a:xfrm><a:prstGeom prst="rect"/>${fill}</p:spPr></p:sp>`;
    const pic = (x: number, y: number, w: number, h: number) =>
      `<p:pic><p:spPr><a:xfrm><a:off x="${x * EMU}" y="${y * EMU}"/><a:ext cx="${w * EMU}" cy="${h * EMU}"/></a:xfrm></p:spPr></p:pic>`;
    const part = (name: string, shapes: string) =>
      parseXml(`<p:${name}><p:cSld><p:spTree><p:nvGrpSpPr/><p:grpSpPr/>${shapes}</p:spTree></p:cSld></p:${name}>`);
    const body = { x: 0.5, y: 1.5, w: 9, h: 4 };
    const clear = (master: string, layout = '') =>
      clearOfBands(body, part('sldMaster', master), part('sldLayout', layout), { master: palette, layout: palette });
    expect(clear(sp(0, 5, 10, 1))).toEqual({ ...body, h: 3.5 });
    expect(clear('', sp(0, 0, 10, 1.8))).toEqual({ ...body, y: 1.8, h: 3.7 });
    expect(clear(pic(0, 0, 10, 7.5))).toBe(body);
    expect(clear(sp(8, 4, 2, 3))).toBe(body);
    expect(clear(sp(0, 5, 10, 1, '<a:noFill/>'))).toBe(body);
    // Under two thirds of the body left: kept as it is.
    expect(clear(sp(0, 3.6, 10, 1))).toBe(body);
  });
});
