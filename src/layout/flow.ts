/**
 * The fit of one slide's panels: one body size for all of them, from the largest size asked
 * for down to the theme's minimum. When they do not fit on one slide even at the minimum, only
 * the panels that overflow continue: the panels that fit stay whole on the first slide, and an
 * overflowing panel takes the room left there and goes on over as few further slides as
 * possible, labelled "主要成绩（续）". Then the largest size at which that many slides hold it
 * all is used for every one of them. An item is split only when it does not fit in the room
 * its panel has on a slide by itself. Nothing is dropped or cut.
 */
import type { Box } from './plan.js';
import { arrange, BODY_INSETS, panelWidth, SPLITS, STRIP, type PanelContent, type PanelSlide } from './panels.js';
import { breakLines } from './linebreak.js';
import { lineCount, listItem, metricsOf, splitItem, textWidthEmFor, type ListItem } from './text.js';
import type { Theme } from '../theme/types.js';

export interface FlowResult {
  slides: PanelSlide[];
  toPt: number;
  splitItems: number;
}

export interface FlowOptions {
  /** The first slide's region, when its title takes more or less room. */
  firstRegion?: Box;
  /** Largest body size to try; default the theme's body size. */
  maxPt?: number;
  /** The width fractions two columns may take (panels.ts); default all of them. */
  splits?: readonly number[];
}

/** The largest size from `maxPt` down to the theme's minimum at which the panels fit on one
 * slide, and how they are placed; undefined when they do not fit even at the minimum. */
export function fitOne(
  panels: PanelContent[],
  region: Box,
  theme: Theme,
  maxPt: number,
  splits: readonly number[] = SPLITS,
): { pt: number; slide: PanelSlide } | undefined {
  const present = panels.filter((p) => p.items.length > 0);
  for (let pt = maxPt; pt >= theme.sizes.minimum; pt -= 1) {
    const a = arrange(present, region, pt, theme, splits);
    if (a) return { pt, slide: { sizePt: pt, placements: a.placements } };
  }
  return undefined;
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
  const maxPt = options.maxPt ?? theme.sizes.body;
  const splits = options.splits ?? SPLITS;
  const { minimum } = theme.sizes;
  const present = panels.filter((p) => p.items.length > 0);
  // What does not fit on one slide at the minimum size fits at no larger one (a larger size never
  // needs less room): the sizes above need not be tried.
  const one = arrange(present, firstRegion, minimum, theme, splits)
    ? fitOne(present, firstRegion, theme, maxPt, splits)
    : undefined;
  if (one) return { slides: [one.slide], toPt: one.pt, splitItems: 0 };
  const flow = (pt: number, limit?: number) => continueFlow(present, { region, firstRegion, pt, theme, splits }, limit);
  const atMinimum = flow(minimum);
  if (!atMinimum) return undefined;
  // As few slides as the minimum size needs; then the largest size that needs no more (found by
  // bisection: a larger size never needs fewer slides).
  let best = { pt: minimum, flow: atMinimum };
  let hi = maxPt;
  while (best.pt < hi) {
    const pt = Math.ceil((best.pt + hi) / 2);
    const r = flow(pt, atMinimum.slides.length);
    if (r) best = { pt, flow: r };
    else hi = pt - 1;
  }
  return balanced(present, { region, firstRegion, pt: best.pt, theme, splits }, best.flow);
}

interface FlowContext {
  region: Box;
  firstRegion: Box;
  pt: number;
  theme: Theme;
  splits: readonly number[];
}

/** A panel as it goes over the slides: the items still to place. */
interface Going {
  panel: PanelContent;
  /** Its items (an item cut in two is replaced by its pieces); those from `at` on are still to place. */
  items: ListItem[];
  at: number;
  /** The weight of the items still to place, once asked for (when sharing out evenly). */
  rest?: number;
  /** Items (not pieces) placed on earlier slides, for the numbering. */
  before: number;
  /** Something of it was placed on an earlier slide: its label says it continues. */
  started: boolean;
}

/** A stand-in for a panel that continues: its label and one line, the least it shows. */
const ONE_LINE = [listItem([{ text: '国' }])];

interface Flowed {
  slides: PanelSlide['placements'][];
  splitItems: number;
  whole: Set<PanelContent>;
}

const going = (panels: PanelContent[], whole: Set<PanelContent>): Going[] =>
  panels
    .filter((p) => !whole.has(p))
    .map((panel) => ({ panel, items: [...panel.items], at: 0, before: panel.numberFrom ?? 1, started: false }));

