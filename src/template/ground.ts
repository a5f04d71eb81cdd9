/**
 * What a placeholder's text stands on, when that is one colour: the topmost of the master's and
 * the layout's own shapes under it (as PowerPoint draws a slide on a layout: the master's shapes
 * unless the layout hides them, then the layout's), else the layout's background (or its
 * master's; white when neither has one, as PowerPoint and LibreOffice show it).
 *
 * Only what is surely one colour counts: an opaque solid rectangle that covers the whole box, or
 * a one-colour background with nothing drawn over the box. A picture, a gradient, a shape of
 * another outline or one that covers only part of the box, a picture or gradient background:
 * then the ground is not known, and the text's colour is left as the template has it.
 * Placeholders are left out: on a slide they hold briefdeck's text (with no fill of their own).
 */
import { applyMods } from './color.js';
import { child, path, type XmlElement } from './xml.js';

/** A box in inches, from the slide's top left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The colours a master (with a layout's colour map, if it overrides it) gives its shapes. */
export interface Palette {
  /** The theme's colour scheme: `dk1`, `lt1`, `accent1`… as `RRGGBB`. */
  scheme: Record<string, string>;
  /** `bg1` → `lt1`, `tx1` → `dk1`…: the master's colour map, or the layout's override of it. */
  clrMap: Record<string, string>;
  /** The theme's background fill styles (`<a:bgFillStyleLst>`), for `<p:bgRef idx="1001">`. */
  bgFills: XmlElement[];
}

const EMU = 914400;
/** A shape this close to covering the box covers it (in inches): boxes are rounded when written. */
const SLACK = 0.02;

/** The shapes a slide on `layout` shows under its own, in drawing order, each with its colours:
 * the master's (unless the layout hides them), then the layout's. */
function drawnOn(
  master: XmlElement,
  layout: XmlElement,
  palettes: { master: Palette; layout: Palette },
): Array<{ el: XmlElement; palette: Palette }> {
  const hidden = layout.attrs.showMasterSp === '0' || layout.attrs.showMasterSp === 'false';
  return [
    ...(hidden ? [] : shapesOf(master).map((el) => ({ el, palette: palettes.master }))),
    ...shapesOf(layout).map((el) => ({ el, palette: palettes.layout })),
  ];
}

/** The colour under `box` on a slide on `layout` (a `<p:sldLayout>`) of `master` (a `<p:sldMaster>`). */
export function groundUnder(
  box: Box,
  master: XmlElement,
  layout: XmlElement,
  palettes: { master: Palette; layout: Palette },
): string | undefined {
  const drawn = drawnOn(master, layout, palettes);
  for (let i = drawn.length - 1; i >= 0; i--) {
    const { el, palette } = drawn[i]!;
    const b = boxOf(el);
    // Something drawn that cannot be placed: what is under the text is not known.
    if (!b) return undefined;
    if (!overlaps(b, box)) continue;
    const paint = paintOf(el, palette);
    if (paint === 'clear') continue;
    return paint?.rect && paint.colors.length === 1 && covers(b, box) ? paint.colors[0] : undefined;
  }
  return slideBackground(master, layout, palettes);
}

/**
 * Every colour that may be under `box`, when each is known: the topmost shapes over it down to
 * one that covers it (a solid rectangle), each solid fill of any outline and each stop of a
 * gradient, then the background. Not known (undefined) where a picture, a pattern, a turned
 * shape or a background that is not one colour may show under it. For text that must read on
 * all of them (a footer across a slide whose corners are drawn on).
 */
