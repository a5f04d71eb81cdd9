/**
 * Labelled panels: how they are arranged on a slide (panel widths adapt to their content, within
 * limits) and the shapes they are drawn with. `flow.ts` decides sizes and continuation slides.
 */
import { breakLines } from './linebreak.js';
import { latinMetricsFor } from './metrics.js';
import { LIST_ROLE, placeListBreaks } from './breaks.js';
import type { Box, Shape, TextShape } from './plan.js';
import {
  FIT_SLACK,
  PT_PER_IN,
  TITLE_PITCH,
  listHeight,
  listParagraphs,
  round2,
  type ListItem,
  type ListStyle,
} from './text.js';
import type { Theme } from '../theme/types.js';

export interface PanelContent {
  key: string;
  label: string;
  color: string;
  items: ListItem[];
  style: ListStyle;
  /** First number of a numbered list (continues across slides). */
  numberFrom?: number;
  /** Short items (unit names) may be set in this many columns inside the panel. */
  columns?: number;
}

interface Placement {
  panel: PanelContent;
  box: Box;
}

export interface PanelSlide {
  sizePt: number;
  placements: Placement[];
}

const GAP = 0.22;
const COLUMN_GAP = 0.3;
export const STRIP = 0.07;
export const BODY_INSETS = { left: 0.16, right: 0.16, top: 0.06, bottom: 0.1 };
const LABEL_INSETS = { left: BODY_INSETS.left, right: BODY_INSETS.right, top: 0.07, bottom: 0.02 };

interface LabelFit {
  sizePt: number;
  lines: number;
}

/** Fits found per theme, by label and width: fitting asks for the same few labels at every
 * size and arrangement it tries. (By label, then by width as a number: writing the width into
 * a string key cost more than the lookup saved.) */
const labelFits = new WeakMap<Theme, Map<string, Map<number, LabelFit>>>();

/** A label on one line at the heading size; a long one (a topic) shrinks, then wraps. */
function labelFit(theme: Theme, label: string, panelW: number): LabelFit {
  let byLabel = labelFits.get(theme);
  if (!byLabel) labelFits.set(theme, (byLabel = new Map()));
  let byWidth = byLabel.get(label);
  if (!byWidth) byLabel.set(label, (byWidth = new Map()));
  let fit = byWidth.get(panelW);
  if (!fit) byWidth.set(panelW, (fit = fitLabel(theme, label, panelW)));
  return fit;
}

function fitLabel(theme: Theme, label: string, panelW: number): LabelFit {
  const { heading, minimum } = theme.sizes;
  if (!label || !Number.isFinite(panelW)) return { sizePt: heading, lines: 1 };
  const latin = latinMetricsFor(theme.fonts.heading.latin, true);
  const linesAt = (pt: number) =>
    breakLines(label, ((panelW - STRIP - LABEL_INSETS.left - LABEL_INSETS.right) * PT_PER_IN) / pt, latin).length;
  for (let pt = heading; pt >= minimum; pt -= 1) if (linesAt(pt) === 1) return { sizePt: pt, lines: 1 };
  for (let pt = heading; pt >= minimum; pt -= 1) if (linesAt(pt) <= 2) return { sizePt: pt, lines: 2 };
  return { sizePt: minimum, lines: linesAt(minimum) };
}

/** The label's height. */
function headerHeight(theme: Theme, label = '', panelW = Infinity): number {
  const { sizePt, lines } = labelFit(theme, label, panelW);
  return round2((lines * sizePt * TITLE_PITCH) / PT_PER_IN / FIT_SLACK + LABEL_INSETS.top + LABEL_INSETS.bottom + 0.05);
}

/** Items shared into columns, consecutive, about the same count each. */
function intoColumns<T>(items: T[], columns: number): T[][] {
  if (columns <= 1) return [items];
  const per = Math.ceil(items.length / columns);
  return Array.from({ length: columns }, (_, c) => items.slice(c * per, (c + 1) * per)).filter((col) => col.length > 0);
}

function columnWidth(p: PanelContent, w: number): number {
  const cols = p.columns ?? 1;
  return (w - STRIP - COLUMN_GAP * (cols - 1)) / cols;
}

/** Height in inches a panel needs at a width and size: header plus its list. */
function panelNeed(p: PanelContent, w: number, sizePt: number, theme: Theme): number {
  const colW = columnWidth(p, w);
  let from = p.numberFrom ?? 1;
  let body = 0;
  for (const col of intoColumns(p.items, p.columns ?? 1)) {
    body = Math.max(body, listHeight(col, colW, BODY_INSETS, p.style, sizePt, from));
    from += col.length;
  }
  return headerHeight(theme, p.label, w) + body / FIT_SLACK;
}

/** The width fractions the first of two columns may take. A few, fixed, so that paging through
 * a deck the column edge stays put: the deck picks one of them for all its unit slides (deck.ts). */
export const SPLITS = [0.5, 0.6, 0.4, 0.65, 0.35] as const;

/** Below this fill (the fullest column's need over the room) a slide is sparse: its panels are
 * as tall as their text and stand in the middle of the body, not at the top of an empty slide. */
