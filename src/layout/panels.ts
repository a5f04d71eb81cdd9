/**
 * Labelled panels and the fit: one body size for all panels of a slide, from the theme's body
 * size down to its minimum; panel widths adapt to their content; below the minimum the content
 * continues on further slides, split between items where possible and inside an item only when
 * that item alone cannot fit. Nothing is dropped.
 */
import type { Box, Shape } from './plan.js';
import { FIT_SLACK, PT_PER_IN, TITLE_PITCH, itemText, listHeight, listParagraphs, round2, splitItem, textWidthEmFor, type ListItem, type ListStyle } from './text.js';
import { lineCount } from './text.js';
import type { Theme } from '../theme/types.js';

export interface PanelContent {
  key: string;
  label: string;
  color: string;
  items: ListItem[];
  style: ListStyle;
  /** First number of a numbered list (continues across slides). */
  numberFrom?: number;
}

export interface Placement {
  panel: PanelContent;
  box: Box;
}

export interface PanelSlide {
  sizePt: number;
  placements: Placement[];
}

export interface FlowResult {
  slides: PanelSlide[];
  fromPt: number;
  toPt: number;
  splitItems: number;
}

const GAP = 0.22;
const STRIP = 0.07;
export const BODY_INSETS = { left: 0.16, right: 0.16, top: 0.06, bottom: 0.1 };

export function headerHeight(theme: Theme): number {
  return round2((theme.sizes.heading * TITLE_PITCH) / PT_PER_IN + 0.14);
}

/** Height in inches a panel needs at a width and size: header plus its list. */
function panelNeed(p: PanelContent, w: number, sizePt: number, theme: Theme): number {
  return headerHeight(theme) + listHeight(p.items, w - STRIP, BODY_INSETS, p.style, sizePt, p.numberFrom ?? 1) / FIT_SLACK;
}

/** Width fractions the first column may take: content decides within these limits. */
const SPLITS = [0.5, 0.45, 0.55, 0.4, 0.6, 0.65, 0.35];

interface Arrangement {
  placements: Placement[];
  /** The fullest column's fill ratio (need / room): lower is more balanced. */
  fill: number;
}

/** Try every allowed arrangement of these panels in the region at one size; the most balanced that fits. */
export function arrange(panels: PanelContent[], region: Box, sizePt: number, theme: Theme): Arrangement | undefined {
  if (panels.length === 0) return { placements: [], fill: 0 };
  const columnsOf = (): PanelContent[][][] => {
    if (panels.length === 1) return [[panels]];
    if (panels.length === 2) return [[[panels[0]!], [panels[1]!]]];
    return [[[panels[0]!], panels.slice(1)]];
  };
  let best: Arrangement | undefined;
  for (const cols of columnsOf()) {
    const splits = cols.length === 1 ? [1] : SPLITS;
    for (const f of splits) {
      const widths = cols.length === 1 ? [region.w] : [region.w * f - GAP / 2, region.w * (1 - f) - GAP / 2];
      const a = stackColumns(cols, widths, region, sizePt, theme);
      if (a && (!best || a.fill < best.fill - 1e-6)) best = a;
    }
  }
  return best;
}

function stackColumns(cols: PanelContent[][], widths: number[], region: Box, sizePt: number, theme: Theme): Arrangement | undefined {
  const placements: Placement[] = [];
  let fill = 0;
  let x = region.x;
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c]!;
    const w = widths[c]!;
    const needs = col.map((p) => panelNeed(p, w, sizePt, theme));
    const room = region.h - GAP * (col.length - 1);
    const total = needs.reduce((a, b) => a + b, 0);
    if (total > room) return undefined;
    fill = Math.max(fill, total / room);
    // Share the spare room in proportion to need, so the panels look evenly filled.
    let y = region.y;
    col.forEach((panel, i) => {
      const h = col.length === 1 ? room : (needs[i]! / total) * room;
      placements.push({ panel, box: { x: round2(x), y: round2(y), w: round2(w), h: round2(h) } });
      y += h + GAP;
    });
    x += w + GAP;
  }
  return { placements, fill };
}

