/**
 * One slide of the plan → its slide part, its relationships and its notes part. Every size,
 * position, font and colour comes from the plan; this module only spells it in PresentationML.
 * Written directly rather than through pptxgenjs's addText: one <a:pPr> per paragraph, both
 * fonts on every run, and a fraction of the time and memory on a big deck.
 */
import type { FontFaces, ImageShape, Paragraph, RectShape, Run, SlidePlan, TextShape } from '../layout/plan.js';
import type { MediaPart } from './media.js';
import { attr, centiPt, emu, esc, NS_A, NS_P, NS_R, REL, relsXml, XML_HEAD, type Relationship } from './xml.js';

/** What every slide of one deck shares. */
export interface SlideContext {
  /** `zh-CN` or `en-US`, and the other one as alternative language. */
  lang: string;
  altLang: string;
  /** Pictures by the path the plan names, already stored in the package. */
  media: Map<string, MediaPart>;
  /** Run properties written so far in this deck. */
  runProps: RunPropsCache;
  /** On an office template: the layouts slides use (relative to a slide), and its notes master. */
  template?: { cover: string; content: string; coverTitle: 'title' | 'ctrTitle'; notesMaster: string };
}

export interface WrittenSlide {
  xml: string;
  rels: string;
  notes?: { xml: string; rels: string };
}

const SP_TREE_HEAD =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
const NAMESPACES = `xmlns:a="${NS_A}" xmlns:r="${NS_R}" xmlns:p="${NS_P}"`;

const xfrm = (b: { x: number; y: number; w: number; h: number }) =>
  `<a:xfrm><a:off x="${emu(b.x)}" y="${emu(b.y)}"/><a:ext cx="${emu(b.w)}" cy="${emu(b.h)}"/></a:xfrm>`;
const solid = (color: string) => `<a:solidFill><a:srgbClr val="${esc(color)}"/></a:solidFill>`;

/** `number` is the slide's 1-based position in the deck. */
export function writeSlide(slide: SlidePlan, number: number, ctx: SlideContext): WrittenSlide {
  const t = ctx.template;
  const layout = t ? (slide.kind === 'cover' ? t.cover : t.content) : '../slideLayouts/slideLayout1.xml';
  const rels: Relationship[] = [{ id: 'rId1', type: `${REL}/slideLayout`, target: layout }];
  if (slide.notes !== undefined)
    rels.push({ id: 'rId2', type: `${REL}/notesSlide`, target: `../notesSlides/notesSlide${number}.xml` });
  const mediaRel = new Map<string, string>();
  const relFor = (target: string) => {
    let id = mediaRel.get(target);
    if (!id) {
      id = `rId${rels.length + 1}`;
      rels.push({ id, type: `${REL}/image`, target: `../media/${target}` });
      mediaRel.set(target, id);
    }
    return id;
  };

  // Written as pieces joined once: one flat string, where appending would build a tree of
  // thousands of pieces that must be copied flat again before a helper thread can take it.
  const out: string[] = [XML_HEAD, `<p:sld ${NAMESPACES}><p:cSld>`];
  // On a template the layout's (and master's) background shows.
  if (!t) out.push(`<p:bg><p:bgPr>${solid(slide.background)}<a:effectLst/></p:bgPr></p:bg>`);
  out.push('<p:spTree>', SP_TREE_HEAD);
  slide.shapes.forEach((shape, i) => {
    const id = i + 2;
    if (shape.kind === 'rect') out.push(rectXml(shape, id));
    else if (shape.kind === 'text') textXml(out, shape, id, `${shape.role} ${i + 1}`, ctx, placeholderOf(shape, ctx));
    else out.push(pictureXml(shape, id, ctx, relFor));
  });
  out.push('</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>');
  return {
    xml: out.join(''),
    rels: relsXml(rels),
    ...(slide.notes !== undefined ? { notes: writeNotes(slide.notes, number, ctx) } : {}),
  };
}