/** Every slide filled as far as it goes: the fewest slides. Undefined past `limit` slides. */
function continueFlow(panels: PanelContent[], ctx: FlowContext, limit = Infinity): Flowed | undefined {
  const whole = panelsThatFit(panels, ctx);
  const r = flowSlides(panels, whole, going(panels, whole), ctx, undefined, limit);
  return r && { ...r, whole };
}

/** What continues shared out evenly over the continuation slides (and over the first too when
 * nothing on it stays whole), so the last slide is not a line or two: as many slides as `filled`. */
function balanced(panels: PanelContent[], ctx: FlowContext, filled: Flowed): FlowResult {
  const { whole } = filled;
  const n = filled.slides.length;
  const even = flowSlides(panels, whole, going(panels, whole), ctx, { slides: n, from: whole.size > 0 ? 1 : 0 }, n);
  const chosen = even ?? filled;
  return {
    slides: chosen.slides.map((placements) => ({ sizePt: ctx.pt, placements })),
    toPt: ctx.pt,
    splitItems: chosen.splitItems,
  };
}

/**
 * The panels that stay whole on the first slide: all but the tallest, then all but the two
 * tallest…, until those left whole fit beside a line of each panel that continues.
 */
function panelsThatFit(panels: PanelContent[], ctx: FlowContext): Set<PanelContent> {
  const whole = new Set(panels);
  const height = (p: PanelContent) =>
    p.items.reduce(
      (n, item) =>
        n +
        lineCount(
          item.text,
          textWidthEmFor(ctx.region.w / 2, BODY_INSETS, p.style, ctx.pt, 99),
          metricsOf(item, p.style),
        ),
      0,
    );
  for (;;) {
    const test = panels.map((p) => (whole.has(p) ? p : { ...p, items: ONE_LINE }));
    if (whole.size < panels.length && arrange(test, ctx.firstRegion, ctx.pt, ctx.theme, ctx.splits)) return whole;
    // Not even a line of each fits beside the others: they all continue, one after another.
    if (whole.size === 0) return whole;
    let tallest: PanelContent | undefined;
    for (const p of whole) if (!tallest || height(p) > height(tallest)) tallest = p;
    whole.delete(tallest!);
  }
}

interface Balance {
  /** The slide count to share the continuing items over. */
  slides: number;
  /** The first slide the sharing starts at (earlier ones are filled). */
  from: number;
}

