/**
 * An office's own PowerPoint template (.pptx, .potx): its slide masters, layouts, theme parts,
 * pictures and decorations, kept as they are to be written into every deck made on it; where
 * its title and content layouts put the title and the body; the colours and sizes of their text;
 * its colour and font schemes. The template's own slides (and anything only they use) are left
 * out. Every problem is a TemplateProblem in words, said against the template's file.
 */
import { posix } from 'node:path';
import { contrastRatio, requiredRatio } from '../theme/contrast.js';
import { applyMods } from './color.js';
import { clearOfBands, groundsUnder, groundUnder, type Box, type Palette } from './ground.js';
import { readTemplateZip, TemplateProblem } from './unzip.js';
import { parseXml } from './xml.js';

export { TemplateProblem };

/** A text style as the template sets it: colour `RRGGBB`, size in points. */
interface TextLook {
  color: string;
  sizePt: number;
}

interface TemplateLayout {
  /** Part name, `ppt/slideLayouts/slideLayout2.xml`. */
  part: string;
  name: string;
  /** The title placeholder's type there: `title` or `ctrTitle`. */
  titleType: 'title' | 'ctrTitle';
  title: Box;
  titleLook: TextLook;
  /** The body placeholder (the subtitle on a title layout); absent when it has none. */
  body?: Box;
  bodyLook: TextLook;
  /** The band the date, footer and slide number placeholders share, if any. */
  footer?: Box;
}

export interface FontPair {
  latin: string;
  /** Empty when the scheme names none. */
  eastAsian: string;
}

export interface OfficeTemplate {
  file: string;
  widthIn: number;
  heightIn: number;
  /** `<p:sldSz …/>` as the template has it. */
  sldSz: string;
  /** The parts kept, by name: masters, layouts, themes, pictures… with their relationships. */
  parts: Map<string, Uint8Array>;
  /** Content type of every part kept, by name. */
  contentTypes: Map<string, string>;
  /** The slide masters, in the template's order, with their ids in presentation.xml. */
  masters: Array<{ part: string; id: string }>;
  notesMaster?: string;
  /** The theme part of the first master. */
  theme: string;
  /** presentation.xml's `<p:defaultTextStyle>`, if it has one. */
  defaultTextStyle?: string;
  cover: TemplateLayout;
  content: TemplateLayout;
  /** Colour scheme (`dk1`, `lt1`, `accent1`…) and font scheme of the first master's theme. */
  scheme: { colors: Record<string, string>; major: FontPair; minor: FontPair };
  /** The master's background as one colour, when it is one (not a picture). */
  background?: string;
  /** The layouts of the master used: name and type, for messages and the import's comments. */
  layouts: Array<{ name: string; type: string; placeholders: string[] }>;
  /** Titles and text the template colours too faint to read on what they stand on, each with
   * the colour decks use instead (the looks above have it already). */
  recolored?: Recolored[];
  /** What the content slides' footer and slide number stand on and the template colours them:
   * see footerColor. */
  footer: FooterGround;
}

/** The footer's ground on the content layout, and the colours of the template's that may go there. */
interface FooterGround {
  /** Every colour that may be under the footer, when all are known (else a picture may be). */
  grounds?: string[];
  /** The text colour of the template's own footer (or slide number) placeholder, if it sets one. */
  color?: string;
  /** The content layout's text and background colours, tx1, bg1, tx2, bg2. */
  slots: Array<{ color: string; slot: string }>;
}