function rectXml(r: RectShape, id: number): string {
  const geom = r.radius
    ? `<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val ${Math.round(Math.min(r.radius, 0.5) * 100000)}"/></a:avLst></a:prstGeom>`
    : '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>';
  const line = r.line
    ? `<a:ln w="${Math.round(r.line.widthPt * 12700)}">${solid(r.line.color)}</a:ln>`
    : '<a:ln><a:noFill/></a:ln>';
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Rectangle ${id - 1}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>${xfrm(r)}${geom}${solid(r.fill)}${line}</p:spPr></p:sp>`;
}

function pictureXml(img: ImageShape, id: number, ctx: SlideContext, relFor: (target: string) => string): string {
  const part = ctx.media.get(img.path);
  if (!part) throw new Error(`briefdeck bug: picture ${img.path} was not stored in the package`);
  // A picture with no words is decorative: screen readers skip it (PowerPoint's own mark).
  const decorative =
    img.alt === ''
      ? '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>'
      : '';
  // An SVG travels with a PNG drawn from it, for programs that cannot show SVG.
  const blip = part.svg
    ? `<a:blip r:embed="${relFor(part.name)}"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${relFor(part.svg)}"/></a:ext></a:extLst></a:blip>`
    : `<a:blip r:embed="${relFor(part.name)}"/>`;
  return `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="Picture ${id - 1}"${attr('descr', img.alt)}>${decorative}</p:cNvPr><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill>${blip}<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>${xfrm(img)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`;
}

const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;
const ALIGN = { left: 'l', center: 'ctr', right: 'r' } as const;

/** On a template, a slide's title is its layout's title placeholder (with the plan's own box and
 * sizes), so PowerPoint's outline, accessibility checker and "Reset" know it as the title. */
function placeholderOf(t: TextShape, ctx: SlideContext): string | undefined {
  if (!ctx.template) return undefined;
  if (t.role === 'title') return 'title';
  if (t.role === 'cover:title') return ctx.template.coverTitle;
  return undefined;
}

function textXml(out: string[], t: TextShape, id: number, name: string, ctx: SlideContext, ph?: string): void {
  const ins = t.insets;
  const nv = ph
    ? `<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="${ph}"/></p:nvPr>`
    : '<p:cNvSpPr txBox="1"/><p:nvPr/>';
  out.push(
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}"${attr('name', name)}/>`,
    nv,
    '</p:nvSpPr><p:spPr>',
    xfrm(t),
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>',
    t.fill ? solid(t.fill) : '<a:noFill/>',
    // Autofit off: the layout has measured every line, and each program's own shrinking differs.
    `</p:spPr><p:txBody><a:bodyPr${ph ? ' vert="horz"' : ''} wrap="square" lIns="${emu(ins.left)}" tIns="${emu(ins.top)}" rIns="${emu(ins.right)}" bIns="${emu(ins.bottom)}" rtlCol="0" anchor="${ANCHOR[t.valign]}"><a:noAutofit/></a:bodyPr><a:lstStyle/>`,
  );
  for (const p of t.paragraphs) paragraphXml(out, p, ctx, !!ph);
  out.push('</p:txBody></p:sp>');
}

function paragraphXml(out: string[], p: Paragraph, ctx: SlideContext, placeholder = false): void {
  // No hanging punctuation: LibreOffice would let a closing mark hang past the box's edge,
  // outside the width the layout measured.
  out.push(`<a:p><a:pPr algn="${ALIGN[p.align]}" hangingPunct="0"`);
  let bullet: string;
  const b = p.bullet;
  if (!b) {
    out.push(' marL="0" indent="0"');
    bullet = '<a:buNone/>';
  } else {
    const indent = Math.round(b.indentPt * 12700);
    out.push(` marL="${indent}" indent="-${indent}"`);
    if (b.kind === 'bullet')
      bullet = `<a:buClr><a:srgbClr val="${esc(b.color)}"/></a:buClr><a:buSzPct val="100000"/><a:buChar${attr('char', b.char)}/>`;
    else if (b.kind === 'number')
      bullet = `<a:buClr><a:srgbClr val="${esc(b.color)}"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="${b.startAt}"/>`;
    // Continues an item from the slide before: same indent, nothing drawn at the start. A label
    // (（一）, 一是) is text: written as the paragraph's first run below.
    else bullet = '<a:buNone/>';
  }
  out.push(`><a:lnSpc><a:spcPts val="${centiPt(p.lineHeightPt)}"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef>`);
  if (p.spaceAfterPt) out.push(`<a:spcAft><a:spcPts val="${centiPt(p.spaceAfterPt)}"/></a:spcAft>`);
  out.push(bullet, '</a:pPr>');
  // A placeholder's text would inherit the template's title style: what the layout did not
  // measure (capitals, letter spacing, shadows) is set back.
  const props = (r: Run) => (placeholder ? placeholderRunProps(r, ctx) : runProps(r, ctx));
  if (b?.kind === 'label') out.push('<a:r>', props(b.label), '<a:t>', esc(b.label.text), '</a:t></a:r>');
  for (const r of p.runs) {
    // A line break the layout placed (Shift+Enter): the line ends here in every program.
    if (r.breakBefore) out.push('<a:br>', props(r), '</a:br>');
    out.push('<a:r>', props(r), '<a:t>', esc(r.text), '</a:t></a:r>');
  }
  const last = p.runs[p.runs.length - 1];
  out.push(`<a:endParaRPr lang="${ctx.lang}"${last ? ` sz="${centiPt(last.sizePt)}"` : ''} dirty="0"/></a:p>`);
}

