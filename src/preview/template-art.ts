/**
 * An office template's own artwork as SVG, for the preview to draw under a slide's content, as
 * PowerPoint draws a slide on a layout: the layout's background (else its master's), then the
 * master's shapes (unless the layout hides them, showMasterSp="0"), then the layout's own.
 * Placeholders are left out: on a slide they hold briefdeck's text, or are not there at all.
 *
 * Drawn: rectangles, rounded rectangles, ellipses, lines and a few other preset shapes, custom
 * geometry (move, line, Bézier, arc, close), pictures (PNG, JPEG, GIF, BMP, WebP, SVG; cropped),
 * groups, rotation and flips; solid, gradient (approximated), picture and pattern fills, lines
 * with their width and dashes, theme colours through the master's colour map, the shape
 * styles' theme fills and lines, and the text of shapes that are not placeholders (an office's
 * name on its master), simply set. Other preset shapes are drawn as their bounding box; EMF and
 * WMF pictures, charts, tables and anything that does not read are left out, never an error.
 *
 * Pure over the template's parts; each layout's artwork is made once per template and reused
 * for every slide on it, each picture in it once however many shapes show it. User units are
 * points, as in svg.ts.
 */
import { posix } from 'node:path';
import { breakLines } from '../layout/linebreak.js';
import { latinMetricsFor } from '../layout/metrics.js';
import { sliceTexts } from '../layout/text.js';
import { applyMods, mix } from '../template/color.js';
import type { OfficeTemplate } from '../template/package.js';
import { child, children, parseXml, path, type XmlElement } from '../template/xml.js';
import { esc, n } from './markup.js';

const EMU_PER_PT = 12700;
const decoder = new TextDecoder('utf-8', { fatal: false });

const cache = new WeakMap<OfficeTemplate, Map<string, string>>();

/** The artwork under a slide on `layoutPart` (`ppt/slideLayouts/slideLayout2.xml`): an SVG group
 * covering the slide, opaque (white where the template has no background). */
export function templateArt(t: OfficeTemplate, layoutPart: string): string {
  let byLayout = cache.get(t);
  if (!byLayout) cache.set(t, (byLayout = new Map()));
  let art = byLayout.get(layoutPart);
  if (art === undefined) byLayout.set(layoutPart, (art = drawLayout(t, layoutPart)));
  return art;
}

/** A part of the template, read. */
interface Part {
  name: string;
  root: XmlElement;
  /** Its relationships: id → part name (targets inside the package only). */
  rels: Map<string, string>;
}

/** What a master gives the shapes drawn on it: colours, fonts, the theme's styles. */
interface Look {
  scheme: Record<string, string>;
  clrMap: Record<string, string>;
  fonts: { major: Faces; minor: Faces };
  fillStyles: XmlElement[];
  lineStyles: XmlElement[];
  bgFillStyles: XmlElement[];
}

interface Faces {
  latin: string;
  ea: string;
}

/** A colour, resolved: `RRGGBB` and its opacity. */
interface Color {
  hex: string;
  alpha: number;
}

/** What one layout's drawing defines once for all its shapes: gradients, patterns, pictures. */
interface Defs {
  list: string[];
  next: number;
  /** Each picture's symbol by media part name; null for a picture a browser cannot show. */
  pictures: Map<string, string | null>;
}

/** While drawing one part (master or layout): its relationships and the definitions made. */
interface Ctx {
  t: OfficeTemplate;
  part: Part;
  look: Look;
  defs: Defs;
}