/** A title or text of a layout whose colour was too faint on its ground, and what it became. */
export interface Recolored {
  /** The layout's name. */
  layout: string;
  what: 'title' | 'body' | 'footer';
  /** The template's colour, what it stands on, and their contrast (to one decimal). */
  color: string;
  ground: string;
  ratio: number;
  /** The contrast text of its size needs (3 for titles, 4.5 for text). */
  need: number;
  /** The colour used instead, and the template's colour it is (`tx1`, `bg1`…), if it is one. */
  now: string;
  slot?: string;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DEFAULT_CLR_MAP: Record<string, string> = { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2' };
const EMU = 914400;
const decoder = new TextDecoder('utf-8', { fatal: false });

interface Rel {
  id: string;
  type: string;
  /** Part name, resolved; undefined for an external target. */
  part?: string;
  target: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = unescape(m[2] ?? m[3] ?? '');
  return out;
}

/** Every `<p:ph>`-bearing shape of a master or layout: its type, idx, box and text style. */
interface Placeholder {
  type: string;
  idx: string;
  box?: Box;
  /** The shape's own `<a:lstStyle>` first level, and its body properties. */
  lvl1?: string;
  /** Its first run's properties (LibreOffice writes a placeholder's look there), as a defRPr. */
  run?: string;
}

export function loadOfficeTemplate(file: string): OfficeTemplate {
  const zip = readTemplateZip(file);
  const text = (name: string): string => {
    const b = zip.get(name);
    if (!b) throw new TemplateProblem(`the package has no ${name}`);
    return decoder.decode(b);
  };
  const has = (name: string) => zip.has(name);

  // Content types.
  if (!has('[Content_Types].xml'))
    throw new TemplateProblem('is not a PowerPoint file (.pptx or .potx): its zip has no [Content_Types].xml');
  const typesXml = text('[Content_Types].xml');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of typesXml.matchAll(/<Default\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
  }
  for (const m of typesXml.matchAll(/<Override\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.PartName && a.ContentType) overrides.set(a.PartName.replace(/^\//, ''), a.ContentType);
  }
  const typeOf = (part: string) =>
    overrides.get(part) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());

  const relsOf = (part: string): Rel[] => {
    const dir = posix.dirname(part);
    const relsName = `${dir === '.' ? '' : dir + '/'}_rels/${posix.basename(part)}.rels`;
    if (!has(relsName)) return [];
    const out: Rel[] = [];
    for (const m of text(relsName).matchAll(/<Relationship\b[^>]*>/g)) {
      const a = attrs(m[0]);
      if (!a.Id || !a.Type || a.Target === undefined) continue;
      if (a.TargetMode === 'External') {
        out.push({ id: a.Id, type: a.Type, target: a.Target });
        continue;
      }
      const target = a.Target.split('#')[0]!;
      let resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
      try {
        resolved = decodeURIComponent(resolved);
      } catch {
        /* a name with a stray % is taken as it is */
      }
      if (resolved.startsWith('../') || resolved === '..')
        throw new TemplateProblem(`${part} points at ${a.Target}, outside the package: its relationships are broken`);
      out.push({ id: a.Id, type: a.Type, target: a.Target, part: resolved });
    }
    return out;
  };

  // The main part.
  const main = relsOf('').find((r) => r.type === `${REL}/officeDocument` && r.part);
  if (!main?.part || !has(main.part))
    throw new TemplateProblem('is not a PowerPoint file (.pptx or .potx): the package has no main document');
  const mainType = typeOf(main.part) ?? '';
  if (!mainType.includes('presentationml'))
    throw new TemplateProblem(
      `is not a PowerPoint file: it is ${/wordprocessingml/.test(mainType) ? 'a Word document' : /spreadsheetml/.test(mainType) ? 'an Excel workbook' : `a package of ${mainType || 'unknown type'}`}`,
    );
  if (/macroEnabled/i.test(mainType) || [...zip.keys()].some((n) => /vbaProject\.bin$/i.test(n)))
    throw new TemplateProblem(
      'is macro-enabled (.pptm/.potm, with VBA macros); briefdeck does not take macros into decks: in PowerPoint save it as a PowerPoint Template (.potx), which drops them, and import that',
    );
  const presentation = text(main.part);
  const presRels = relsOf(main.part);

  // Slide size.
  const sldSzTag = /<p:sldSz\b[^>]*\/?>/.exec(presentation)?.[0];
  const sz = sldSzTag ? attrs(sldSzTag) : {};
  const cx = Number(sz.cx);
  const cy = Number(sz.cy);
  if (!sldSzTag || !(cx >= 914400 && cy >= 914400 && cx <= 51206400 && cy <= 51206400))
    throw new TemplateProblem('has no usable slide size in its presentation.xml');

  // Masters, in the order presentation.xml lists them.
  const byId = new Map(presRels.map((r) => [r.id, r]));
  const masters: OfficeTemplate['masters'] = [];
  for (const m of presentation.matchAll(/<p:sldMasterId\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const rel = byId.get(a['r:id'] ?? '');
    if (!rel?.part || !has(rel.part))
      throw new TemplateProblem(
        `presentation.xml lists a slide master (${a['r:id'] ?? '?'}) that is not in the package: its relationships are broken`,
      );
    masters.push({ part: rel.part, id: a.id ?? '' });
  }
  if (!masters.length) throw new TemplateProblem('has no slide master');
  const notesRel = presRels.find((r) => r.type === `${REL}/notesMaster`);
  const notesMaster = notesRel?.part && has(notesRel.part) ? notesRel.part : undefined;

  // Every part the masters (and the notes master) need, following relationships.
  const kept = new Map<string, Uint8Array>();
  const contentTypes = new Map<string, string>();
  const queue = [...masters.map((m) => m.part), ...(notesMaster ? [notesMaster] : [])];
  const SKIP = /\/(slide|notesSlide|handoutMaster|comments|commentAuthors|presProps|viewProps|tableStyles)$/;
  while (queue.length) {
    const part = queue.shift()!;
    if (kept.has(part)) continue;
    const bytes = zip.get(part);
    if (!bytes) throw new TemplateProblem(`${part} is missing from the package: its relationships are broken`);
    const type = typeOf(part);
    if (!type) throw new TemplateProblem(`${part} has no content type in [Content_Types].xml: the package is broken`);
    kept.set(part, /slideMaster\+xml|slideLayout\+xml|notesMaster\+xml/.test(type) ? uniqueShapeIds(bytes) : bytes);
    contentTypes.set(part, type);
    const dir = posix.dirname(part);
    const relsName = `${dir}/_rels/${posix.basename(part)}.rels`;
    if (has(relsName)) {
      kept.set(relsName, zip.get(relsName)!);
      contentTypes.set(relsName, typeOf(relsName) ?? 'application/vnd.openxmlformats-package.relationships+xml');
    }
    for (const r of relsOf(part)) {
      if (!r.part) continue;
      if (SKIP.test(r.type))
        throw new TemplateProblem(
          `${part} refers to ${r.part}, which briefdeck leaves out of decks (the template's own slides and settings); remove that link in the master and save again`,
        );
      if (!has(r.part))
        throw new TemplateProblem(
          `${part} points at ${r.target}, which is not in the package: its relationships are broken`,
        );
      queue.push(r.part);
    }
  }

  const master = masters[0]!.part;
  const masterRels = relsOf(master);
  const themePart = masterRels.find((r) => r.type === `${REL}/theme`)?.part;
  if (!themePart) throw new TemplateProblem(`${master} has no theme: the package is broken`);
  const themeXml = text(themePart);

  // Each master's colours: its theme's colour scheme and its colour map. A layout's text and
  // shapes take their master's (a template's masters may have themes of their own).
  const palettes = new Map<string, Palette>();
  const paletteOf = (masterPart: string): Palette => {
    let p = palettes.get(masterPart);
    if (p) return p;
    const themeOf = relsOf(masterPart).find((r) => r.type === `${REL}/theme`)?.part;
    const ownTheme = themeOf && has(themeOf) ? text(themeOf) : themeXml;
    const scheme: Record<string, string> = {};
    const clr = /<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/.exec(ownTheme)?.[0] ?? '';
    for (const m of clr.matchAll(/<a:(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>([\s\S]*?)<\/a:\1>/g)) {
      const inner = m[2]!;
      const v = /<a:srgbClr\s+val="([0-9A-Fa-f]{6})"/.exec(inner)?.[1] ?? /lastClr="([0-9A-Fa-f]{6})"/.exec(inner)?.[1];
      if (v) scheme[m[1]!] = v.toUpperCase();
    }
    for (const [k, v] of Object.entries({ dk1: '000000', lt1: 'FFFFFF', dk2: '1F497D', lt2: 'EEECE1' }))
      scheme[k] ??= v;
    for (const [i, v] of ['4F81BD', 'C0504D', '9BBB59', '8064A2', '4BACC6', 'F79646'].entries())
      scheme[`accent${i + 1}`] ??= v;
    const clrMapTag = /<p:clrMap\b[^>]*>/.exec(text(masterPart))?.[0];
    const bgFills = /<a:bgFillStyleLst>[\s\S]*?<\/a:bgFillStyleLst>/.exec(ownTheme)?.[0];
    p = {
      scheme,
      clrMap: { ...DEFAULT_CLR_MAP, ...(clrMapTag ? attrs(clrMapTag) : {}) },
      bgFills: bgFills ? parseXml(bgFills).children : [],
    };
    palettes.set(masterPart, p);
    return p;
  };
  /** A layout's colours: its master's, through its own colour map if it overrides the master's. */
  const layoutPalette = (masterPart: string, layoutXml: string): Palette => {
    const p = paletteOf(masterPart);
    const over = /<a:overrideClrMapping\b[^>]*>/.exec(layoutXml)?.[0];
    return over ? { ...p, clrMap: { ...DEFAULT_CLR_MAP, ...attrs(over) } } : p;
  };
  const firstPalette = paletteOf(master);
  const schemeColors = firstPalette.scheme;
  /** The first colour in a piece of XML, resolved through a master's (or layout's) colours. */
  const colorIn = (xml: string | undefined, palette: Palette = firstPalette): string | undefined => {
    if (!xml) return undefined;
    const m = /<a:(srgbClr|schemeClr|sysClr|prstClr)\b([^>]*?)(\/>|>([\s\S]*?)<\/a:\1>)/.exec(xml);
    if (!m) return undefined;
    const a = attrs(m[2]!);
    let base: string | undefined;
    if (m[1] === 'srgbClr') base = a.val;
    else if (m[1] === 'sysClr') base = a.lastClr;
    else if (m[1] === 'schemeClr') base = palette.scheme[palette.clrMap[a.val ?? ''] ?? a.val ?? ''];
    else base = a.val === 'white' ? 'FFFFFF' : a.val === 'black' ? '000000' : undefined;
    if (!base || !/^[0-9A-Fa-f]{6}$/.test(base)) return undefined;
    return applyMods(base.toUpperCase(), m[4] ?? '');
  };
  /** The colour a list style's or a run's `<a:defRPr>` gives its text, if it gives one. */
  const textColorIn = (xml: string | undefined, palette: Palette) =>
    colorIn(/<a:solidFill>[\s\S]*?<\/a:solidFill>/.exec(defRPrOf(xml)?.[3] ?? '')?.[0], palette);

  const font = (block: 'majorFont' | 'minorFont'): FontPair => {
    const xml = new RegExp(`<a:${block}>([\\s\\S]*?)</a:${block}>`).exec(themeXml)?.[1] ?? '';
    const latin = /<a:latin\b[^>]*typeface="([^"]*)"/.exec(xml)?.[1] ?? '';
    const ea = /<a:ea\b[^>]*typeface="([^"]*)"/.exec(xml)?.[1] ?? '';
    const hans = /<a:font\s+script="Hans"\s+typeface="([^"]*)"/.exec(xml)?.[1] ?? '';
    return { latin: unescape(latin), eastAsian: unescape(ea || hans) };
  };

  // Placeholders of the master and of each of its layouts.
  const placeholders = (xml: string): Placeholder[] => {
    const out: Placeholder[] = [];
    for (const m of xml.matchAll(/<p:sp(?:\s[^>]*)?>([\s\S]*?)<\/p:sp>/g)) {
      const sp = m[1]!;
      const ph = /<p:ph\b[^>]*>/.exec(sp);
      if (!ph) continue;
      const a = attrs(ph[0]);
      const off = /<a:off\s+x="(-?\d+)"\s+y="(-?\d+)"/.exec(sp);
      const ext = /<a:ext\s+cx="(\d+)"\s+cy="(\d+)"/.exec(sp);
      const lvl1 = /<a:lstStyle>[\s\S]*?<a:lvl1pPr\b[\s\S]*?<\/a:lvl1pPr>/.exec(sp)?.[0];
      const rPr = /<a:(?:endParaRPr|rPr)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/a:(?:endParaRPr|rPr)>)/.exec(sp);
      const run = rPr ? `<a:defRPr${rPr[1]}>${rPr[2] ?? ''}</a:defRPr>` : undefined;
      out.push({
        type: a.type ?? 'obj',
        idx: a.idx ?? '0',
        ...(off && ext
          ? {
              box: {
                x: Number(off[1]) / EMU,
                y: Number(off[2]) / EMU,
                w: Number(ext[1]) / EMU,
                h: Number(ext[2]) / EMU,
              },
            }
          : {}),
        ...(lvl1 ? { lvl1 } : {}),
        ...(run ? { run } : {}),
      });
    }
    return out;
  };
  const masterPhsCache = new Map<string, Placeholder[]>();
  const phsOf = (m: string) => {
    let phs = masterPhsCache.get(m);
    if (!phs) masterPhsCache.set(m, (phs = placeholders(text(m))));
    return phs;
  };
  const txStyle = (name: string, m: string) =>
    new RegExp(`<p:${name}>[\\s\\S]*?<a:lvl1pPr\\b[\\s\\S]*?</a:lvl1pPr>`).exec(text(m))?.[0];
  const isTitle = (t: string) => t === 'title' || t === 'ctrTitle';
  const isBody = (t: string) => t === 'body' || t === 'obj' || t === 'subTitle';
  const masterPh = (type: string, m: string) =>
    phsOf(m).find((p) => (isTitle(type) ? isTitle(p.type) : isBody(type) ? p.type === 'body' : p.type === type));
  /**
   * The look of a layout's placeholder, as a slide on it shows its text. Its colour is what
   * PowerPoint inherits: the layout placeholder's list style, the master placeholder's, the
   * master's title or body style. LibreOffice writes none of these: it puts a placeholder's
   * look on its first run, so that is read next, but only where the layout's placeholder stands
   * where its master's does. LibreOffice writes every master's layouts with the placeholders of
   * one master (the last), so a layout elsewhere than its master's placeholder carries another
   * master's colour, chosen for what that master draws behind it (Blue Curve's white title is
   * for its second master's blue band, and sat invisible on the white top of the first); such a
   * placeholder shows its text as PowerPoint and LibreOffice do, in the master's text colour
   * (tx1). The size, which does not depend on what the text stands on, is read as before: the
   * layout's list style and run, then the master's, then its style.
   */
  const look = (
    m: string,
    ph: Placeholder | undefined,
    layoutPh: Placeholder | undefined,
    title: boolean,
    palette: Palette,
  ): TextLook => {
    const style = txStyle(title ? 'titleStyle' : 'bodyStyle', m);
    const own = !layoutPh?.box || !ph?.box || sameBox(layoutPh.box, ph.box);
    let color: string | undefined;
    for (const xml of [layoutPh?.lvl1, ph?.lvl1, style, ...(own ? [layoutPh?.run, ph?.run] : [])])
      color ??= textColorIn(xml, palette);
    let size: number | undefined;
    for (const xml of [layoutPh?.lvl1, layoutPh?.run, ph?.lvl1, ph?.run, style])
      size ??= Number(attrs(defRPrOf(xml)?.[1] ?? '').sz) / 100 || undefined;
    return {
      color: color ?? palette.scheme[palette.clrMap.tx1 ?? 'dk1'] ?? '000000',
      sizePt: size ?? (title ? 44 : 24),
    };
  };

  const slideW = cx / EMU;
  const slideH = cy / EMU;
  const onSlide = (b: Box | undefined): Box | undefined => {
    if (!b) return undefined;
    const x = Math.max(0, b.x);
    const y = Math.max(0, b.y);
    const w = Math.min(slideW, b.x + b.w) - x;
    const h = Math.min(slideH, b.y + b.h) - y;
    return w > 0.3 && h > 0.2 ? { x, y, w, h } : undefined;
  };

  interface Candidate {
    master: string;
    part: string;
    name: string;
    type: string;
    xml: string;
    phs: Placeholder[];
  }
  const analyse = (masterPart: string): Candidate[] =>
    relsOf(masterPart)
      .filter((r) => r.type === `${REL}/slideLayout` && r.part && kept.has(r.part))
      .map((r) => {
        const xml = text(r.part!);
        return {
          master: masterPart,
          part: r.part!,
          name: unescape(/<p:cSld\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? posix.basename(r.part!)),
          type: /<p:sldLayout\b[^>]*\btype="(\w+)"/.exec(xml)?.[1] ?? 'cust',
          xml,
          phs: placeholders(xml),
        };
      })
      .sort((a, b) => layoutNumber(a.part) - layoutNumber(b.part));

  const describeLayout = (c: Candidate) => ({
    name: c.name,
    type: c.type,
    placeholders: c.phs.map((p) => p.type).filter((t) => !['dt', 'ftr', 'sldNum'].includes(t)),
  });

  const toLayout = (c: Candidate, wantBody: 'body' | 'subTitle'): TemplateLayout | undefined => {
    const t = c.phs.find((p) => isTitle(p.type));
    if (!t) return undefined;
    const M = c.master;
    const palette = layoutPalette(M, c.xml);
    const title = onSlide(t.box ?? masterPh(t.type, M)?.box);
    if (!title) return undefined;
    const bodies = c.phs.filter((p) =>
      wantBody === 'subTitle' ? p.type === 'subTitle' : isBody(p.type) && p.type !== 'subTitle',
    );
    const boxes = bodies
      .map((p) => ({ p, box: onSlide(p.box ?? masterPh(p.type, M)?.box) }))
      .filter((b): b is { p: Placeholder; box: Box } => !!b.box)
      .sort((a, b) => b.box.w * b.box.h - a.box.w * a.box.h);
    const body = boxes[0];
    const footerPhs = [...c.phs, ...phsOf(M)].filter((p) => ['dt', 'ftr', 'sldNum'].includes(p.type));
    const footBoxes = footerPhs
      .map((p) => onSlide(p.box ?? masterPh(p.type, M)?.box))
      .filter((b): b is Box => !!b && b.y > slideH / 2);
    const footer = footBoxes.length
      ? (() => {
          const y = Math.min(...footBoxes.map((b) => b.y));
          const bottom = Math.max(...footBoxes.map((b) => b.y + b.h));
          return { x: 0, y, w: slideW, h: bottom - y };
        })()
      : undefined;
    return {
      part: c.part,
      name: c.name,
      titleType: t.type === 'ctrTitle' ? 'ctrTitle' : 'title',
      title,
      titleLook: look(M, masterPh(t.type, M), t, true, palette),
      ...(body ? { body: body.box } : {}),
      bodyLook: look(M, masterPh(body?.p.type ?? 'body', M), body?.p, false, palette),
      ...(footer ? { footer } : {}),
    };
  };

  // The content layout: a title-and-content layout (type="obj", else the closest by placeholder
  // types) of any master, the one with the most room for panels; the cover: the title layout of
  // the first master that has one (LibreOffice keeps a title design and a content design as two
  // masters), else the content layout.
  let chosen: { master: string; content: TemplateLayout; cover: TemplateLayout; all: Candidate[] } | undefined;
  const everyLayout: Candidate[] = [];
  for (const m of masters) everyLayout.push(...analyse(m.part));
  const withBody = everyLayout
    .map((c) => ({ c, l: toLayout(c, 'body') }))
    .filter((x): x is { c: Candidate; l: TemplateLayout & { body: Box } } => !!x.l?.body);
  const oneBody = (c: Candidate) => c.phs.filter((p) => isBody(p.type) && p.type !== 'subTitle').length === 1;
  /** A layout whose title and body stand where its own master has them (or inherit them). */
  const ownBoxes = (c: Candidate) =>
    c.phs
      .filter((p) => isTitle(p.type) || isBody(p.type))
      .every((p) => {
        const m = masterPh(p.type, c.master)?.box;
        return !p.box || !m || sameBox(p.box, m);
      });
  // The layout with the most room; among layouts of several masters with as much room, one whose
  // placeholders are its master's own. LibreOffice writes every master's layouts with copies of
  // the last master's placeholders, so the layouts of a title design and of a content design tie,
  // and only the content design's master has its placeholders where its layouts do (Blue Curve's
  // first master is a title page with a wave where the copied body would run; Focus's first three
  // are coloured title and section pages). A template with one master is read as before.
  const best = (list: typeof withBody) => {
    const top = list.reduce<(typeof withBody)[number] | undefined>(
      (a, b) => (!a || area(b.l.body) > area(a.l.body) * 1.05 ? b : a),
      undefined,
    );
    if (!top || masters.length < 2) return top;
    return list.find((x) => area(x.l.body) * 1.05 >= area(top.l.body) && ownBoxes(x.c)) ?? top;
  };
  const content =
    best(withBody.filter((x) => x.c.type === 'obj')) ?? best(withBody.filter((x) => oneBody(x.c))) ?? best(withBody);
  if (content) {
    const titled = (c: Candidate) => c.phs.some((p) => isTitle(p.type));
    const titleLayout =
      everyLayout.find((c) => c.type === 'title' && titled(c)) ??
      everyLayout.find((c) => c.phs.some((p) => p.type === 'ctrTitle')) ??
      everyLayout.find((c) => titled(c) && c.phs.some((p) => p.type === 'subTitle'));
    const cover = (titleLayout && toLayout(titleLayout, 'subTitle')) ?? content.l;
    chosen = {
      master: content.c.master,
      content: content.l,
      cover,
      all: everyLayout.filter((c) => c.master === content.c.master),
    };
  }
  if (!chosen) {
    const list = everyLayout
      .map((c) => {
        const d = describeLayout(c);
        return `"${d.name}" (${d.placeholders.join(', ') || 'no placeholders'})`;
      })
      .join(', ');
    throw new TemplateProblem(
      `has no layout with a title and a body placeholder for briefdeck's panels; its layouts: ${list || 'none'}. Add a "Title and Content" layout to its master in PowerPoint (View › Slide Master) and save again`,
    );
  }

  // The master's background, as one colour when it is one.
  const bgOf = (xml: string) => /<p:bg>([\s\S]*?)<\/p:bg>/.exec(xml)?.[1];
  const contentXml = chosen.all.find((c) => c.part === chosen.content.part)?.xml ?? '';
  const bg = bgOf(contentXml) ?? bgOf(text(chosen.master));

  // The safety net: a title or text that would be too faint to read on what it stands on (the
  // one colour under its placeholder, when it is surely one) gets a colour of the template's
  // own that reads there: its text colour (tx1), else its background colour (bg1), tx2, bg2;
  // else black or white. Said in the theme's warnings.
  const recolored: Recolored[] = [];
  const candidates = new Map(everyLayout.map((c) => [c.part, c]));
  const parsed = new Map<string, ReturnType<typeof parseXml>>();
  const tree = (part: string, xml: string) => {
    let el = parsed.get(part);
    if (!el) parsed.set(part, (el = parseXml(xml)));
    return el;
  };
  /** What ground.ts reads of a layout: its master's shapes, its own, and the colours of each. */
  const drawing = (c: { master: string; part: string; xml: string }) =>
    [
      tree(c.master, text(c.master)),
      tree(c.part, c.xml),
      { master: paletteOf(c.master), layout: layoutPalette(c.master, c.xml) },
    ] as const;
  const mend = (l: TemplateLayout, what: 'title' | 'body'): TemplateLayout => {
    const c = candidates.get(l.part);
    const box = what === 'title' ? l.title : l.body;
    const lookOf = what === 'title' ? l.titleLook : l.bodyLook;
    if (!c || !box) return l;
    const palette = layoutPalette(c.master, c.xml);
    const ground = groundUnder(box, ...drawing(c));
    const need = requiredRatio(what === 'title');
    if (!ground || contrastRatio(lookOf.color, ground) >= need) return l;
    const slot = ['tx1', 'bg1', 'tx2', 'bg2'].find(
      (k) => contrastRatio(palette.scheme[palette.clrMap[k] ?? k] ?? '000000', ground) >= need,
    );
    const now = slot
      ? palette.scheme[palette.clrMap[slot] ?? slot]!
      : contrastRatio('000000', ground) >= contrastRatio('FFFFFF', ground)
        ? '000000'
        : 'FFFFFF';
    const ratio = Math.floor(contrastRatio(lookOf.color, ground) * 10) / 10;
    recolored.push({ layout: l.name, what, color: lookOf.color, ground, ratio, need, now, ...(slot ? { slot } : {}) });
    const mended = { ...lookOf, color: now };
    return what === 'title' ? { ...l, titleLook: mended } : { ...l, bodyLook: mended };
  };
  // The looks decks use: the cover's title and lines, the content slides' titles (their panels
  // are in the theme's colours, which the theme's own checks cover).
  const mendedContent = mend(chosen.content, 'title');
  // The panels: inside the body placeholder, clear of a band or wave drawn across its top or bottom.
  const contentLayout = ((): TemplateLayout => {
    const c = candidates.get(mendedContent.part)!;
    const body = clearOfBands(mendedContent.body!, ...drawing(c));
    return body === mendedContent.body ? mendedContent : { ...mendedContent, body };
  })();
  const coverLayout =
    chosen.cover === chosen.content ? mend(contentLayout, 'body') : mend(mend(chosen.cover, 'title'), 'body');

  // Where neither the layout nor its master has a background the slide is white, unless
  // something is drawn under the body (Metropolis's picture): what the panels stand on, if known.
  const background = bg
    ? !/<a:blipFill\b/.test(bg)
      ? colorIn(bg, layoutPalette(chosen.master, contentXml))
      : undefined
    : groundUnder(
        contentLayout.body!,
        ...drawing({ master: chosen.master, part: contentLayout.part, xml: contentXml }),
      );

  // What the content slides' footer stands on: its text and the slide number go across the
  // body's width, in the band of the footer placeholders (template-frame.ts).
  const footerGround = ((): FooterGround => {
    const c = candidates.get(contentLayout.part)!;
    const palette = layoutPalette(c.master, c.xml);
    const body = contentLayout.body!;
    const band = contentLayout.footer;
    const box = { x: body.x, y: band?.y ?? slideH - 0.5, w: body.w, h: band?.h ?? 0.38 };
    const grounds = groundsUnder(box, ...drawing(c));
    // The footer placeholder's colour as a slide shows it: the layout's list style, the
    // master's, LibreOffice's run on the master's (and on the layout's, where it is the master's).
    let color: string | undefined;
    for (const type of ['ftr', 'sldNum']) {
      const mine = c.phs.find((p) => p.type === type);
      const its = masterPh(type, c.master);
      const own = !mine?.box || !its?.box || sameBox(mine.box, its.box);
      for (const xml of [mine?.lvl1, its?.lvl1, its?.run, ...(own ? [mine?.run] : [])])
        color ??= textColorIn(xml, palette);
    }
    const slots = ['tx1', 'bg1', 'tx2', 'bg2'].flatMap((slot) => {
      const v = palette.scheme[palette.clrMap[slot] ?? slot];
      return v ? [{ color: v, slot }] : [];
    });
    return { ...(grounds ? { grounds } : {}), ...(color ? { color } : {}), slots };
  })();

  const defaultTextStyle = /<p:defaultTextStyle>[\s\S]*?<\/p:defaultTextStyle>/.exec(presentation)?.[0];
  const masterThemes = masters
    .map((m) => relsOf(m.part).find((r) => r.type === `${REL}/theme`)?.part)
    .filter((p): p is string => !!p);
  return {
    file,
    widthIn: slideW,
    heightIn: slideH,
    sldSz: sldSzTag,
    parts: kept,
    contentTypes,
    masters,
    ...(notesMaster ? { notesMaster } : {}),
    theme: masterThemes[0] ?? themePart,
    ...(defaultTextStyle ? { defaultTextStyle } : {}),
    cover: coverLayout,
    content: chosen.cover === chosen.content ? coverLayout : contentLayout,
    scheme: { colors: schemeColors, major: font('majorFont'), minor: font('minorFont') },
    ...(background ? { background } : {}),
    layouts: chosen.all.map(describeLayout),
    ...(recolored.length ? { recolored } : {}),
    footer: footerGround,
  };
}

