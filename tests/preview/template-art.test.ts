/**
 * An office template's own artwork in the preview: for each test template, the cover's and the
 * content layout's background, pictures and decorations at the boxes and in the colours their
 * XML gives; and, on templates changed here, what PowerPoint does with showMasterSp="0", layout
 * backgrounds, groups, theme styles, colour maps, cropping, text, and shapes that do not read.
 */
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/build.js';
import { previewDeck } from '../../src/preview/svg.js';
import { templateArt } from '../../src/preview/template-art.js';
import { loadOfficeTemplate, type OfficeTemplate } from '../../src/template/package.js';
import { parseXml, type XmlElement } from '../../src/template/xml.js';

const T = 'tests/fixtures/templates';
const EMU = 12700;

/** Every element of the SVG (depth first) of a name. */
function all(svg: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    if (el.name === name) out.push(el);
    el.children.forEach(walk);
  };
  walk(parseXml(svg));
  return out;
}

/** The pictures drawn of a class (each a `<use>` of a picture defined once), with their data: URIs. */
function pictures(svg: string, cls = 'template-picture'): Array<XmlElement & { uri: string | undefined }> {
  const uris = new Map(all(svg, 'symbol').map((s) => [`#${s.attrs.id}`, s.children[0]?.attrs.href]));
  return all(svg, 'use')
    .filter((u) => u.attrs.class === cls)
    .map((u) => ({ ...u, uri: uris.get(u.attrs.href ?? '') }));
}

const boxOf = (el: XmlElement) => ['x', 'y', 'width', 'height'].map((k) => Number(el.attrs[k]));
const near = (got: number[], want: number[]) =>
  got.length === want.length && got.every((v, i) => Math.abs(v - want[i]!) < 0.02);

/** A copy of a template with some of its parts' XML changed. */
function changed(t: OfficeTemplate, edits: Record<string, (xml: string) => string>): OfficeTemplate {
  const parts = new Map(t.parts);
  for (const [name, edit] of Object.entries(edits)) {
    const before = new TextDecoder().decode(parts.get(name));
    const after = edit(before);
    expect(after, `${name} changed`).not.toBe(before);
    parts.set(name, new TextEncoder().encode(after));
  }
  return { ...t, parts };
}

/** A shape before the master's first placeholder, or the layout's. */
const addShapes = (xml: string, shapes: string) => xml.replace(/<p:sp><p:nvSpPr><p:cNvPr id="2"/, `${shapes}$&`);

const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const rect = (id: number, x: number, y: number, w: number, h: number, inner: string, extra = '') =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="s${id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm${extra}><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${inner}</p:spPr></p:sp>`;