/** From a parent's coordinates (EMU) to the slide's (points): X = tx + sx·x. */
interface Mapping {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const TOP: Mapping = { sx: 1 / EMU_PER_PT, sy: 1 / EMU_PER_PT, tx: 0, ty: 0 };
/** Replaced by a hash of the artwork: ids unique to it, however many slides a page shows. */
const ID_PREFIX = '\u0000art';

function drawLayout(t: OfficeTemplate, layoutPart: string): string {
  const w = n(t.widthIn * 72);
  const h = n(t.heightIn * 72);
  let body = `<rect x="0" y="0" width="${w}" height="${h}" fill="#FFFFFF"/>`;
  const defs: Defs = { list: [], next: 1, pictures: new Map() };
  const layout = readPart(t, layoutPart);
  const masterName = layout && [...layout.rels.values()].find((p) => /slideMasters\/[^/]+\.xml$/.test(p));
  const master = masterName ? readPart(t, masterName) : undefined;
  if (layout && master) {
    const look = lookOf(t, master);
    const layoutLook = { ...look, clrMap: clrMapOverride(layout.root) ?? look.clrMap };
    const masterCtx: Ctx = { t, part: master, look, defs };
    const layoutCtx: Ctx = { t, part: layout, look: layoutLook, defs };
    const layoutBg = path(layout.root, 'p:cSld', 'p:bg');
    body += layoutBg
      ? background(layoutBg, layoutCtx, t)
      : background(path(master.root, 'p:cSld', 'p:bg'), masterCtx, t);
    if (layout.root.attrs.showMasterSp !== '0' && layout.root.attrs.showMasterSp !== 'false')
      body += shapes(path(master.root, 'p:cSld', 'p:spTree'), TOP, masterCtx, 0);
    body += shapes(path(layout.root, 'p:cSld', 'p:spTree'), TOP, layoutCtx, 0);
  }
  const svg = `<g class="template-art" aria-hidden="true" pointer-events="none">${defs.list.length ? `<defs>${defs.list.join('')}</defs>` : ''}${body}</g>`;
  return svg.split(ID_PREFIX).join(`art${hash(svg)}-`);
}

/** FNV-1a, as 8 hex digits. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function readPart(t: OfficeTemplate, name: string): Part | undefined {
  const bytes = t.parts.get(name);
  if (!bytes) return undefined;
  const root = parseXml(decoder.decode(bytes));
  const dir = posix.dirname(name);
  const rels = new Map<string, string>();
  const relsBytes = t.parts.get(`${dir}/_rels/${posix.basename(name)}.rels`);
  if (relsBytes)
    for (const r of children(parseXml(decoder.decode(relsBytes)), 'Relationship')) {
      const { Id: id, Target: target, TargetMode: mode } = r.attrs;
      if (!id || !target || mode === 'External') continue;
      rels.set(id, target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target)));
    }
  return { name, root, rels };
}

const DEFAULT_SCHEME: Record<string, string> = {
  dk1: '000000',
  lt1: 'FFFFFF',
  dk2: '1F497D',
  lt2: 'EEECE1',
  accent1: '4F81BD',
  accent2: 'C0504D',
  accent3: '9BBB59',
  accent4: '8064A2',
  accent5: '4BACC6',
  accent6: 'F79646',
  hlink: '0000FF',
  folHlink: '800080',
};

function lookOf(t: OfficeTemplate, master: Part): Look {
  const themeName = [...master.rels.values()].find((p) => /theme\/[^/]+\.xml$/.test(p));
  const theme = themeName ? readPart(t, themeName)?.root : undefined;
  const elements = child(theme, 'a:themeElements');
  const scheme = { ...DEFAULT_SCHEME };
  for (const c of child(elements, 'a:clrScheme')?.children ?? []) {
    const name = c.name.replace(/^a:/, '');
    const v = child(c, 'a:srgbClr')?.attrs.val ?? child(c, 'a:sysClr')?.attrs.lastClr;
    if (v && /^[0-9a-f]{6}$/i.test(v)) scheme[name] = v.toUpperCase();
  }
  const faces = (which: string): Faces => {
    const f = path(elements, 'a:fontScheme', which);
    const hans = children(f, 'a:font').find((x) => x.attrs.script === 'Hans')?.attrs.typeface;
    return { latin: child(f, 'a:latin')?.attrs.typeface ?? '', ea: child(f, 'a:ea')?.attrs.typeface || hans || '' };
  };
  const fmt = child(elements, 'a:fmtScheme');
  const clrMapEl = child(master.root, 'p:clrMap');
  return {
    scheme,
    clrMap: { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2', ...(clrMapEl?.attrs ?? {}) },
    fonts: { major: faces('a:majorFont'), minor: faces('a:minorFont') },
    fillStyles: child(fmt, 'a:fillStyleLst')?.children ?? [],
    lineStyles: child(fmt, 'a:lnStyleLst')?.children ?? [],
    bgFillStyles: child(fmt, 'a:bgFillStyleLst')?.children ?? [],
  };
}

function clrMapOverride(layout: XmlElement): Record<string, string> | undefined {
  const o = path(layout, 'p:clrMapOvr', 'a:overrideClrMapping');
  return o ? { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2', ...o.attrs } : undefined;
}

// Colours.

const COLOR_ELEMENTS = new Set(['a:srgbClr', 'a:schemeClr', 'a:sysClr', 'a:prstClr', 'a:scrgbClr']);
const PRESET_COLORS: Record<string, string> = {
  black: '000000',
  white: 'FFFFFF',
  red: 'FF0000',
  green: '008000',
  lime: '00FF00',
  blue: '0000FF',
  yellow: 'FFFF00',
  gold: 'FFD700',
  orange: 'FFA500',
  gray: '808080',
  grey: '808080',
  darkGray: 'A9A9A9',
  lightGray: 'D3D3D3',
  silver: 'C0C0C0',
  navy: '000080',
  maroon: '800000',
  darkRed: '8B0000',
  purple: '800080',
  teal: '008080',
  cyan: '00FFFF',
  magenta: 'FF00FF',
};

/** The colour inside an element (a fill, a style reference…): its first colour child. */
function colorIn(el: XmlElement | undefined, ctx: Ctx, ph?: Color): Color | undefined {
  const c = el?.children.find((x) => COLOR_ELEMENTS.has(x.name));
  return c ? colorOf(c, ctx, ph) : undefined;
}

function colorOf(c: XmlElement, ctx: Ctx, ph?: Color): Color | undefined {
  const { scheme, clrMap } = ctx.look;
  let base: string | undefined;
  let alpha = 1;
  const v = c.attrs.val ?? '';
  if (c.name === 'a:srgbClr') base = v;
  else if (c.name === 'a:sysClr') base = c.attrs.lastClr ?? (v === 'window' ? 'FFFFFF' : '000000');
  else if (c.name === 'a:prstClr') base = PRESET_COLORS[v];
  else if (c.name === 'a:scrgbClr') {
    const ch = (k: string) => Math.round(Math.min(1, Math.max(0, Number(c.attrs[k]) / 100000 || 0)) ** (1 / 2.2) * 255);
    base = [ch('r'), ch('g'), ch('b')].map((x) => x.toString(16).padStart(2, '0')).join('');
  } else if (c.name === 'a:schemeClr') {
    if (v === 'phClr') {
      if (!ph) return undefined;
      base = ph.hex;
      alpha = ph.alpha;
    } else base = scheme[clrMap[v] ?? v];
  }
  if (!base || !/^[0-9a-f]{6}$/i.test(base)) return undefined;
  // applyMods reads the changes as the template's XML writes them.
  const mods = c.children.map((m) => `<${m.name} val="${Number(m.attrs.val) || 0}"/>`).join('');
  for (const m of c.children) {
    if (m.name === 'a:alpha') alpha *= clamp01(Number(m.attrs.val) / 100000);
    else if (m.name === 'a:alphaMod') alpha *= Math.max(0, Number(m.attrs.val) / 100000 || 0);
  }
  return { hex: applyMods(base.toUpperCase(), mods), alpha: clamp01(alpha) };
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1);

// Fills and lines.

const FILLS = new Set(['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill']);

/** SVG paint attributes (`fill="…"`, or the stroke's). */
interface Paint {
  color: string;
  opacity: number;
}

const NONE: Paint = { color: 'none', opacity: 1 };

function paintOf(fill: XmlElement | undefined, ctx: Ctx, ph: Color | undefined, groupFill?: Paint): Paint | undefined {
  if (!fill) return undefined;
  switch (fill.name) {
    case 'a:noFill':
      return NONE;
    case 'a:solidFill': {
      const c = colorIn(fill, ctx, ph);
      return c ? { color: `#${c.hex}`, opacity: c.alpha } : undefined;
    }
    case 'a:gradFill':
      return gradient(fill, ctx, ph);
    case 'a:pattFill': {
      const fg = colorIn(child(fill, 'a:fgClr'), ctx, ph);
      const bg = colorIn(child(fill, 'a:bgClr'), ctx, ph);
      if (!fg && !bg) return undefined;
      const hex = fg && bg ? mix(fg.hex, bg.hex, 0.5) : (fg ?? bg)!.hex;
      return { color: `#${hex}`, opacity: 1 };
    }
    case 'a:blipFill': {
      const picture = pictureOf(child(fill, 'a:blip'), ctx);
      if (!picture) return undefined;
      const id = newId(ctx);
      ctx.defs.list.push(
        `<pattern id="${id}" patternContentUnits="objectBoundingBox" width="1" height="1"><use href="#${picture}" width="1" height="1"/></pattern>`,
      );
      return { color: `url(#${id})`, opacity: blipAlpha(child(fill, 'a:blip')) };
    }
    case 'a:grpFill':
      return groupFill;
    default:
      return undefined;
  }
}

function gradient(fill: XmlElement, ctx: Ctx, ph?: Color): Paint | undefined {
  const stops = children(child(fill, 'a:gsLst'), 'a:gs')
    .map((gs) => ({ pos: clamp01(Number(gs.attrs.pos) / 100000), color: colorIn(gs, ctx, ph) }))
    .filter((s): s is { pos: number; color: Color } => !!s.color)
    .sort((a, b) => a.pos - b.pos);
  if (!stops.length) return undefined;
  const id = newId(ctx);
  const stopSvg = stops
    .map(
      (s) =>
        `<stop offset="${n(s.pos)}" stop-color="#${s.color.hex}"${s.color.alpha < 1 ? ` stop-opacity="${n(s.color.alpha)}"` : ''}/>`,
    )
    .join('');
  const shade = child(fill, 'a:path');
  if (shade) {
    // A path gradient (circle, rect, shape), from the middle of its focus out to the corners.
    const r = child(shade, 'a:fillToRect')?.attrs ?? {};
    const f = (k: string) => (Number(r[k]) || 0) / 100000;
    const cx = (f('l') + 1 - f('r')) / 2;
    const cy = (f('t') + 1 - f('b')) / 2;
    const radius = Math.max(...[0, 1].flatMap((x) => [0, 1].map((y) => Math.hypot(x - cx, y - cy))));
    ctx.defs.list.push(
      `<radialGradient id="${id}" cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}">${stopSvg}</radialGradient>`,
    );
  } else {
    const deg = (Number(child(fill, 'a:lin')?.attrs.ang) || 0) / 60000;
    const [dx, dy] = [Math.cos((deg * Math.PI) / 180) / 2, Math.sin((deg * Math.PI) / 180) / 2];
    ctx.defs.list.push(
      `<linearGradient id="${id}" x1="${n(0.5 - dx)}" y1="${n(0.5 - dy)}" x2="${n(0.5 + dx)}" y2="${n(0.5 + dy)}">${stopSvg}</linearGradient>`,
    );
  }
  return { color: `url(#${id})`, opacity: 1 };
}

/** A theme style list's entry for a style reference (`<a:fillRef idx="1">`), with its colour. */
function styleEntry(list: XmlElement[], ref: XmlElement | undefined, offset: number): XmlElement | undefined {
  const idx = Number(ref?.attrs.idx);
  return Number.isInteger(idx) && idx >= offset ? list[idx - offset] : undefined;
}

/** The fill of a shape: its own, else its style's. */
function shapeFill(spPr: XmlElement | undefined, style: XmlElement | undefined, ctx: Ctx, groupFill?: Paint): Paint {
  const own = spPr?.children.find((c) => FILLS.has(c.name));
  if (own) return paintOf(own, ctx, undefined, groupFill) ?? NONE;
  const ref = child(style, 'a:fillRef');
  if (!ref) return NONE;
  const idx = Number(ref.attrs.idx);
  const list = idx >= 1001 ? ctx.look.bgFillStyles : ctx.look.fillStyles;
  const entry = styleEntry(list, ref, idx >= 1001 ? 1001 : 1);
  return paintOf(entry, ctx, colorIn(ref, ctx)) ?? NONE;
}

const DASHES: Record<string, number[]> = {
  dash: [4, 3],
  sysDash: [3, 1],
  dot: [1, 3],
  sysDot: [1, 1],
  dashDot: [4, 3, 1, 3],
  sysDashDot: [3, 1, 1, 1],
  lgDash: [8, 3],
  lgDashDot: [8, 3, 1, 3],
  lgDashDotDot: [8, 3, 1, 3, 1, 3],
  sysDashDotDot: [3, 1, 1, 1, 1, 1],
};

/** The stroke attributes of a shape's line: its own `<a:ln>`, else its style's. Its width is in
 * EMU whatever groups the shape is in. */
function strokeOf(spPr: XmlElement | undefined, style: XmlElement | undefined, ctx: Ctx): string {
  const own = child(spPr, 'a:ln');
  const ref = child(style, 'a:lnRef');
  const themed = styleEntry(ctx.look.lineStyles, ref, 1);
  const refColor = colorIn(ref, ctx);
  const fillOf = (ln: XmlElement | undefined) => ln?.children.find((c) => FILLS.has(c.name));
  const fill = fillOf(own) ?? fillOf(themed);
  if (!fill) return '';
  let paint = paintOf(fill, ctx, refColor);
  if (fill.name === 'a:gradFill') {
    // A gradient line: its first colour.
    const first = colorIn(child(child(fill, 'a:gsLst'), 'a:gs'), ctx, refColor);
    paint = first ? { color: `#${first.hex}`, opacity: first.alpha } : undefined;
  }
  if (!paint || paint.color === 'none' || paint.color.startsWith('url(')) return '';
  const emu = Number(own?.attrs.w ?? themed?.attrs.w ?? 9525);
  // A zero width is the thinnest line the program draws (LibreOffice writes w="0" with noFill).
  const width = Math.max(0.5, (Number.isFinite(emu) ? emu : 9525) / EMU_PER_PT);
  const dash = DASHES[child(own, 'a:prstDash')?.attrs.val ?? child(themed, 'a:prstDash')?.attrs.val ?? ''];
  return (
    ` stroke="${paint.color}" stroke-width="${n(width)}"` +
    (paint.opacity < 1 ? ` stroke-opacity="${n(paint.opacity)}"` : '') +
    (dash ? ` stroke-dasharray="${dash.map((d) => n(d * width)).join(' ')}"` : '')
  );
}

const fillAttrs = (p: Paint) => ` fill="${p.color}"${p.opacity < 1 ? ` fill-opacity="${n(p.opacity)}"` : ''}`;

// Pictures.

const MIME: Array<[RegExp, string]> = [
  [/^\x89PNG/, 'image/png'],
  [/^\xff\xd8\xff/, 'image/jpeg'],
  [/^GIF8/, 'image/gif'],
  [/^BM/, 'image/bmp'],
  [/^RIFF[\s\S]{4}WEBP/, 'image/webp'],
];

const newId = (ctx: Ctx) => `${ID_PREFIX}${ctx.defs.next++}`;

/**
 * A picture of the template, defined once in the drawing however many shapes show it (a data:
 * URI in a symbol 1000 units square, stretched to the box a `<use>` gives it): its id, when it
 * is of a kind a browser shows.
 */
function pictureOf(blip: XmlElement | undefined, ctx: Ctx): string | undefined {
  const name = ctx.part.rels.get(blip?.attrs['r:embed'] ?? '');
  if (!name) return undefined;
  const known = ctx.defs.pictures.get(name);
  if (known !== undefined) return known ?? undefined;
  const bytes = ctx.t.parts.get(name);
  const head = bytes ? String.fromCharCode(...bytes.subarray(0, 12)) : '';
  let mime = MIME.find(([re]) => re.test(head))?.[1];
  if (bytes && !mime && /<svg[\s>]/.test(decoder.decode(bytes.subarray(0, 4096)))) mime = 'image/svg+xml';
  // EMF, WMF, TIFF and the like: left out.
  if (!bytes || !mime) {
    ctx.defs.pictures.set(name, null);
    return undefined;
  }
  const id = newId(ctx);
  const uri = `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
  ctx.defs.list.push(
    `<symbol id="${id}" viewBox="0 0 1000 1000" preserveAspectRatio="none"><image width="1000" height="1000" preserveAspectRatio="none" href="${uri}"/></symbol>`,
  );
  ctx.defs.pictures.set(name, id);
  return id;
}

function blipAlpha(blip: XmlElement | undefined): number {
  const amt = child(blip, 'a:alphaModFix')?.attrs.amt;
  return amt === undefined ? 1 : clamp01(Number(amt) / 100000);
}

// The background.

function background(bg: XmlElement | undefined, ctx: Ctx, t: OfficeTemplate): string {
  if (!bg) return '';
  const w = n(t.widthIn * 72);
  const h = n(t.heightIn * 72);
  const bgPr = child(bg, 'p:bgPr');
  const ref = child(bg, 'p:bgRef');
  let fill: XmlElement | undefined;
  let ph: Color | undefined;
  if (bgPr) fill = bgPr.children.find((c) => FILLS.has(c.name));
  else if (ref) {
    const idx = Number(ref.attrs.idx);
    fill = idx >= 1001 ? styleEntry(ctx.look.bgFillStyles, ref, 1001) : styleEntry(ctx.look.fillStyles, ref, 1);
    ph = colorIn(ref, ctx);
  }
  if (fill?.name === 'a:blipFill') {
    // A picture, stretched over the slide.
    const blip = child(fill, 'a:blip');
    const picture = pictureOf(blip, ctx);
    if (!picture) return '';
    const alpha = blipAlpha(blip);
    return `<use class="template-bg" href="#${picture}" x="0" y="0" width="${w}" height="${h}"${alpha < 1 ? ` opacity="${n(alpha)}"` : ''}/>`;
  }
  const paint = paintOf(fill, ctx, ph);
  if (!paint || paint.color === 'none') return '';
  return `<rect class="template-bg" x="0" y="0" width="${w}" height="${h}"${fillAttrs(paint)}/>`;
}

// Shapes.

/** The shapes of a shape tree or group, in order. `depth`: how deep in groups. */
function shapes(tree: XmlElement | undefined, map: Mapping, ctx: Ctx, depth: number, groupFill?: Paint): string {
  if (!tree || depth > 32) return '';
  let out = '';
  for (const el of tree.children) {
    try {
      out += shape(el, map, ctx, depth, groupFill);
    } catch {
      // A shape that does not read is left out; the others are drawn.
    }
  }
  return out;
}

function shape(el: XmlElement, map: Mapping, ctx: Ctx, depth: number, groupFill?: Paint): string {
  if (el.name === 'mc:AlternateContent') {
    const alt = child(el, 'mc:Fallback') ?? child(el, 'mc:Choice');
    return shapes(alt, map, ctx, depth + 1, groupFill);
  }
  if (!['p:sp', 'p:pic', 'p:cxnSp', 'p:grpSp'].includes(el.name)) return '';
  const nv = el.children.find((c) => c.name.startsWith('p:nv'));
  if (child(child(nv, 'p:nvPr'), 'p:ph') || child(nv, 'p:cNvPr')?.attrs.hidden === '1') return '';
  if (el.name === 'p:grpSp') return group(el, map, ctx, depth, groupFill);
  const spPr = child(el, 'p:spPr');
  const xfrm = child(spPr, 'a:xfrm');
  const box = boxOf(xfrm, map);
  if (!box) return '';
  const style = child(el, 'p:style');
  let inner: string;
  if (el.name === 'p:pic') {
    inner = picture(el, box, ctx) + outline(box, strokeOf(spPr, style, ctx));
  } else {
    const connector = el.name === 'p:cxnSp';
    const fill = connector ? NONE : shapeFill(spPr, style, ctx, groupFill);
    const stroke = strokeOf(spPr, style, ctx);
    inner = geometry(spPr, box, fill, stroke, connector, map);
    if (el.name === 'p:sp') inner += text(child(el, 'p:txBody'), box, style, ctx);
  }
  return inner ? transformed(inner, box, xfrm) : '';
}

function boxOf(xfrm: XmlElement | undefined, map: Mapping): Box | undefined {
  const off = child(xfrm, 'a:off')?.attrs;
  const ext = child(xfrm, 'a:ext')?.attrs;
  if (!off || !ext) return undefined;
  const [x, y, cx, cy] = [off.x, off.y, ext.cx, ext.cy].map(Number) as [number, number, number, number];
  if (![x, y, cx, cy].every(Number.isFinite) || cx < 0 || cy < 0) return undefined;
  return { x: map.tx + map.sx * x, y: map.ty + map.sy * y, w: map.sx * cx, h: map.sy * cy };
}

/** Rotation and flips, about the box's middle, as PowerPoint applies them: flip, then rotate. */
function transformed(inner: string, box: Box, xfrm: XmlElement | undefined): string {
  const rot = (Number(xfrm?.attrs.rot) || 0) / 60000;
  const flipH = xfrm?.attrs.flipH === '1' || xfrm?.attrs.flipH === 'true';
  const flipV = xfrm?.attrs.flipV === '1' || xfrm?.attrs.flipV === 'true';
  if (!rot && !flipH && !flipV) return inner;
  const cx = n(box.x + box.w / 2);
  const cy = n(box.y + box.h / 2);
  let t = rot ? `rotate(${n(rot)} ${cx} ${cy})` : '';
  if (flipH || flipV)
    t += ` translate(${cx} ${cy}) scale(${flipH ? -1 : 1} ${flipV ? -1 : 1}) translate(-${cx} -${cy})`;
  return `<g transform="${t.trim()}">${inner}</g>`;
}

function group(el: XmlElement, map: Mapping, ctx: Ctx, depth: number, groupFill?: Paint): string {
  const grpSpPr = child(el, 'p:grpSpPr');
  const xfrm = child(grpSpPr, 'a:xfrm');
  const box = boxOf(xfrm, map);
  const own = grpSpPr?.children.find((c) => FILLS.has(c.name));
  const fill = own ? (paintOf(own, ctx, undefined, groupFill) ?? groupFill) : groupFill;
  if (!box) return shapes(el, map, ctx, depth + 1, fill);
  // Children's coordinates: chOff/chExt mapped onto the group's off/ext.
  const off = child(xfrm, 'a:off')!.attrs;
  const ext = child(xfrm, 'a:ext')!.attrs;
  const chOff = child(xfrm, 'a:chOff')?.attrs ?? off;
  const chExt = child(xfrm, 'a:chExt')?.attrs ?? ext;
  const kx = Number(chExt.cx) > 0 ? Number(ext.cx) / Number(chExt.cx) : 1;
  const ky = Number(chExt.cy) > 0 ? Number(ext.cy) / Number(chExt.cy) : 1;
  const inner: Mapping = {
    sx: map.sx * kx,
    sy: map.sy * ky,
    tx: map.tx + map.sx * (Number(off.x) - Number(chOff.x) * kx),
    ty: map.ty + map.sy * (Number(off.y) - Number(chOff.y) * ky),
  };
  if (![inner.sx, inner.sy, inner.tx, inner.ty].every(Number.isFinite)) return '';
  const drawn = shapes(el, inner, ctx, depth + 1, fill);
  return drawn ? transformed(drawn, box, xfrm) : '';
}

function picture(el: XmlElement, box: Box, ctx: Ctx): string {
  const blipFill = child(el, 'p:blipFill');
  const blip = child(blipFill, 'a:blip');
  const picture = pictureOf(blip, ctx);
  if (!picture || box.w <= 0 || box.h <= 0) return '';
  const alpha = blipAlpha(blip);
  const opacity = alpha < 1 ? ` opacity="${n(alpha)}"` : '';
  const crop = child(blipFill, 'a:srcRect')?.attrs ?? {};
  const [l, t, r, b] = ['l', 't', 'r', 'b'].map((k) => (Number(crop[k]) || 0) / 100000) as [
    number,
    number,
    number,
    number,
  ];
  const whole = `<use class="template-picture" href="#${picture}" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}"${opacity}/>`;
  if (!l && !t && !r && !b) return whole;
  if (1 - l - r <= 0 || 1 - t - b <= 0) return '';
  // Cropped: the part of the picture the crop keeps, stretched to the box.
  return `<svg x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" viewBox="${n(l * 1000)} ${n(t * 1000)} ${n((1 - l - r) * 1000)} ${n((1 - t - b) * 1000)}" preserveAspectRatio="none"><use class="template-picture" href="#${picture}" width="1000" height="1000"${opacity}/></svg>`;
}