/**
 * The colour of the footer and slide number on a template's content slides, and what changed.
 * Where every colour under them is known: the theme's `muted` if it reads on all of them (4.5:1,
 * as small text needs), else the template's footer colour, its text or background colours (tx1,
 * bg1, tx2, bg2), black or white, the first that reads on all, or the one that reads best; said
 * as a Recolored. Where a picture may be under them: the template's own footer colour, chosen for
 * its picture, else `muted`.
 */
export function footerColor(t: OfficeTemplate, muted: string): { color: string; recolored?: Recolored } {
  const f = t.footer;
  if (!f.grounds) return { color: f.color ?? muted };
  const grounds = f.grounds;
  const worst = (c: string) => Math.min(...grounds.map((g) => contrastRatio(c, g)));
  const need = requiredRatio(false);
  if (worst(muted) >= need) return { color: muted };
  const options: Array<{ color: string; slot?: string }> = [
    ...(f.color ? [{ color: f.color }] : []),
    ...f.slots,
    { color: '000000' },
    { color: 'FFFFFF' },
  ];
  const pick =
    options.find((o) => worst(o.color) >= need) ??
    options.reduce((a, b) => (worst(b.color) > worst(a.color) + 0.01 ? b : a));
  if (worst(pick.color) <= worst(muted)) return { color: muted };
  return {
    color: pick.color,
    recolored: {
      layout: t.content.name,
      what: 'footer',
      color: muted,
      ground: grounds.join(' / #'),
      ratio: Math.floor(worst(muted) * 10) / 10,
      need,
      now: pick.color,
      ...(pick.slot ? { slot: pick.slot } : {}),
    },
  };
}