/** Run properties, written once each per deck: found by the font (the theme's own object), the
 * colour and the size in hundredths of a point with bold as its sign. */
type RunPropsCache = Map<FontFaces, Map<string, Map<number, string>>>;

function runProps(r: Run, ctx: SlideContext): string {
  let byColor = ctx.runProps.get(r.font);
  if (!byColor) ctx.runProps.set(r.font, (byColor = new Map()));
  let bySize = byColor.get(r.color);
  if (!bySize) byColor.set(r.color, (bySize = new Map()));
  const key = (r.bold ? -1 : 1) * centiPt(r.sizePt);
  let xml = bySize.get(key);
  if (xml === undefined) {
    xml = `<a:rPr lang="${ctx.lang}" altLang="${ctx.altLang}" sz="${centiPt(r.sizePt)}" b="${r.bold ? 1 : 0}" dirty="0">${solid(r.color)}${fontsXml(r.font)}</a:rPr>`;
    bySize.set(key, xml);
  }
  return xml;
}

function placeholderRunProps(r: Run, ctx: SlideContext): string {
  return `<a:rPr lang="${ctx.lang}" altLang="${ctx.altLang}" sz="${centiPt(r.sizePt)}" b="${r.bold ? 1 : 0}" i="0" u="none" strike="noStrike" cap="none" spc="0" baseline="0" dirty="0">${solid(r.color)}<a:effectLst/>${fontsXml(r.font)}</a:rPr>`;
}

/** Latin and complex-script text in the Latin face, Chinese in the East Asian face. */
const fontsXml = (f: FontFaces) =>
  `<a:latin${attr('typeface', f.latin)}/><a:ea${attr('typeface', f.eastAsian)}/><a:cs${attr('typeface', f.latin)}/>`;

/** Speaker notes: each line of the notes its own line in the notes pane. */
function writeNotes(notes: string, number: number, ctx: SlideContext): { xml: string; rels: string } {
  const rPr = `<a:rPr lang="${ctx.lang}" altLang="${ctx.altLang}" dirty="0"/>`;
  const lines = notes
    .split(/\r\n|\r|\n/)
    .map((line) => `<a:r>${rPr}<a:t>${esc(line)}</a:t></a:r>`)
    .join('<a:br/>');
  const xml =
    `${XML_HEAD}<p:notes ${NAMESPACES}><p:cSld><p:spTree>${SP_TREE_HEAD}` +
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>' +
    `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>${lines}<a:endParaRPr lang="${ctx.lang}" dirty="0"/></a:p></p:txBody></p:sp>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="4" name="Slide Number Placeholder 3"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldNum" sz="quarter" idx="10"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id="{F7021451-1387-4CA6-816F-3879F97B5CBC}" type="slidenum"><a:rPr lang="${ctx.lang}"/><a:t>${number}</a:t></a:fld><a:endParaRPr lang="${ctx.lang}"/></a:p></p:txBody></p:sp>` +
    '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>';
  const rels = relsXml([
    { id: 'rId1', type: `${REL}/notesMaster`, target: ctx.template?.notesMaster ?? '../notesMasters/notesMaster1.xml' },
    { id: 'rId2', type: `${REL}/slide`, target: `../slides/slide${number}.xml` },
  ]);
  return { xml, rels };
}