function flowSlides(
  panels: PanelContent[],
  whole: Set<PanelContent>,
  going: Going[],
  ctx: FlowContext,
  balance: Balance | undefined,
  limit: number,
): { slides: PanelSlide['placements'][]; splitItems: number } | undefined {
  const { region, firstRegion, pt, theme, splits } = ctx;
  const slides: PanelSlide['placements'][] = [];
  let splitItems = 0;
  // How much an item takes, roughly (lines in half the body's width), for sharing out evenly.
  const weights = new Map<ListItem, number>();
  const weight = (g: Going, item: ListItem) => {
    let w = weights.get(item);
    if (w === undefined) {
      const widthEm = textWidthEmFor(region.w / 2, BODY_INSETS, g.panel.style, pt, 99);
      w = lineCount(item.text, widthEm, metricsOf(item, g.panel.style)) + g.panel.style.spaceAfterEm;
      weights.set(item, w);
    }
    return w;
  };
  const left = (g: Going) => g.items.length - g.at;
  /** How many items each continuing panel took on the slide before. */
  const held = new Map<Going, number>();
  while (slides.length === 0 || going.some((g) => left(g) > 0)) {
    const k = slides.length;
    const first = k === 0;
    const reg = first ? firstRegion : region;
    const onSlide = going.filter((g) => left(g) > 0);
    const taken = new Map<Going, ListItem[]>();
    /** The content of this slide in the panels' order: whole ones, what is taken so far of the
     * continuing ones, `g` with `items`, and a line of each continuing one after it. */
    const content = (g: Going | undefined, items: ListItem[], after: Going[]): PanelContent[] => {
      const out: PanelContent[] = [];
      for (const p of panels) {
        if (whole.has(p)) {
          if (first) out.push(p);
          continue;
        }
        const h = going.find((x) => x.panel === p)!;
        const mine = h === g ? items : (taken.get(h) ?? (after.includes(h) ? ONE_LINE : []));
        if (mine.length) out.push(chunk(h, mine, theme));
      }
      return out;
    };
    const fits = (g: Going, items: ListItem[], after: Going[]) =>
      arrange(content(g, items, after), reg, pt, theme, splits) !== undefined;
    /** Take what fits of each continuing panel, in order. Leniently, where nothing else goes
     * on the slide: then a piece of one line, or a panel's first item alone, will do. */
    const fill = (lenient: boolean) =>
      onSlide.forEach((g, i) => {
        // A line kept for each panel after it, where there is room for that.
        const later = onSlide.slice(i + 1);
        const after = fits(g, ONE_LINE, later) ? later : [];
        const next = (n: number) => g.items.slice(g.at, g.at + n);
        let most = left(g);
        if (balance && k >= balance.from) {
          // No more than an even share of what is left over the slides left.
          if (g.rest === undefined) {
            g.rest = 0;
            for (let j = g.at; j < g.items.length; j++) g.rest += weight(g, g.items[j]!);
          }
          const share = g.rest / Math.max(1, balance.slides - k);
          let w = weight(g, g.items[g.at]!);
          most = 1;
          while (most < left(g) && w + weight(g, g.items[g.at + most]!) <= share + 1e-9)
            w += weight(g, g.items[g.at + most++]!);
        }
        // The most of its items that fit here (fewer items never need more room): first as many
        // as it had on the slide before (a panel's slides hold about as many), then by doubling
        // and bisection, so a slide measures about as many items as it holds.
        let lo = 0;
        let hi = most;
        const before = Math.min(most, held.get(g) ?? 0);
        if (before > 1) {
          if (fits(g, next(before), after)) lo = before;
          else hi = before - 1;
        }
        for (let step = 1; lo < hi; step *= 2) {
          const n = Math.min(hi, lo + step);
          if (!fits(g, next(n), after)) {
            hi = n - 1;
            break;
          }
          lo = n;
        }
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (fits(g, next(mid), after)) lo = mid;
          else hi = mid - 1;
        }
        let cut = false;
        if (lo === 0) {
          // Not even its next item fits in the room this panel has here: cut it at a line break.
          const here = content(g, ONE_LINE, after);
          const at = { count: here.length, index: here.findIndex((p) => p.key === g.panel.key) };
          const piece = firstLines(g, reg, pt, splits[0] ?? 0.5, at, (items) => fits(g, items, after));
          if (!piece || (piece.lines < 2 && !lenient)) return;
          if (!g.items[g.at]!.continued) splitItems++;
          g.items.splice(g.at, 1, ...piece.items);
          delete g.rest;
          lo = 1;
          cut = true;
        }
        // A panel does not begin with one item of several beside others: it begins on the next slide.
        const others = taken.size > 0 || (first && whole.size > 0);
        if (!lenient && !g.started && !cut && lo === 1 && left(g) > 1 && others) return;
        taken.set(g, next(lo));
        held.set(g, lo);
      });
    const bare = () => taken.size === 0 && !(first && whole.size > 0);
    fill(false);
    if (bare()) fill(true);
    if (bare()) return undefined;
    const placed = content(undefined, [], []);
    const a = arrange(placed, reg, pt, theme, splits);
    if (!a) return undefined;
    slides.push(a.placements);
    for (const [g, items] of taken) {
      g.at += items.length;
      if (g.rest !== undefined) for (const item of items) g.rest -= weight(g, item);
      g.before += items.filter((it) => !it.continued).length;
      g.started = true;
    }
    if (slides.length > limit) return undefined;
  }
  return { slides, splitItems };
}

/** The first lines of `g`'s next item that fit, as a piece, and the rest as another. */
function firstLines(
  g: Going,
  reg: Box,
  pt: number,
  split: number,
  at: { count: number; index: number },
  fits: (items: ListItem[]) => boolean,
): { items: ListItem[]; lines: number } | undefined {
  const item = g.items[g.at]!;
  const style = g.panel.style;
  const widthEm = textWidthEmFor(panelWidth(at.count, at.index, reg, split) - STRIP, BODY_INSETS, style, pt, 99);
  const total = breakLines(item.text, widthEm, metricsOf(item, style)).length;
  const cut = (lines: number) => splitItem(item, widthEm, lines, 1e9, metricsOf(item, style));
  let lo = 0;
  let hi = total - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits([cut(mid)[0]!])) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return undefined;
  return { items: cut(lo), lines: lo };
}

/** The part of a continuing panel on one slide: numbered on from the slides before, and
 * labelled as continued when it does not begin here. */
function chunk(g: Going, items: ListItem[], theme: Theme): PanelContent {
  const continues = g.started || items[0]?.continued === true;
  return {
    ...g.panel,
    items,
    numberFrom: g.before,
    ...(continues ? { label: g.panel.label + theme.labels.continued } : {}),
  };
}
