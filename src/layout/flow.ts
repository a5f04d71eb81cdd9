/**
 * The fit: one body size for all panels of a slide, from the theme's body size down to its
 * minimum. When a unit does not fit on one slide even at the minimum, it continues on as few
 * further slides as possible, each panel's items shared out evenly so every slide keeps the
 * same panels (each with its label); then the largest size at which those slides fit is used
 * for all of them. An item is split only when it alone is too tall to share a slide. Nothing
 * is dropped or cut.
 */
import type { Box } from './plan.js';
import { arrange, BODY_INSETS, headerHeight, STRIP, type PanelContent, type PanelSlide } from './panels.js';
import {
  BODY_PITCH,
  FIT_SLACK,
  PT_PER_IN,
  lineCount,
  metricsOf,
  splitItem,
  textWidthEmFor,
  type ListItem,
} from './text.js';
import type { Theme } from '../theme/types.js';

export interface FlowResult {
  slides: PanelSlide[];
  fromPt: number;
  toPt: number;
  splitItems: number;
}

/** The most continuation slides the even share-out tries before placing items one by one. */
const MAX_EVEN_SLIDES = 40;

/** Fit panels on one slide if any size allows, else continue over as many slides as needed. */
export interface FlowOptions {
  /** The first slide's region, when its title takes more or less room. */
  firstRegion?: Box;
  /** Largest body size to try; default the theme's body size. */
  maxPt?: number;
}

/** Undefined when not even one line of text fits under the title at the minimum size: the
 * title and footer take the whole slide (a theme is checked for this; see room.ts). */
export function fitFlow(
  panels: PanelContent[],
  region: Box,
  theme: Theme,
  options: FlowOptions = {},
): FlowResult | undefined {
  const firstRegion = options.firstRegion ?? region;
  const body = options.maxPt ?? theme.sizes.body;
  const { minimum } = theme.sizes;
  const present = panels.filter((p) => p.items.length > 0);
  for (let pt = body; pt >= minimum; pt -= 1) {
    const a = arrange(present, firstRegion, pt, theme);
    if (a) return { slides: [{ sizePt: pt, placements: a.placements }], fromPt: body, toPt: pt, splitItems: 0 };
  }
  return (
    evenFlow(present, region, theme, firstRegion, body) ?? sequentialFlow(present, region, theme, firstRegion, body)
  );
}

/** Lines an item takes at the minimum size in a column of the given width. */
function linesAt(item: ListItem, p: PanelContent, width: number, pt: number): number {
  return lineCount(item.text, textWidthEmFor(width - STRIP, BODY_INSETS, p.style, pt, 99), metricsOf(item, p.style));
}

/** How many lines of one item fit in a panel of this height. */
function maxLines(p: PanelContent, box: { w: number; h: number }, pt: number, theme: Theme): number {
  const avail = (box.h - headerHeight(theme, p.label, box.w)) * FIT_SLACK - BODY_INSETS.top - BODY_INSETS.bottom;
  const perLine = (pt * (p.style.pitch ?? BODY_PITCH)) / PT_PER_IN;
  const spaceAfter = (p.style.spaceAfterEm * pt) / PT_PER_IN;
  return Math.max(1, Math.floor((avail - spaceAfter) / perLine));
}

/** Share items out over n slides, consecutive and of about equal height. */
function shareOut(items: ListItem[], heights: number[], n: number): ListItem[][] {
  const total = heights.reduce((a, b) => a + b, 0);
  const chunks: ListItem[][] = Array.from({ length: n }, () => []);
  let before = 0;
  items.forEach((item, j) => {
    const h = heights[j]!;
    // By where the item starts, so a panel with little content sits on the first slide.
    const k = Math.min(n - 1, Math.floor((before / total) * n + 1e-9));
    chunks[k]!.push(item);
    before += h;
  });
  return chunks;
}