const outline = (box: Box, stroke: string) =>
  stroke ? `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" fill="none"${stroke}/>` : '';

/** A preset's adjust value (`<a:gd name="adj" fmla="val 25000"/>`), else its default. */
function adjust(prstGeom: XmlElement, name: string, fallback: number): number {
  const gd = children(child(prstGeom, 'a:avLst'), 'a:gd').find((g) => g.attrs.name === name);
  const v = Number(/^val\s+(-?\d+)$/.exec(gd?.attrs.fmla ?? '')?.[1]);
  return Number.isFinite(v) ? v / 100000 : fallback;
}

/** Preset outlines as points of the unit box (x, y, x, y… from 0 to 1), for the common shapes
 * that are polygons. */
type Outline = (adj: (name: string, fallback: number) => number, w: number, h: number) => number[];
const along = (adj: number, w: number, h: number) => (adj * Math.min(w, h)) / (w || 1);
const POLYGONS: Record<string, Outline> = {
  triangle: (a) => [a('adj', 0.5), 0, 1, 1, 0, 1],
  rtTriangle: () => [0, 0, 1, 1, 0, 1],
  diamond: () => [0.5, 0, 1, 0.5, 0.5, 1, 0, 0.5],
  parallelogram: (a, w, h) => {
    const k = along(a('adj', 0.25), w, h);
    return [0, 1, k, 0, 1, 0, 1 - k, 1];
  },
  trapezoid: (a, w, h) => {
    const k = along(a('adj', 0.25), w, h);
    return [0, 1, k, 0, 1 - k, 0, 1, 1];
  },
  homePlate: (a, w, h) => {
    const k = 1 - along(a('adj', 0.5), w, h);
    return [0, 0, k, 0, 1, 0.5, k, 1, 0, 1];
  },
  chevron: (a, w, h) => {
    const k = along(a('adj', 0.5), w, h);
    return [0, 0, 1 - k, 0, 1, 0.5, 1 - k, 1, 0, 1, k, 0.5];
  },
};