describe('the artwork of each test template', () => {
  it('government-red: white background, the red header, the gold rule and the emblem on cover and content', () => {
    const t = loadOfficeTemplate(`${T}/government-red.potx`);
    for (const part of [t.cover.part, t.content.part]) {
      const svg = templateArt(t, part);
      // The master's <p:bgRef idx="1001"><a:schemeClr val="bg1"/>: the theme's first background
      // fill in bg1, which the colour map makes lt1, white.
      const bg = all(svg, 'rect').find((r) => r.attrs.class === 'template-bg')!;
      expect(bg.attrs.fill).toBe('#FFFFFF');
      expect(near(boxOf(bg), [0, 0, 960, 540])).toBe(true);
      const shapes = all(svg, 'rect').filter((r) => r.attrs.class === 'template-shape');
      // 红头: off 0,0 ext 12192000×1188720, C8102E; 金线: off 0,1188720 ext 12192000×54864, F5C542.
      expect(shapes.map((r) => [r.attrs.fill, ...boxOf(r)])).toEqual([
        ['#C8102E', 0, 0, 960, 1188720 / EMU],
        ['#F5C542', 0, 1188720 / EMU, 960, 54864 / EMU],
      ]);
      // 徽标: the PNG of rId99, off 228600,137160 ext 914400×914400.
      const [emblem, ...more] = pictures(svg);
      expect(more).toEqual([]);
      expect(emblem!.uri).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
      expect(near(boxOf(emblem!), [18, 10.8, 72, 72])).toBe(true);
      // The master's placeholders (title, body, date, footer, number) are not drawn.
      expect(svg).not.toContain('Click to edit');
      expect(all(svg, 'text')).toEqual([]);
    }
  });

  it('libreoffice-dark: the master picture over the whole slide, no background of its own', () => {
    const t = loadOfficeTemplate(`${T}/libreoffice-dark.potx`);
    for (const part of [t.cover.part, t.content.part]) {
      const svg = templateArt(t, part);
      expect(all(svg, 'rect').filter((r) => r.attrs.class === 'template-bg')).toEqual([]);
      const [picture, ...more] = pictures(svg);
      expect(more).toEqual([]);
      expect(picture!.uri).toMatch(/^data:image\/png;base64,/);
      expect(near(boxOf(picture!), [0, 0, 10080000 / EMU, 5670000 / EMU])).toBe(true);
      // Stretched to its box, as <a:stretch/> has it.
      expect(all(svg, 'symbol')[0]!.attrs.preserveAspectRatio).toBe('none');
    }
  });

  it('libreoffice-two-masters: the title master’s wave, its gradient from 77caee to 009bdd, flipped', () => {
    const t = loadOfficeTemplate(`${T}/libreoffice-two-masters.potx`);
    const svg = templateArt(t, t.cover.part);
    const gradient = all(svg, 'linearGradient')[0]!;
    expect(gradient.children.map((s) => [s.attrs.offset, s.attrs['stop-color']])).toEqual([
      ['0', '#77CAEE'],
      ['1', '#009BDD'],
    ]);
    // <a:lin ang="10800000"/>: 180°, from right to left.
    expect([gradient.attrs.x1, gradient.attrs.x2]).toEqual(['1', '0']);
    const [wave] = all(svg, 'path');
    expect(wave!.attrs.fill).toBe(`url(#${gradient.attrs.id})`);
    // flowChartDocument, off 0,4500000 ext 10080000×1170000, flipH and flipV about its middle.
    expect(wave!.attrs.d).toMatch(/^M0 354\.33L793\.7 354\.33L793\.7 [\d.]+C/);
    const g = all(svg, 'g').find((x) => x.attrs.transform)!;
    expect(g.attrs.transform).toBe('translate(396.85 400.39) scale(-1 -1) translate(-396.85 -400.39)');
  });

  it('fangsong-heiti: the six custom outlines of its master, in their colours', () => {
    const t = loadOfficeTemplate(`${T}/fangsong-heiti.potx`);
    const svg = templateArt(t, t.cover.part);
    const paths = all(svg, 'path');
    expect(paths.map((p) => p.attrs.fill)).toEqual(['#F10D0C', '#EA7500', '#E8A202', '#168253', '#3465A4', '#780373']);
    // The first: off 0,0 ext 4860000×2880000, path 13500×8000: 0,0 0,500 10404,8000 13500,0.
    const [w, h] = [4860000 / EMU, 2880000 / EMU];
    const p = (x: number, y: number) =>
      `${Math.round((x / 13500) * w * 100) / 100} ${Math.round((y / 8000) * h * 100) / 100}`;
    expect(paths[0]!.attrs.d).toBe(`M${p(0, 0)}L${p(0, 500)}L${p(10404, 8000)}L${p(13500, 0)}L${p(0, 0)}Z`);
  });

  it('powerpoint-4x3: a white background and nothing else (its master has only placeholders)', () => {
    const t = loadOfficeTemplate(`${T}/powerpoint-4x3.pptx`);
    const svg = templateArt(t, t.content.part);
    expect(all(svg, 'rect').map((r) => [r.attrs.class, r.attrs.fill, ...boxOf(r)])).toEqual([
      [undefined, '#FFFFFF', 0, 0, 720, 540],
      ['template-bg', '#FFFFFF', 0, 0, 720, 540],
    ]);
    expect(all(svg, 'image')).toEqual([]);
  });
});