function evenFlow(
  panels: PanelContent[],
  region: Box,
  theme: Theme,
  firstRegion: Box,
  body: number,
): FlowResult | undefined {
  const { minimum } = theme.sizes;
  // Columns are at least this wide when panels share a slide; an item taller than half such a
  // panel is split first, so it can share a slide with the other panels.
  const colW = panels.length === 1 ? region.w : region.w * 0.4;
  const cap =
    panels.length === 1
      ? maxLines(panels[0]!, { w: colW, h: Math.min(region.h, firstRegion.h) }, minimum, theme)
      : Math.max(
          1,
          Math.floor(maxLines(panels[0]!, { w: colW, h: Math.min(region.h, firstRegion.h) }, minimum, theme) / 2),
        );
  let splitItems = 0;
  const prepared = panels.map((p) => {
    const items = p.items.flatMap((item) => {
      if (linesAt(item, p, colW, minimum) <= cap) return [item];
      splitItems++;
      return splitItem(
        item,
        textWidthEmFor(colW - STRIP, BODY_INSETS, p.style, minimum, 99),
        cap,
        cap,
        metricsOf(item, p.style),
      );
    });
    return { ...p, items };
  });
  const heights = prepared.map((p) => p.items.map((item) => linesAt(item, p, colW, minimum) + p.style.spaceAfterEm));
  for (let n = 2; n <= MAX_EVEN_SLIDES; n++) {
    const chunks = prepared.map((p, i) => shareOut(p.items, heights[i]!, n));
    const slidesAt = (pt: number): PanelSlide[] | undefined => {
      const out: PanelSlide[] = [];
      const numbers = prepared.map((p) => p.numberFrom ?? 1);
      for (let s = 0; s < n; s++) {
        const content: PanelContent[] = [];
        prepared.forEach((p, i) => {
          const items = chunks[i]![s]!;
          if (items.length) content.push({ ...p, items, numberFrom: numbers[i]! });
          numbers[i]! += items.filter((it) => !it.continued).length;
        });
        if (content.length === 0) continue;
        const a = arrange(content, s === 0 ? firstRegion : region, pt, theme);
        if (!a) return undefined;
        out.push({ sizePt: pt, placements: a.placements });
      }
      return out;
    };
    if (!slidesAt(minimum)) continue;
    // As few slides as possible; then the largest size at which they all fit.
    for (let pt = body; pt >= minimum; pt -= 1) {
      const slides = slidesAt(pt);
      if (slides) return { slides, fromPt: body, toPt: pt, splitItems };
    }
  }
  return undefined;
}

interface FlowItem {
  panel: number;
  item: ListItem;
}

/** Fallback: fill each slide with as many items as fit, in order, at the minimum size. */
function sequentialFlow(
  panels: PanelContent[],
  region: Box,
  theme: Theme,
  firstRegion: Box,
  body: number,
): FlowResult | undefined {
  const pt = theme.sizes.minimum;
  const queue: FlowItem[] = panels.flatMap((p, panel) => p.items.map((item) => ({ panel, item })));
  const numbers = panels.map((p) => p.numberFrom ?? 1);
  const slides: PanelSlide[] = [];
  let splitItems = 0;
  const group = (items: FlowItem[]): PanelContent[] => {
    const out: PanelContent[] = [];
    panels.forEach((p, i) => {
      const mine = items.filter((f) => f.panel === i).map((f) => f.item);
      if (mine.length) out.push({ ...p, items: mine, numberFrom: numbers[i]! });
    });
    return out;
  };
  while (queue.length > 0) {
    const reg = slides.length === 0 ? firstRegion : region;
    let k = 0;
    let fitted: ReturnType<typeof arrange>;
    for (let n = 1; n <= queue.length; n++) {
      const a = arrange(group(queue.slice(0, n)), reg, pt, theme);
      if (!a) break;
      k = n;
      fitted = a;
    }
    if (k === 0 || !fitted) {
      // The first item alone does not fit: cut it at line boundaries into pieces that do.
      const head = queue[0]!;
      const p = panels[head.panel]!;
      const widthEm = textWidthEmFor(reg.w - STRIP, BODY_INSETS, p.style, pt, 99);
      const pieces = splitItem(
        head.item,
        widthEm,
        maxLines(p, reg, pt, theme),
        maxLines(p, region, pt, theme),
        metricsOf(head.item, p.style),
      );
      // One line that does not fit on a slide of its own: there is no room under the title.
      if (pieces.length < 2) return undefined;
      splitItems++;
      queue.splice(0, 1, ...pieces.map((item) => ({ panel: head.panel, item })));
      continue;
    }
    slides.push({ sizePt: pt, placements: fitted.placements });
    for (const f of queue.slice(0, k)) if (!f.item.continued) numbers[f.panel]!++;
    queue.splice(0, k);
  }
  return { slides, fromPt: body, toPt: pt, splitItems };
}