export function groundsUnder(
  box: Box,
  master: XmlElement,
  layout: XmlElement,
  palettes: { master: Palette; layout: Palette },
): string[] | undefined {
  const out = new Set<string>();
  const drawn = drawnOn(master, layout, palettes);
  for (let i = drawn.length - 1; i >= 0; i--) {
    const { el, palette } = drawn[i]!;
    const b = boxOf(el);
    if (!b) return undefined;
    if (!overlaps(b, box)) continue;
    const paint = paintOf(el, palette);
    if (paint === 'clear') continue;
    if (!paint) return undefined;
    for (const c of paint.colors) out.add(c);
    if (paint.rect && covers(b, box)) return [...out];
  }
  const bg = slideBackground(master, layout, palettes);
  return bg ? [...out.add(bg)] : undefined;
}

/**
 * `box` kept clear of what the master and the layout draw across its top or its bottom: a shape
 * (not a placeholder, not a bare line) over at least half its width whose top is in its lower half
 * (a band, a wave: the box ends above it) or whose bottom is in its upper half (it starts below).
 * What spans its middle (a picture behind everything) is a background, not a band. Unchanged if
 * that would leave under two thirds of its height.
 */
export function clearOfBands(
  box: Box,
  master: XmlElement,
  layout: XmlElement,
  palettes: { master: Palette; layout: Palette },
): Box {
  const drawn = drawnOn(master, layout, palettes);
  const middle = box.y + box.h / 2;
  let top = box.y;
  let bottom = box.y + box.h;
  for (const { el, palette } of drawn) {
    const b = boxOf(el);
    if (!b || !overlaps(b, box) || paintOf(el, palette) === 'clear') continue;
    if (Math.min(b.x + b.w, box.x + box.w) - Math.max(b.x, box.x) < box.w / 2) continue;
    if (b.y > middle) bottom = Math.min(bottom, b.y);
    else if (b.y + b.h < middle) top = Math.max(top, b.y + b.h);
  }
  return bottom - top >= (box.h * 2) / 3 && (top > box.y || bottom < box.y + box.h)
    ? { ...box, y: top, h: bottom - top }
    : box;
}

/** The layout's background (or its master's) as one colour; white when neither has one. */
function slideBackground(
  master: XmlElement,
  layout: XmlElement,
  palettes: { master: Palette; layout: Palette },
): string | undefined {
  const layoutBg = path(layout, 'p:cSld', 'p:bg');
  if (layoutBg) return backgroundColor(layoutBg, palettes.layout);
  const masterBg = path(master, 'p:cSld', 'p:bg');
  return masterBg ? backgroundColor(masterBg, palettes.master) : 'FFFFFF';
}

/** What the spTree draws, in order: its shapes, groups, pictures…, not its placeholders. */
function shapesOf(part: XmlElement): XmlElement[] {
  const tree = path(part, 'p:cSld', 'p:spTree');
  return (tree?.children ?? []).filter(
    (el) =>
      !['p:nvGrpSpPr', 'p:grpSpPr', 'p:extLst'].includes(el.name) &&
      !(el.name === 'p:sp' && path(el, 'p:nvSpPr', 'p:nvPr', 'p:ph')),
  );
}

function boxOf(el: XmlElement): Box | undefined {
  const xfrm =
    el.name === 'p:grpSp'
      ? path(el, 'p:grpSpPr', 'a:xfrm')
      : el.name === 'p:graphicFrame'
        ? child(el, 'p:xfrm')
        : el.name === 'p:sp' || el.name === 'p:pic' || el.name === 'p:cxnSp'
          ? path(el, 'p:spPr', 'a:xfrm')
          : undefined;
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  const [x, y, w, h] = [off?.attrs.x, off?.attrs.y, ext?.attrs.cx, ext?.attrs.cy].map(Number);
  if (![x, y, w, h].every((v) => Number.isFinite(v))) return undefined;
  return { x: x! / EMU, y: y! / EMU, w: w! / EMU, h: h! / EMU };
}

const overlaps = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.005 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.005;

const covers = (outer: Box, inner: Box) =>
  outer.x <= inner.x + SLACK &&
  outer.y <= inner.y + SLACK &&
  outer.x + outer.w >= inner.x + inner.w - SLACK &&
  outer.y + outer.h >= inner.y + inner.h - SLACK;