describe('what PowerPoint draws of a layout', () => {
  const red = loadOfficeTemplate(`${T}/government-red.potx`);

  it('a layout with showMasterSp="0" has none of its master’s shapes, and its own background', () => {
    const t = changed(red, {
      [red.content.part]: (xml) =>
        xml
          .replace('<p:sldLayout ', '<p:sldLayout showMasterSp="0" ')
          .replace(
            '<p:cSld name="Title and Content">',
            '$&<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFF8E7"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>',
          ),
    });
    const content = templateArt(t, t.content.part);
    expect(all(content, 'image')).toEqual([]);
    expect(content).not.toContain('#C8102E');
    expect(all(content, 'rect').find((r) => r.attrs.class === 'template-bg')!.attrs.fill).toBe('#FFF8E7');
    // The cover still has them.
    expect(all(templateArt(t, t.cover.part), 'image').length).toBe(1);
  });

  it('a gradient background, and a picture background stretched over the slide', () => {
    const gradient = changed(red, {
      [MASTER]: (xml) =>
        xml.replace(
          /<p:bg>.*?<\/p:bg>/,
          '<p:bg><p:bgPr><a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs><a:gs pos="100000"><a:schemeClr val="accent1"/></a:gs></a:gsLst><a:lin ang="5400000"/></a:gradFill></p:bgPr></p:bg>',
        ),
    });
    const svg = templateArt(gradient, gradient.content.part);
    const g = all(svg, 'linearGradient')[0]!;
    expect([g.attrs.x1, g.attrs.y1, g.attrs.x2, g.attrs.y2]).toEqual(['0.5', '0', '0.5', '1']);
    expect(g.children.map((s) => s.attrs['stop-color'])).toEqual(['#FFFFFF', '#C8102E']);
    expect(all(svg, 'rect').find((r) => r.attrs.class === 'template-bg')!.attrs.fill).toBe(`url(#${g.attrs.id})`);

    const picture = changed(red, {
      [MASTER]: (xml) =>
        xml.replace(
          /<p:bg>.*?<\/p:bg>/,
          '<p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId99"/><a:stretch><a:fillRect/></a:stretch></a:blipFill></p:bgPr></p:bg>',
        ),
    });
    // The emblem's picture as the background too: drawn twice, in the drawing once.
    const svg2 = templateArt(picture, picture.cover.part);
    expect(all(svg2, 'image').length).toBe(1);
    const [bgPicture] = pictures(svg2, 'template-bg');
    expect(bgPicture!.uri).toMatch(/^data:image\/png;base64,/);
    expect(boxOf(bgPicture!)).toEqual([0, 0, 960, 540]);
    expect(pictures(svg2)[0]!.uri).toBe(bgPicture!.uri);
  });

  it('theme styles, colour maps, groups, rotation, cropping and text', () => {
    const shapes =
      // A shape with no fill or line of its own: its style's, accent1 and accent1 at half shade.
      `<p:sp><p:nvSpPr><p:cNvPr id="30" name="styled"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="127000" y="127000"/><a:ext cx="254000" cy="254000"/></a:xfrm><a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom></p:spPr><p:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr></a:lnRef><a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style></p:sp>` +
      // A group of two: its children's 0..1000 space mapped onto 1270000×635000 at 635000,635000.
      `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="31" name="group"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="635000" y="635000"/><a:ext cx="1270000" cy="635000"/><a:chOff x="0" y="0"/><a:chExt cx="1000" cy="1000"/></a:xfrm></p:grpSpPr>` +
      rect(32, 0, 0, 500, 1000, '<a:solidFill><a:schemeClr val="tx2"/></a:solidFill>') +
      rect(
        33,
        500,
        500,
        500,
        500,
        '<a:solidFill><a:srgbClr val="00FF00"><a:alpha val="50000"/></a:srgbClr></a:solidFill><a:ln w="38100"><a:solidFill><a:prstClr val="black"/></a:solidFill><a:prstDash val="dash"/></a:ln>',
      ) +
      `</p:grpSp>` +
      // Rotated by 30°.
      rect(34, 2540000, 0, 1270000, 127000, '<a:solidFill><a:srgbClr val="123456"/></a:solidFill>', ' rot="1800000"') +
      // A line, and the emblem again with its left half cropped away.
      `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="35" name="line"/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm flipV="1"><a:off x="0" y="6350000"/><a:ext cx="12192000" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="12700"><a:solidFill><a:srgbClr val="B8860B"/></a:solidFill></a:ln></p:spPr></p:cxnSp>` +
      `<p:pic><p:nvPicPr><p:cNvPr id="36" name="half"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId99"><a:alphaModFix amt="40000"/></a:blip><a:srcRect l="50000"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="6350000" y="3175000"/><a:ext cx="635000" cy="1270000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>` +
      // An office's name written on the master, centred, bold, 20 pt, in the theme's major font.
      `<p:sp><p:nvSpPr><p:cNvPr id="37" name="name"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="1270000" y="0"/><a:ext cx="6350000" cy="1188720"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="zh-CN" sz="2000" b="1"><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/></a:rPr><a:t>中共某某市委办公厅 &amp; Office</a:t></a:r></a:p></p:txBody></p:sp>`;
    const t = changed(red, { [MASTER]: (xml) => addShapes(xml, shapes) });
    const svg = templateArt(t, t.content.part);

    const ellipse = all(svg, 'ellipse')[0]!;
    expect(ellipse.attrs).toMatchObject({ cx: '20', cy: '20', rx: '10', ry: '10', fill: '#C8102E', stroke: '#640817' });
    expect(ellipse.attrs['stroke-width']).toBe('2');

    const rects = all(svg, 'rect').filter((r) => r.attrs.class === 'template-shape');
    const tx2 = rects.find((r) => r.attrs.fill === '#1F497D')!;
    expect(boxOf(tx2)).toEqual([50, 50, 50, 50]);
    const green = rects.find((r) => r.attrs.fill === '#00FF00')!;
    expect(boxOf(green)).toEqual([100, 75, 50, 25]);
    expect(green.attrs).toMatchObject({
      'fill-opacity': '0.5',
      stroke: '#000000',
      'stroke-width': '3',
      'stroke-dasharray': '12 9',
    });

    const rotated = all(svg, 'g').find((g) => g.attrs.transform?.startsWith('rotate('))!;
    expect(rotated.attrs.transform).toBe('rotate(30 250 5)');
    expect(rotated.children[0]!.attrs.fill).toBe('#123456');

    const line = all(svg, 'line')[0]!;
    expect(line.attrs).toMatchObject({
      x1: '0',
      y1: '500',
      x2: '960',
      y2: '500',
      stroke: '#B8860B',
      'stroke-width': '1',
    });

    // Cropped: the right half of the picture, stretched to the box.
    const crop = all(svg, 'svg').find((s) => s.attrs.viewBox)!;
    expect(crop.attrs).toMatchObject({ x: '500', y: '250', width: '50', height: '100', viewBox: '500 0 500 1000' });
    expect(crop.children[0]!.attrs.opacity).toBe('0.4');

    const [name] = all(svg, 'text');
    expect(name!.attrs['text-anchor']).toBe('middle');
    expect(Number(name!.attrs.x)).toBe(100 + 250);
    const span = name!.children[0]!;
    expect(span.text).toBe('中共某某市委办公厅 & Office');
    expect(span.attrs).toMatchObject({ 'font-size': '20', fill: '#FFFFFF', 'font-weight': 'bold' });
    expect(span.attrs['font-family']).toBe("'Arial', '黑体', sans-serif");
  });

  it('leaves out what it cannot draw, and draws the rest', () => {
    const broken =
      // No position; a guide it does not know; a Windows metafile; a chart; a hidden shape.
      `<p:sp><p:nvSpPr><p:cNvPr id="40" name="no xfrm"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:solidFill><a:srgbClr val="0000FF"/></a:solidFill></p:spPr></p:sp>` +
      `<p:sp><p:nvSpPr><p:cNvPr id="41" name="guide"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm><a:custGeom><a:pathLst><a:path w="10" h="10"><a:moveTo><a:pt x="x9" y="0"/></a:moveTo><a:lnTo><a:pt x="10" y="10"/></a:lnTo></a:path></a:pathLst></a:custGeom><a:solidFill><a:srgbClr val="0000FF"/></a:solidFill></p:spPr></p:sp>` +
      `<p:pic><p:nvPicPr><p:cNvPr id="42" name="emf"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rIdEmf"/></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm></p:spPr></p:pic>` +
      `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="43" name="chart"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></p:xfrm></p:graphicFrame>` +
      rect(44, 0, 0, 914400, 914400, '<a:solidFill><a:srgbClr val="0000FF"/></a:solidFill>').replace(
        'name="s44"',
        'name="s44" hidden="1"',
      ) +
      `<p:sp><p:nvSpPr><p:cNvPr id="45" name="nonsense"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="a" y="b"/><a:ext cx="-5" cy="NaN"/></a:xfrm><a:prstGeom prst="rect"/><a:solidFill><a:schemeClr val="nonsense"/></a:solidFill></p:spPr></p:sp>` +
      `<p:sp><oops <<< & </p:sp>` +
      // A slide number typed on the master: one drawing serves every slide, so it has none.
      `<p:sp><p:nvSpPr><p:cNvPr id="46" name="number"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id="{1}" type="slidenum"><a:t>‹#›</a:t></a:fld></a:p></p:txBody></p:sp>`;
    const t = changed(red, {
      [MASTER]: (xml) => addShapes(xml, broken),
      'ppt/slideMasters/_rels/slideMaster1.xml.rels': (xml) =>
        xml.replace(
          '</Relationships>',
          '<Relationship Id="rIdEmf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image9.emf"/></Relationships>',
        ),
    });
    t.parts.set('ppt/media/image9.emf', new Uint8Array([1, 0, 0, 0, 0x6c, 0, 0, 0, 0x20, 0x45, 0x4d, 0x46]));
    const svg = templateArt(t, t.content.part);
    expect(svg).not.toContain('#0000FF');
    expect(svg).not.toContain('image/emf');
    expect(all(svg, 'text')).toEqual([]);
    // The template's own artwork is all there.
    expect(all(svg, 'image').length).toBe(1);
    expect(
      all(svg, 'rect')
        .filter((r) => r.attrs.class === 'template-shape')
        .map((r) => r.attrs.fill),
    ).toEqual(['#C8102E', '#F5C542']);
    // And a layout that is not there, or a master that does not read: white, no error.
    expect(templateArt(t, 'ppt/slideLayouts/slideLayout99.xml')).toContain('fill="#FFFFFF"');
    const unreadable = changed(red, { [MASTER]: () => '<p:sldMaster><p:cSld><p:spTree><p:sp>' });
    expect(() => templateArt(unreadable, unreadable.content.part)).not.toThrow();
  });
});