const SPARSE_FILL = 0.45;
/** Room below the text of a sparse slide's panels. */
const SPARSE_PAD = 0.2;

export interface Arrangement {
  placements: Placement[];
  /** The fullest column's fill ratio (need / room): lower is more balanced. */
  fill: number;
  /** The width fraction of the first column (1 for one column). */
  split: number;
}

/** How panels are set in columns: one panel alone; two side by side; three as the first
 * (achievements) on the left and the other two stacked on the right. */
function columnsOf(panels: PanelContent[]): PanelContent[][] {
  if (panels.length === 1) return [panels];
  if (panels.length === 2) return [[panels[0]!], [panels[1]!]];
  return [[panels[0]!], panels.slice(1)];
}

/** The width of each column at a split. */
function columnWidths(columns: number, region: Box, split: number): number[] {
  return columns === 1 ? [region.w] : [region.w * split - GAP / 2, region.w * (1 - split) - GAP / 2];
}

/** The width the panel at `index` gets among `count` panels at a split. */
export function panelWidth(count: number, index: number, region: Box, split: number): number {
  const widths = columnWidths(Math.min(count, 2), region, split);
  return widths[Math.min(index, widths.length - 1)]!;
}

/**
 * These panels in the region at one size, at each of the given splits; the most balanced that
 * fits (the first of equals), or undefined. A sparse result is set compact and centred.
 */
export function arrange(
  panels: PanelContent[],
  region: Box,
  sizePt: number,
  theme: Theme,
  splits: readonly number[] = SPLITS,
): Arrangement | undefined {
  if (panels.length === 0) return { placements: [], fill: 0, split: 1 };
  const cols = columnsOf(panels);
  let best: Arrangement | undefined;
  for (const f of cols.length === 1 ? [1] : splits) {
    const a = stackColumns(cols, columnWidths(cols.length, region, f), region, sizePt, theme, f);
    if (a && (!best || a.fill < best.fill - 1e-6)) best = a;
  }
  if (!best || best.fill >= SPARSE_FILL) return best;
  const needH = best.fill * region.h;
  const h = Math.min(region.h, needH + SPARSE_PAD);
  const compact = { ...region, y: region.y + (region.h - h) / 2, h };
  return stackColumns(cols, columnWidths(cols.length, region, best.split), compact, sizePt, theme, best.split) ?? best;
}

function stackColumns(
  cols: PanelContent[][],
  widths: number[],
  region: Box,
  sizePt: number,
  theme: Theme,
  split: number,
): Arrangement | undefined {
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
    fill = Math.max(fill, (total + GAP * (col.length - 1)) / region.h);
    // Share the spare room in proportion to need, so the panels look evenly filled.
    let y = region.y;
    col.forEach((panel, i) => {
      const h = col.length === 1 ? room : (needs[i]! / total) * room;
      placements.push({ panel, box: { x: round2(x), y: round2(y), w: round2(w), h: round2(h) } });
      y += h + GAP;
    });
    x += w + GAP;
  }
  return { placements, fill, split };
}

/** The shapes of placed panels: tinted card, colour strip, label, list. */
export function panelShapes(slide: PanelSlide, theme: Theme): Shape[] {
  const shapes: Shape[] = [];
  for (const { panel, box } of slide.placements) {
    const hh = headerHeight(theme, panel.label, box.w);
    const label = labelFit(theme, panel.label, box.w);
    shapes.push({ kind: 'rect', ...box, fill: theme.colors.surface });
    shapes.push({ kind: 'rect', x: box.x, y: box.y, w: STRIP, h: box.h, fill: panel.color });
    shapes.push({
      kind: 'text',
      role: `label:${panel.key}`,
      x: round2(box.x + STRIP),
      y: box.y,
      w: round2(box.w - STRIP),
      h: hh,
      insets: LABEL_INSETS,
      valign: 'middle',
      paragraphs: [
        {
          runs: [
            { text: panel.label, sizePt: label.sizePt, font: theme.fonts.heading, color: panel.color, bold: true },
          ],
          align: 'left',
          lineHeightPt: round2(label.sizePt * TITLE_PITCH),
          spaceAfterPt: 0,
        },
      ],
    });
    const colW = columnWidth(panel, box.w);
    let from = panel.numberFrom ?? 1;
    intoColumns(panel.items, panel.columns ?? 1).forEach((col, c) => {
      const list: TextShape = {
        kind: 'text',
        role: `${LIST_ROLE}${panel.key}`,
        x: round2(box.x + STRIP + c * (colW + COLUMN_GAP)),
        y: round2(box.y + hh),
        w: round2(colW),
        h: round2(box.h - hh),
        insets: BODY_INSETS,
        valign: 'top',
        paragraphs: listParagraphs(
          col,
          { sizePt: slide.sizePt, font: theme.fonts.body, color: theme.colors.text },
          panel.style,
          from,
        ),
      };
      placeListBreaks(list, col, panel.style);
      shapes.push(list);
      from += col.filter((it) => !it.continued).length;
    });
  }
  return shapes;
}