const FILLS = new Set(['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill']);

/** A shape's paint over its box: clear (nothing, or only a line), its colours (one for a solid
 * fill, its stops for a gradient; `rect` when it fills all its box), or not known (undefined). */
function paintOf(el: XmlElement, palette: Palette): 'clear' | { colors: string[]; rect: boolean } | undefined {
  if (el.name === 'p:cxnSp') return 'clear';
  if (el.name !== 'p:sp') return undefined;
  const spPr = child(el, 'p:spPr');
  const own = spPr?.children.find((c) => FILLS.has(c.name));
  if (!own) {
    // No fill of its own: its style's, when it names one (idx 0 is none).
    const ref = path(el, 'p:style', 'a:fillRef');
    return !ref || Number(ref.attrs.idx) === 0 ? 'clear' : undefined;
  }
  if (own.name === 'a:noFill') return 'clear';
  // A turned shape is not where its box says.
  if (Number(path(spPr, 'a:xfrm')?.attrs.rot ?? 0) % 10800000 !== 0) return undefined;
  const rect = child(spPr, 'a:prstGeom')?.attrs.prst === 'rect';
  if (own.name === 'a:solidFill') {
    const color = opaque(own, palette);
    return color ? { colors: [color], rect } : undefined;
  }
  if (own.name === 'a:gradFill') {
    const stops = (child(own, 'a:gsLst')?.children ?? []).map((gs) => opaque(gs, palette));
    return stops.length && stops.every((c) => c) ? { colors: stops as string[], rect } : undefined;
  }
  return undefined;
}

function backgroundColor(bg: XmlElement, palette: Palette): string | undefined {
  const bgPr = child(bg, 'p:bgPr');
  if (bgPr) {
    const fill = bgPr.children.find((c) => FILLS.has(c.name));
    return fill?.name === 'a:solidFill' ? opaque(fill, palette) : undefined;
  }
  // A reference to the theme's background styles (1001 is the first), in the colour it names.
  const ref = child(bg, 'p:bgRef');
  const style = palette.bgFills[Number(ref?.attrs.idx) - 1001];
  if (!ref || style?.name !== 'a:solidFill') return undefined;
  return opaque(style, palette, colorIn(ref, palette));
}

/** A solid fill's colour when it is opaque. */
function opaque(fill: XmlElement, palette: Palette, ph?: string): string | undefined {
  const c = fill.children.find((x) => COLORS.has(x.name));
  if (!c || c.children.some((m) => (m.name === 'a:alpha' || m.name === 'a:alphaMod') && Number(m.attrs.val) < 100000))
    return undefined;
  return colorOf(c, palette, ph);
}

const COLORS = new Set(['a:srgbClr', 'a:schemeClr', 'a:sysClr', 'a:prstClr']);

const colorIn = (el: XmlElement | undefined, palette: Palette): string | undefined => {
  const c = el?.children.find((x) => COLORS.has(x.name));
  return c ? colorOf(c, palette) : undefined;
};

function colorOf(c: XmlElement, palette: Palette, ph?: string): string | undefined {
  const v = c.attrs.val ?? '';
  const base =
    c.name === 'a:srgbClr'
      ? v
      : c.name === 'a:sysClr'
        ? c.attrs.lastClr
        : c.name === 'a:prstClr'
          ? ({ white: 'FFFFFF', black: '000000' } as Record<string, string>)[v]
          : v === 'phClr'
            ? ph
            : palette.scheme[palette.clrMap[v] ?? v];
  if (!base || !/^[0-9a-f]{6}$/i.test(base)) return undefined;
  // applyMods reads the changes as the template's XML writes them, in their order.
  const mods = c.children.map((m) => `<${m.name} val="${Number(m.attrs.val) || 0}"/>`).join('');
  return applyMods(base.toUpperCase(), mods);
}