describe('the preview of a deck on a template', () => {
  it('draws the cover on the cover layout, the others on the content layout, the same drawing each', async () => {
    const { brief } = loadBrief('briefs/2025-01-shanghai-quarterly.yaml');
    const { plan } = await buildDeckWithPlan(brief, { theme: 'tests/fixtures/themes/office/government-red.yaml' });
    // The cover's layout given a background of its own, to tell the two drawings apart.
    const red = plan.template!;
    const t = changed(red, {
      [red.cover.part]: (xml) =>
        xml.replace(
          '<p:cSld name="Title Slide">',
          '$&<p:bg><p:bgPr><a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs><a:gs pos="100000"><a:srgbClr val="FDECEC"/></a:gs></a:gsLst><a:lin ang="5400000"/></a:gradFill></p:bgPr></p:bg>',
        ),
      [MASTER]: (xml) =>
        xml.replace(
          /<p:bg>.*?<\/p:bg>/,
          '<p:bg><p:bgPr><a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs><a:gs pos="100000"><a:srgbClr val="EEEEEE"/></a:gs></a:gsLst></a:gradFill></p:bgPr></p:bg>',
        ),
    });
    const cover = templateArt(t, t.cover.part);
    const content = templateArt(t, t.content.part);
    expect(cover).not.toBe(content);
    const slides = previewDeck({ ...plan, template: t });
    expect(slides[0]!.kind).toBe('cover');
    slides.forEach(({ svg, kind }, i) => {
      const art = kind === 'cover' ? cover : content;
      // The artwork first, under everything the plan draws; no background colour of the plan's
      // own (the deck's slides have none on a template).
      expect(svg.indexOf(art), `slide ${i + 1}`).toBeGreaterThan(0);
      expect(svg.indexOf('<g class="template-art"')).toBe(svg.indexOf(art));
      expect(svg.indexOf(art)).toBeLessThan(svg.indexOf('class="shape'));
      expect(svg).not.toContain('class="bg"');
    });
    // Gradient ids differ between the two drawings, so one page can show both.
    const ids = (s: string) => all(s, 'linearGradient').map((g) => g.attrs.id);
    expect(ids(cover).length).toBe(1);
    expect(ids(content).length).toBe(1);
    expect(ids(cover)).not.toEqual(ids(content));

    // Apart from the slides (the studio's way): each layout's artwork once, under an id of its
    // own, and each slide refers to its layout's in the artwork's place, holding none of it.
    const art: Record<string, string> = {};
    const shared = previewDeck({ ...plan, template: t }, { art });
    expect(Object.values(art).sort()).toEqual([content, cover].sort());
    const idOf = (group: string) => Object.keys(art).find((id) => art[id] === group)!;
    expect(idOf(cover)).toMatch(/^art-[0-9a-f]{16}$/);
    expect(idOf(content)).not.toBe(idOf(cover));
    shared.forEach(({ svg, kind }, i) => {
      const id = idOf(kind === 'cover' ? cover : content);
      const ref = `<use href="#${id}" data-art="${id}"/>`;
      expect(svg.split('data-art=').length, `slide ${i + 1}`).toBe(2);
      expect(svg).not.toContain('template-art');
      // Put back, the slide is the self-contained one.
      expect(svg.replace(ref, art[id]!)).toBe(slides[i]!.svg);
    });
    // The same artwork, the same id, whichever deck and answer it is drawn for.
    const again: Record<string, string> = {};
    previewDeck({ ...plan, slides: plan.slides.slice(1), template: t }, { art: again });
    expect(again).toEqual({ [idOf(content)]: content });
    // A deck not on a template has none.
    const none: Record<string, string> = {};
    const bare = { ...plan };
    delete bare.template;
    previewDeck(bare, { art: none });
    expect(none).toEqual({});
  });
});