const LINES = new Set(['line', 'straightConnector1']);

function geometry(
  spPr: XmlElement | undefined,
  box: Box,
  fill: Paint,
  stroke: string,
  connector: boolean,
  map: Mapping,
): string {
  const prst = child(spPr, 'a:prstGeom');
  const cust = child(spPr, 'a:custGeom');
  const { x, y, w, h } = box;
  const paint = fillAttrs(fill) + stroke;
  if (cust) return customGeometry(cust, box, fill, stroke, map);
  const kind = prst?.attrs.prst ?? 'rect';
  if (LINES.has(kind) || connector)
    return stroke ? `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + w)}" y2="${n(y + h)}"${stroke}/>` : '';
  if (fill.color === 'none' && !stroke) return '';
  if (kind === 'ellipse')
    return `<ellipse cx="${n(x + w / 2)}" cy="${n(y + h / 2)}" rx="${n(w / 2)}" ry="${n(h / 2)}"${paint}/>`;
  if (kind === 'roundRect') {
    const r = Math.min(0.5, adjust(prst!, 'adj', 0.16667)) * Math.min(w, h);
    return `<rect class="template-shape" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" ry="${n(r)}"${paint}/>`;
  }
  const polygon = POLYGONS[kind];
  if (polygon && prst) {
    const xy = polygon((name, d) => adjust(prst, name, d), w, h);
    let points = '';
    for (let i = 0; i + 1 < xy.length; i += 2) points += `${n(x + xy[i]! * w)},${n(y + xy[i + 1]! * h)} `;
    return `<polygon points="${points.trim()}"${paint}/>`;
  }
  if (kind === 'flowChartDocument') {
    const X = (v: number) => n(x + (v / 21600) * w);
    const Y = (v: number) => n(y + (v / 21600) * h);
    return `<path d="M${X(0)} ${Y(0)}L${X(21600)} ${Y(0)}L${X(21600)} ${Y(17322)}C${X(10800)} ${Y(17322)} ${X(10800)} ${Y(23922)} ${X(0)} ${Y(20172)}Z"${paint}/>`;
  }
  // A rectangle, and any other preset as its bounding box.
  return `<rect class="template-shape" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"${paint}/>`;
}