const defRPrOf = (xml: string | undefined) =>
  xml ? /<a:defRPr\b([^>]*?)(\/>|>([\s\S]*?)<\/a:defRPr>)/.exec(xml) : undefined;

const area = (b: Box) => b.w * b.h;
/** Two placeholders at the same place (to a hundredth of an inch). */
const sameBox = (a: Box, b: Box) =>
  Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01 && Math.abs(a.w - b.w) < 0.01 && Math.abs(a.h - b.h) < 0.01;

/** A master or layout whose shapes share an id (LibreOffice writes some so), with each id made
 * unique: PowerPoint repairs such a file when it opens it, and the schema checks refuse it. */
function uniqueShapeIds(bytes: Uint8Array): Uint8Array {
  const xml = decoder.decode(bytes);
  const ids = [...xml.matchAll(/<p:cNvPr\s+id="(\d+)"/g)].map((m) => Number(m[1]));
  if (new Set(ids).size === ids.length) return bytes;
  let next = Math.max(...ids) + 1;
  const seen = new Set<number>();
  const fixed = xml.replace(/(<p:cNvPr\s+id=")(\d+)"/g, (_m, head: string, id: string) => {
    const n = Number(id);
    if (!seen.has(n)) {
      seen.add(n);
      return `${head}${n}"`;
    }
    seen.add(next);
    return `${head}${next++}"`;
  });
  return new TextEncoder().encode(fixed);
}
const layoutNumber = (part: string) => Number(/(\d+)\.xml$/.exec(part)?.[1] ?? 0);