/** Fit panels on one slide if any size allows, else continue over as many slides as needed. */
export function fitFlow(panels: PanelContent[], region: Box, theme: Theme, firstRegion: Box = region): FlowResult {
  const { body, minimum } = theme.sizes;
  const present = panels.filter((p) => p.items.length > 0);
  for (let pt = body; pt >= minimum; pt -= 1) {
    const a = arrange(present, firstRegion, pt, theme);
    if (a) return { slides: [{ sizePt: pt, placements: a.placements }], fromPt: body, toPt: pt, splitItems: 0 };
  }
  return continueFlow(present, region, theme, firstRegion);
}

interface FlowItem {
  panel: number;
  item: ListItem;
}

function continueFlow(panels: PanelContent[], region: Box, theme: Theme, firstRegion: Box): FlowResult {
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
    let fitted: Arrangement | undefined;
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
      const lines = maxLinesAlone(p, reg, pt, theme);
      const widthEm = textWidthEmFor(reg.w - STRIP, BODY_INSETS, p.style, pt, (numbers[head.panel] ?? 1) + p.items.length);
      const pieces = splitItem(head.item, widthEm, lines, maxLinesAlone(p, region, pt, theme));
      if (pieces.length < 2) throw new Error(`layout bug: cannot place an item of ${lineCount(itemText(head.item), widthEm)} lines`);
      splitItems++;
      queue.splice(0, 1, ...pieces.map((item) => ({ panel: head.panel, item })));
      continue;
    }
    slides.push({ sizePt: pt, placements: fitted.placements });
    for (const f of queue.slice(0, k)) if (!f.item.continued) numbers[f.panel]!++;
    queue.splice(0, k);
  }
  return { slides, fromPt: theme.sizes.body, toPt: pt, splitItems };
}

/** How many lines of one item fit in a panel that has the whole region to itself. */
function maxLinesAlone(p: PanelContent, region: Box, pt: number, theme: Theme): number {
  const avail = (region.h - headerHeight(theme)) * FIT_SLACK - BODY_INSETS.top - BODY_INSETS.bottom;
  const perLine = (pt * (p.style.pitch ?? 1.45)) / PT_PER_IN;
  const spaceAfter = (p.style.spaceAfterEm * pt) / PT_PER_IN;
  return Math.max(1, Math.floor((avail - spaceAfter) / perLine));
}

/** The shapes of placed panels: tinted card, colour strip, label, list. */
export function panelShapes(slide: PanelSlide, theme: Theme): Shape[] {
  const shapes: Shape[] = [];
  const hh = headerHeight(theme);
  for (const { panel, box } of slide.placements) {
    shapes.push({ kind: 'rect', ...box, fill: theme.colors.surface });
    shapes.push({ kind: 'rect', x: box.x, y: box.y, w: STRIP, h: box.h, fill: panel.color });
    shapes.push({
      kind: 'text',
      role: `label:${panel.key}`,
      x: round2(box.x + STRIP),
      y: box.y,
      w: round2(box.w - STRIP),
      h: hh,
      insets: { left: BODY_INSETS.left, right: BODY_INSETS.right, top: 0.07, bottom: 0.02 },
      valign: 'middle',
      paragraphs: [
        {
          runs: [{ text: panel.label, sizePt: theme.sizes.heading, font: theme.fonts.heading, color: panel.color, bold: true }],
          align: 'left',
          lineHeightPt: round2(theme.sizes.heading * TITLE_PITCH),
          spaceAfterPt: 0,
        },
      ],
    });
    shapes.push({
      kind: 'text',
      role: `panel:${panel.key}`,
      x: round2(box.x + STRIP),
      y: round2(box.y + hh),
      w: round2(box.w - STRIP),
      h: round2(box.h - hh),
      insets: BODY_INSETS,
      valign: 'top',
      paragraphs: listParagraphs(panel.items, { sizePt: slide.sizePt, font: theme.fonts.body, color: theme.colors.text }, panel.style, panel.numberFrom ?? 1),
    });
  }
  return shapes;
}