/** The guides every shape has, as shares of its path's width or height. */
const BUILT_IN: Record<string, number> = { l: 0, t: 0, r: 1, b: 1, w: 1, h: 1, hc: 0.5, vc: 0.5, wd2: 0.5, hd2: 0.5 };

/** Custom geometry: each path scaled from its own coordinates (else the shape's EMU) to the box. */
function customGeometry(cust: XmlElement, box: Box, fill: Paint, stroke: string, map: Mapping): string {
  const guides = new Map<string, number>();
  for (const gd of children(child(cust, 'a:gdLst'), 'a:gd')) {
    const v = /^val\s+(-?\d+)$/.exec(gd.attrs.fmla ?? '')?.[1];
    if (gd.attrs.name && v !== undefined) guides.set(gd.attrs.name, Number(v));
  }
  let out = '';
  for (const p of children(child(cust, 'a:pathLst'), 'a:path')) {
    const pw = Number(p.attrs.w) || box.w / map.sx;
    const ph = Number(p.attrs.h) || box.h / map.sy;
    const value = (v: string | undefined, size: number): number => {
      if (v === undefined) throw new Error('no coordinate');
      if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
      const g = guides.get(v) ?? (Object.hasOwn(BUILT_IN, v) ? BUILT_IN[v]! * size : undefined);
      if (g === undefined) throw new Error(`guide ${v}`);
      return g;
    };
    const X = (v: string | undefined) => box.x + (value(v, pw) / pw) * box.w;
    const Y = (v: string | undefined) => box.y + (value(v, ph) / ph) * box.h;
    let d = '';
    let cur = { x: box.x, y: box.y };
    for (const c of p.children) {
      const pts = children(c, 'a:pt').map((pt) => ({ x: X(pt.attrs.x), y: Y(pt.attrs.y) }));
      if (c.name === 'a:moveTo' && pts[0]) d += `M${n(pts[0].x)} ${n(pts[0].y)}`;
      else if (c.name === 'a:lnTo' && pts[0]) d += `L${n(pts[0].x)} ${n(pts[0].y)}`;
      else if (c.name === 'a:cubicBezTo' && pts.length === 3)
        d += `C${pts.map((q) => `${n(q.x)} ${n(q.y)}`).join(' ')}`;
      else if (c.name === 'a:quadBezTo' && pts.length === 2) d += `Q${pts.map((q) => `${n(q.x)} ${n(q.y)}`).join(' ')}`;
      else if (c.name === 'a:arcTo') {
        const rx = (value(c.attrs.wR, pw) / pw) * box.w;
        const ry = (value(c.attrs.hR, ph) / ph) * box.h;
        const st = ((Number(c.attrs.stAng) || 0) / 60000) * (Math.PI / 180);
        const sw = ((Number(c.attrs.swAng) || 0) / 60000) * (Math.PI / 180);
        const cx = cur.x - rx * Math.cos(st);
        const cy = cur.y - ry * Math.sin(st);
        // A full turn in two halves: an SVG arc from a point to itself draws nothing.
        const turns = Math.abs(sw) >= 2 * Math.PI - 1e-6 ? [sw / 2, sw / 2] : [sw];
        let at = st;
        for (const part of turns) {
          at += part;
          const end = { x: cx + rx * Math.cos(at), y: cy + ry * Math.sin(at) };
          d += `A${n(rx)} ${n(ry)} 0 ${Math.abs(part) > Math.PI ? 1 : 0} ${part > 0 ? 1 : 0} ${n(end.x)} ${n(end.y)}`;
          cur = end;
        }
        continue;
      } else if (c.name === 'a:close') d += 'Z';
      else continue;
      const last = pts[pts.length - 1];
      if (last) cur = last;
    }
    if (!d) continue;
    const noFill = p.attrs.fill === 'none' || fill.color === 'none';
    const noStroke = p.attrs.stroke === '0' || p.attrs.stroke === 'false' || !stroke;
    if (noFill && noStroke) continue;
    out += `<path d="${d}"${noFill ? ' fill="none"' : fillAttrs(fill)}${noStroke ? '' : stroke}/>`;
  }
  return out;
}

// Text of shapes that are not placeholders.

interface TextRun {
  text: string;
  size: number;
  color: Color;
  bold: boolean;
  italic: boolean;
  font: Faces;
}

const ALIGN: Record<string, 'start' | 'middle' | 'end'> = { ctr: 'middle', r: 'end', dist: 'middle' };

/** A run, or a field with its text as last shown; not a slide number: one drawing serves every
 * slide on the layout. */
const shown = (r: XmlElement) => r.name === 'a:r' || (r.name === 'a:fld' && r.attrs.type !== 'slidenum');

/** The runs' text, simply set in the box: sizes, colours, bold, alignment, line breaks, wrapping
 * at the box's width as the layout measures text. */
function text(txBody: XmlElement | undefined, box: Box, style: XmlElement | undefined, ctx: Ctx): string {
  if (!txBody) return '';
  const paragraphs = children(txBody, 'a:p');
  if (!paragraphs.some((p) => p.children.some((r) => shown(r) && child(r, 'a:t')?.text))) return '';
  const bodyPr = child(txBody, 'a:bodyPr')?.attrs ?? {};
  const inset = (k: string, d: number) => (Number(bodyPr[k] ?? d) || 0) / EMU_PER_PT;
  const left = box.x + inset('lIns', 91440);
  const width = box.w - inset('lIns', 91440) - inset('rIns', 91440);
  const top = box.y + inset('tIns', 45720);
  const height = box.h - inset('tIns', 45720) - inset('bIns', 45720);
  const scale = (Number(child(child(txBody, 'a:bodyPr'), 'a:normAutofit')?.attrs.fontScale) || 100000) / 100000;
  const wrap = bodyPr.wrap !== 'none';
  const defaults = path(txBody, 'a:lstStyle', 'a:lvl1pPr', 'a:defRPr');
  const fontRef = child(style, 'a:fontRef');
  const base: TextRun = {
    text: '',
    size: 18,
    color: colorIn(fontRef, ctx) ?? { hex: ctx.look.scheme[ctx.look.clrMap.tx1 ?? 'dk1'] ?? '000000', alpha: 1 },
    bold: false,
    italic: false,
    font: fontRef?.attrs.idx === 'major' ? ctx.look.fonts.major : ctx.look.fonts.minor,
  };
  const withProps = (r: TextRun, rPr: XmlElement | undefined): TextRun => {
    if (!rPr) return r;
    const size = Number(rPr.attrs.sz) / 100;
    const fill = child(rPr, 'a:solidFill');
    return {
      ...r,
      ...(size > 0 ? { size } : {}),
      ...(rPr.attrs.b !== undefined ? { bold: rPr.attrs.b === '1' || rPr.attrs.b === 'true' } : {}),
      ...(rPr.attrs.i !== undefined ? { italic: rPr.attrs.i === '1' || rPr.attrs.i === 'true' } : {}),
      ...(fill ? { color: colorIn(fill, ctx) ?? r.color } : {}),
      font: {
        latin: typeface(child(rPr, 'a:latin')?.attrs.typeface, ctx) ?? r.font.latin,
        ea: typeface(child(rPr, 'a:ea')?.attrs.typeface, ctx) ?? r.font.ea,
      },
    };
  };
  const start = withProps(base, defaults);
  // Each paragraph's lines: runs broken at <a:br/> and where the width ends.
  const lines: Array<{ runs: TextRun[]; align: 'start' | 'middle' | 'end'; height: number; size: number }> = [];
  for (const p of paragraphs) {
    const align = ALIGN[child(p, 'a:pPr')?.attrs.algn ?? ''] ?? 'start';
    const segments: TextRun[][] = [[]];
    for (const r of p.children) {
      if (r.name === 'a:br') segments.push([]);
      else if (shown(r)) {
        const run = withProps(start, child(r, 'a:rPr'));
        const t = child(r, 'a:t')?.text ?? '';
        if (t) segments[segments.length - 1]!.push({ ...run, text: t, size: run.size * scale });
      }
    }
    const empty = withProps(start, child(p, 'a:endParaRPr'));
    for (const seg of segments) {
      const size = Math.max(empty.size * scale, ...seg.map((r) => r.size));
      for (const line of wrap ? wrapped(seg, width, size) : [seg])
        lines.push({ runs: line, align, size, height: size * 1.2 });
    }
  }
  const total = lines.reduce((s, l) => s + l.height, 0);
  const anchor = bodyPr.anchor;
  let y = anchor === 'ctr' ? top + (height - total) / 2 : anchor === 'b' ? top + height - total : top;
  let out = '';
  for (const line of lines) {
    const x = line.align === 'start' ? left : line.align === 'middle' ? left + width / 2 : left + width;
    const spans = line.runs
      .map(
        (r) =>
          `<tspan font-family="${esc(family(r.font))}" font-size="${n(r.size)}" fill="#${r.color.hex}"${r.color.alpha < 1 ? ` fill-opacity="${n(r.color.alpha)}"` : ''}${r.bold ? ' font-weight="bold"' : ''}${r.italic ? ' font-style="italic"' : ''}>${esc(r.text)}</tspan>`,
      )
      .join('');
    if (spans)
      out += `<text class="template-text" x="${n(x)}" y="${n(y + line.size * 0.95)}" text-anchor="${line.align}" xml:space="preserve" style="white-space:pre">${spans}</text>`;
    y += line.height;
  }
  return out;
}

/** `+mj-lt`, `+mn-ea`…: the theme's fonts. */
function typeface(face: string | undefined, ctx: Ctx): string | undefined {
  if (!face) return undefined;
  const m = /^\+(mj|mn)-(lt|ea|cs)$/.exec(face);
  if (!m) return face;
  const f = m[1] === 'mj' ? ctx.look.fonts.major : ctx.look.fonts.minor;
  return m[2] === 'ea' ? f.ea : f.latin;
}

const family = (f: Faces) =>
  [f.latin, f.ea]
    .filter(Boolean)
    .map((x) => `'${x.replace(/['\\]/g, '')}'`)
    .concat('sans-serif')
    .join(', ');

/** One line's runs broken where the layout's line breaking would, at the paragraph's largest size. */
function wrapped(runs: TextRun[], width: number, size: number): TextRun[][] {
  const all = runs.map((r) => r.text).join('');
  if (!all || width <= 0) return [runs];
  const first = runs[0]!;
  const lines = breakLines(all, width / size, latinMetricsFor(first.font.latin, first.bold));
  if (lines.length <= 1) return [runs];
  // Where each line starts in the text (a wrapped line's spaces stay at the end of the one before).
  const starts: number[] = [];
  let pos = 0;
  for (const line of lines) {
    const at = line.text === '' ? -1 : all.indexOf(line.text, pos);
    starts.push(at < 0 ? pos : at);
    pos = (at < 0 ? pos : at) + line.text.length;
  }
  starts[0] = 0;
  return starts.map((from, i) => sliceTexts(runs, from, starts[i + 1] ?? all.length));
}
