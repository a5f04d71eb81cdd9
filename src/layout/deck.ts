/**
 * Brief + Theme → DeckPlan. Pure: no I/O. The slides in order: cover, overview, one (or more)
 * per unit, one (or more) per leader's directives, attendees; footers are added last, once
 * the slide count is known.
 */
import { COUNT_LIMITS } from '../limits.js';
import type { Brief, Unit } from '../brief/types.js';
import { BriefdeckError } from '../errors.js';
import type { TemplateContext, Theme } from '../theme/types.js';
import { attendeeSlides } from './attendees.js';
import { placeLineBreaks } from './breaks.js';
import { numberedLine } from './numbering.js';
import { coverSlide } from './cover.js';
import { templateCover } from './template-cover.js';
import { splitFigures } from './figures.js';
import { latinMetricsFor } from './metrics.js';
import { backgroundShapes, fitTitle, footerShapes, frameFor, placeFooter, titleChrome, type Frame } from './frame.js';
import { fitFlow, fitOne, type FlowResult } from './flow.js';
import { textWidth } from './linebreak.js';
import { panelShapes, SPLITS, type PanelContent } from './panels.js';
import type { Box, DeckPlan, FitEntry, Shape, SlideKind, SlidePlan } from './plan.js';
import { listItem, PT_PER_IN, round2, TITLE_PITCH, type ListItem, type ListStyle } from './text.js';

export interface LayoutContext {
  brief: Brief;
  theme: Theme;
  frame: Frame;
  base: Omit<TemplateContext, 'slide'>;
}

export function planDeck(brief: Brief, theme: Theme): DeckPlan {
  const m = brief.meeting;
  const base: LayoutContext['base'] = {
    meeting: {
      title: m.title,
      date: m.date,
      ...(m.subtitle ? { subtitle: m.subtitle } : {}),
      ...(m.organizer ? { organizer: m.organizer } : {}),
      ...(m.location ? { location: m.location } : {}),
      ...(m.chair ? { chair: m.chair } : {}),
    },
    lang: brief.lang,
    labels: theme.labels,
  };
  // The footer is the same on every slide but for its number: measure it once, with the widest
  // number it can show, and give the body what is left.
  const widest = { ...base, slide: { number: '9999', count: '9999' } };
  const frame = placeFooter(
    frameFor(theme),
    theme,
    theme.templates.footer(widest),
    theme.templates.slideNumber(widest),
  );
  const ctx: LayoutContext = { brief, theme, frame, base };
  const fit: FitEntry[] = [];
  const slides: SlidePlan[] = [theme.template ? templateCover(ctx) : coverSlide(ctx)];
  // Stopped as soon as the deck has more slides than a package holds: not after planning them all.
  const add = (where: string, more: SlidePlan[]) => {
    for (const s of more) slides.push(s);
    if (slides.length > COUNT_LIMITS.slides)
      throw new BriefdeckError({
        ...(brief.file ? { file: brief.file } : {}),
        path: where,
        message: `the deck has more than ${COUNT_LIMITS.slides.toLocaleString('en')} slides by here, the most a deck may have; split the brief into several`,
      });
  };
  add('units', overviewSlides(ctx, fit));
  for (const { where, slides: more } of allUnitSlides(ctx, fit)) add(where, more());
  for (const { where, slides: more } of allLeaderSlides(ctx, fit)) add(where, more());
  if (m.attendees.length) add('meeting.attendees', attendeeSlides(ctx, fit));
  placeLineBreaks(slides);
  addFooters(ctx, slides);
  const bodyFont = theme.fonts.body;
  return {
    widthIn: frame.width,
    heightIn: frame.height,
    lang: brief.lang,
    title: m.subtitle ? `${m.subtitle}${brief.lang === 'en' ? ' ' : ''}${m.title}` : m.title,
    ...(m.organizer ? { author: m.organizer } : {}),
    ...(m.summary ? { subject: m.summary } : {}),
    fonts: { major: theme.fonts.title, minor: bodyFont },
    ...(theme.template ? { template: theme.template } : {}),
    slides,
    fit,
  };
}

/** How a panel's list is set in this theme. */
export function listStyle(
  theme: Theme,
  kind: ListStyle['kind'],
  color: string,
  extra: Partial<ListStyle> = {},
): ListStyle {
  const face = theme.fonts.body.latin;
  return {
    kind,
    bulletColor: color,
    spaceAfterEm: 0.35,
    bulletChar: '■',
    emphasisColor: theme.colors.figure,
    mutedColor: theme.colors.muted,
    latin: { regular: latinMetricsFor(face, false), bold: latinMetricsFor(face, true) },
    ...extra,
  };
}

const plainItems = (texts: string[]): ListItem[] => texts.map((t) => listItem([{ text: t }]));

/** A titled slide of panels, before its body size is chosen. */
interface Prepared {
  kind: SlideKind;
  subject: string;
  /** What in the brief the slide shows, as a YAML path, for a message. */
  where: string;
  title: string;
  /** Shown beside the title: the unit's speaker. */
  speaker?: string;
  panels: PanelContent[];
  notes: string | undefined;
  head: Head;
  /** The body region under the first slide's title. */
  firstRegion: Box;
  /** Its fits on one slide at one split, by split and the size tried from (fitAt). */
  fits: Map<string, ReturnType<typeof fitOne>>;
}

/** The slide on one slide at `split`, from `maxPt` down: found once for each, as the deck's rhythm
 * and then the slide's own layout ask for the same. */
function fitAt(g: Prepared, theme: Theme, maxPt: number, split: number): ReturnType<typeof fitOne> {
  const key = `${split}@${maxPt}`;
  if (!g.fits.has(key)) g.fits.set(key, fitOne(g.panels, g.firstRegion, theme, maxPt, [split]));
  return g.fits.get(key);
}

/** The title (and the speaker beside it) and how far down they reach. */
interface Head {
  shapes: Shape[];
  bottom: number;
  lines: number;
}

/** The body region under a title that reaches down to `bottom`. */
function regionUnder(frame: Frame, bottom: number): Box {
  const top = Math.max(frame.body.y, bottom + 0.2);
  return { ...frame.body, y: top, h: frame.body.y + frame.body.h - top };
}

/** Room kept between the title and the speaker beside it. */
const SPEAKER_GAP = 0.3;
/** The share of a line below the baseline, for setting texts of two sizes on one baseline. */
const DESCENT = 0.22;
/** The most of the title's width the speaker may take. */
const SPEAKER_SHARE = 0.4;

/**
 * The slide's title and, right-aligned beside it on the same band, the unit's speaker in the
 * heading size (smaller, then on more lines, when long): beside rather than under, so a title
 * stands at the same height on every slide, with a speaker or without.
 */
function fitHead(ctx: LayoutContext, title: string, speaker?: string): Head {
  const { frame, theme } = ctx;
  if (!speaker) {
    const head = fitTitle(title, frame.title, theme, theme.colors.primary);
    return { shapes: titleChrome(frame, theme, head), bottom: head.bottom, lines: head.lines };
  }
  const band = frame.title;
  const latin = latinMetricsFor(theme.fonts.title.latin, false);
  const natural = (textWidth(speaker, latin) * theme.sizes.heading) / PT_PER_IN + 0.1;
  const w = round2(Math.min(natural, band.w * SPEAKER_SHARE));
  const who = fitTitle(speaker, { ...band, x: round2(band.x + band.w - w), w }, theme, theme.colors.muted, 'speaker', {
    max: theme.sizes.heading,
    oneLineMin: theme.sizes.minimum,
    min: theme.sizes.minimum,
    bold: false,
    align: 'right',
  });
  const head = fitTitle(title, { ...band, w: round2(band.w - w - SPEAKER_GAP) }, theme, theme.colors.primary);
  const bottom = Math.max(head.bottom, who.bottom);
  let whoShape = who.shape;
  if (head.lines === 1 && who.lines === 1 && head.bottom <= band.y + band.h && who.bottom <= band.y + band.h) {
    // Both on one line: the speaker on the title's baseline, a descent (a fifth of the line) above
    // the bottom of each line, rather than centred beside it.
    const line = (pt: number) => (pt * TITLE_PITCH) / PT_PER_IN;
    const baseline = band.y + band.h / 2 + line(head.sizePt) / 2 - DESCENT * line(head.sizePt);
    const h = round2(baseline + DESCENT * line(who.sizePt) + who.shape.insets.bottom - band.y);
    whoShape = { ...who.shape, h, valign: 'bottom' };
  }
  return {
    shapes: [...titleChrome(frame, theme, { ...head, bottom }), whoShape],
    bottom,
    lines: head.lines,
  };
}

function prepare(
  ctx: LayoutContext,
  kind: SlideKind,
  subject: string,
  where: string,
  title: string,
  panels: PanelContent[],
  notes: string | undefined,
  speaker?: string,
): Prepared {
  const head = fitHead(ctx, title, speaker);
  return {
    kind,
    subject,
    where,
    title,
    ...(speaker ? { speaker } : {}),
    panels: panels.filter((p) => p.items.length > 0),
    notes,
    head,
    firstRegion: regionUnder(ctx.frame, head.bottom),
    fits: new Map(),
  };
}

/** The body size and split chosen for a group of slides (all the units, all the leaders). */
interface Rhythm {
  pt: number;
  split: number;
}

/**
 * One body size and one split for every slide of the group, so paging through, text and
 * column edges stay put: of the fixed splits, the one at which the most slides fit on one
 * slide, at the largest size (the size the densest of them allows); of equals the first, the
 * even split before the others. A slide that fits only at another split takes that; one that
 * does not fit even at the minimum continues, at this size or below (fitFlow).
 */
function chooseRhythm(group: Prepared[], theme: Theme, maxPt: number): Rhythm {
  let best: (Rhythm & { fitting: number }) | undefined;
  // A slide of one panel fits the same at every split: with none of two, the first is chosen.
  for (const split of group.some(hasSplit) ? SPLITS : SPLITS.slice(0, 1)) {
    // Every slide fitting at the largest size: no split can do better, and of equals the first wins.
    if (best && best.fitting === group.length && best.pt === maxPt) break;
    let fitting = 0;
    let pt = maxPt;
    for (let i = 0; i < group.length; i++) {
      // This split can no longer do better than the best (its size only goes down): the next.
      const most = fitting + group.length - i;
      if (best && (most < best.fitting || (most === best.fitting && pt <= best.pt))) break;
      const g = group[i]!;
      // The group's size is the smallest so far at most: larger sizes need not be tried.
      const own = fitAt(g, theme, pt, split);
      if (!own) continue;
      fitting++;
      pt = own.pt;
    }
    if (!best || fitting > best.fitting || (fitting === best.fitting && pt > best.pt)) best = { pt, split, fitting };
  }
  return best ? { pt: best.pt, split: best.split } : { pt: maxPt, split: SPLITS[0] };
}

/** Only a slide of two panels or more has a split to choose. */
const hasSplit = (g: Prepared) => g.panels.length > 1;

/** The slide on one slide from `maxPt` down: at the group's split, or another where only that fits. */
function fitAtSplit(g: Prepared, theme: Theme, maxPt: number, split: number): ReturnType<typeof fitOne> {
  return (
    fitAt(g, theme, maxPt, split) ?? (hasSplit(g) ? fitOne(g.panels, g.firstRegion, theme, maxPt, SPLITS) : undefined)
  );
}

/** A prepared slide at the group's size: one slide, or continued over more when needed. */
function layOut(ctx: LayoutContext, g: Prepared, rhythm: Rhythm, fit: FitEntry[]): SlidePlan[] {
  const { frame, theme } = ctx;
  // What this slide alone would take.
  const own = fitAtSplit(g, theme, theme.sizes.body, rhythm.split);
  let flow: FlowResult | undefined;
  let contHead = g.head;
  // At the group's size: the same fit as its own when that is no larger (and the group's size no
  // larger than the body size, from which its own was sought).
  const one =
    own && own.pt <= rhythm.pt && rhythm.pt <= theme.sizes.body ? own : fitAtSplit(g, theme, rhythm.pt, rhythm.split);
  if (one) flow = { slides: [one.slide], toPt: one.pt, splitItems: 0 };
  else {
    // A continued title may need more room than the first.
    contHead = fitHead(ctx, g.title + theme.labels.continued, g.speaker);
    flow =
      fitFlow(g.panels, regionUnder(frame, Math.max(g.head.bottom, contHead.bottom)), theme, {
        firstRegion: g.firstRegion,
        maxPt: rhythm.pt,
        splits: [rhythm.split],
      }) ?? noRoomUnder(ctx, g.where, contHead.lines);
  }
  fit.push({
    subject: g.subject,
    kind: g.kind,
    // Reported against the theme's body size: the overview may start larger, which is no shrinking.
    fromPt: theme.sizes.body,
    toPt: flow.toPt,
    ...(own ? { ownPt: own.pt } : {}),
    // The overview is a group of its own, which may start above the theme's body size.
    ...(g.kind === 'overview' ? {} : { groupPt: rhythm.pt }),
    continuationSlides: flow.slides.length - 1,
    splitItems: flow.splitItems,
    titleLines: g.head.lines,
  });
  // The notes once, on the first slide: a continuation slide's notes only say whose text it
  // continues (its title, "浦东新区区委（续）"), so a long item is not repeated on every slide.
  return flow.slides.map((s, i) => ({
    kind: g.kind,
    subject: g.subject,
    background: theme.colors.background,
    shapes: [...(i === 0 ? g.head : contHead).shapes, ...panelShapes(s, theme)],
    ...(g.notes ? { notes: i === 0 ? g.notes : g.title + theme.labels.continued } : {}),
  }));
}

/** A title and footer so long at the theme's minimum size that no line of text fits between them.
 * Themes are checked against the longest titles a brief can give (room.ts), so only text that is
 * wider than Chinese characters (Cyrillic, emoji) can get here. */
function noRoomUnder(ctx: LayoutContext, where: string, titleLines: number): never {
  throw new BriefdeckError({
    ...(ctx.brief.file ? { file: ctx.brief.file } : {}),
    path: where,
    message: `at the theme's minimum size (${ctx.theme.sizes.minimum} pt) this slide's title (${titleLines} line${titleLines === 1 ? '' : 's'}) and footer leave no room for a line of text; shorten the title, or use a theme with a smaller minimum size`,
  });
}

function overviewSlides(ctx: LayoutContext, fit: FitEntry[]): SlidePlan[] {
  const { brief, theme } = ctx;
  const panels: PanelContent[] = [];
  if (brief.meeting.summary)
    panels.push({
      key: 'summary',
      label: theme.labels.summary,
      color: theme.colors.primary,
      items: plainItems([brief.meeting.summary]),
      style: listStyle(theme, 'plain', theme.colors.primary),
    });
  const n = brief.units.length;
  // Many units read better in columns than over several overview slides.
  const columns = n <= 10 ? 1 : n <= 24 ? 2 : 3;
  panels.push({
    key: 'units',
    label: theme.labels.units,
    color: theme.colors.primary,
    items: plainItems(brief.units.map((u) => u.name)),
    style: listStyle(theme, 'number', theme.colors.primary),
    columns,
  });
  const title = theme.labels.overview;
  const g = prepare(ctx, 'overview', title, 'meeting.title', title, panels, brief.meeting.summary);
  // The overview is short text to read from the back of the room: it may be set larger than body text.
  const maxPt = Math.max(theme.sizes.body, theme.sizes.heading + 2);
  return layOut(ctx, g, { pt: maxPt, split: chooseRhythm([g], theme, maxPt).split }, fit);
}

function unitPanels(ctx: LayoutContext, unit: Unit): PanelContent[] {
  const { theme } = ctx;
  const c = theme.colors;
  return [
    {
      key: 'achievements',
      label: theme.labels.achievements,
      color: c.achievements,
      items: unit.achievements.map((t) => listItem(splitFigures(t))),
      style: listStyle(theme, 'bullet', c.achievements),
    },
    {
      key: 'shortcomings',
      label: theme.labels.shortcomings,
      color: c.shortcomings,
      items: plainItems(unit.shortcomings),
      style: listStyle(theme, 'bullet', c.shortcomings),
    },
    {
      key: 'directives',
      label: theme.labels.directives,
      color: c.directives,
      items: unit.directives.map((d) =>
        listItem([
          { text: d.text },
          ...(d.by
            ? [{ text: (ctx.brief.lang === 'en' ? ' ' : '') + theme.templates.by({ by: d.by }), muted: true }]
            : []),
        ]),
      ),
      style: listStyle(theme, 'bullet', c.directives),
    },
  ];
}

function prepareUnit(ctx: LayoutContext, unit: Unit, index: number): Prepared {
  const title = ctx.theme.templates.unitTitle({
    ...ctx.base,
    unit: { name: unit.name, index: String(index + 1) },
    slide: { number: '0', count: '0' },
  });
  return prepare(
    ctx,
    'unit',
    unit.name,
    `units[${index}].name`,
    title,
    unitPanels(ctx, unit),
    unit.notes,
    unit.speaker,
  );
}

/** Every unit's slides, at one size and split for all of them where the fit allows. */
function allUnitSlides(ctx: LayoutContext, fit: FitEntry[]): Array<{ where: string; slides: () => SlidePlan[] }> {
  const prepared = ctx.brief.units.map((u, i) => prepareUnit(ctx, u, i));
  const rhythm = chooseRhythm(
    prepared.filter((g) => g.panels.length > 0),
    ctx.theme,
    ctx.theme.sizes.body,
  );
  return prepared.map((g, i) => ({
    where: `units[${i}]`,
    slides: () => (g.panels.length > 0 ? layOut(ctx, g, rhythm, fit) : [emptyUnitSlide(ctx, g, fit)]),
  }));
}

/**
 * A unit with nothing to show (the brief warns of it): its name and speaker in the middle of
 * the slide, as a divider between the units before and after, not an empty frame.
 */
function emptyUnitSlide(ctx: LayoutContext, g: Prepared, fit: FitEntry[]): SlidePlan {
  const { frame, theme } = ctx;
  const body = frame.body;
  const nameBox = { x: body.x, y: round2(body.y + body.h * 0.28), w: body.w, h: 1.0 };
  // On an office template, in the colour of its title style, and without the theme's rule.
  const color = frame.template?.titleColor ?? theme.colors.primary;
  const name = fitTitle(g.title, nameBox, theme, color, 'title', {
    max: theme.sizes.title,
    oneLineMin: Math.max(theme.sizes.minimum, theme.sizes.heading),
    min: theme.sizes.minimum,
    align: 'center',
  });
  const ruleY = round2(name.bottom + 0.12);
  const shapes: Shape[] = [
    ...backgroundShapes(frame, theme),
    name.shape,
    ...(frame.template
      ? []
      : [
          {
            kind: 'rect' as const,
            x: round2(frame.width / 2 - 0.55),
            y: ruleY,
            w: 1.1,
            h: 0.06,
            fill: theme.colors.accent,
          },
        ]),
  ];
  if (g.speaker) {
    const who = fitTitle(
      g.speaker,
      { x: body.x, y: round2(ruleY + 0.25), w: body.w, h: 0.7 },
      theme,
      theme.colors.muted,
      'speaker',
      {
        max: theme.sizes.heading,
        oneLineMin: theme.sizes.minimum,
        min: theme.sizes.minimum,
        bold: false,
        align: 'center',
      },
    );
    shapes.push(who.shape);
  }
  fit.push({
    subject: g.subject,
    kind: g.kind,
    fromPt: theme.sizes.body,
    toPt: theme.sizes.body,
    continuationSlides: 0,
    splitItems: 0,
    titleLines: name.lines,
  });
  return {
    kind: g.kind,
    subject: g.subject,
    background: theme.colors.background,
    shapes,
    ...(g.notes ? { notes: g.notes } : {}),
  };
}

function prepareLeader(ctx: LayoutContext, leader: Brief['directives'][number], index: number): Prepared {
  const { theme } = ctx;
  const leaderCtx = {
    speaker: leader.speaker,
    ...(leader.role ? { role: leader.role } : {}),
    ...(leader.topic ? { topic: leader.topic } : {}),
  };
  const title = theme.templates.leaderTitle({ ...ctx.base, leader: leaderCtx, slide: { number: '0', count: '0' } });
  const panels: PanelContent[] = [
    {
      key: 'points',
      label: leader.topic ?? theme.labels.leaderPoints,
      color: theme.colors.directives,
      items: plainItems(leader.points),
      style: listStyle(theme, 'number', theme.colors.directives, { numbering: theme.style.pointNumbering }),
    },
  ];
  const notes = [title, ...leader.points.map((p, i) => numberedLine(i + 1, theme.style.pointNumbering, p))].join('\n');
  return prepare(ctx, 'directives', leader.speaker, `directives[${index}]`, title, panels, notes);
}

/** Every leader's slides, at one size for all of them where the fit allows. */
function allLeaderSlides(ctx: LayoutContext, fit: FitEntry[]): Array<{ where: string; slides: () => SlidePlan[] }> {
  const prepared = ctx.brief.directives.map((d, i) => prepareLeader(ctx, d, i));
  const rhythm = chooseRhythm(prepared, ctx.theme, ctx.theme.sizes.body);
  return prepared.map((g, i) => ({ where: `directives[${i}]`, slides: () => layOut(ctx, g, rhythm, fit) }));
}

function addFooters(ctx: LayoutContext, slides: SlidePlan[]): void {
  const count = slides.length;
  slides.forEach((s, i) => {
    if (s.kind === 'cover') return;
    const tctx: TemplateContext = { ...ctx.base, slide: { number: String(i + 1), count: String(count) } };
    s.shapes.push(
      ...footerShapes(ctx.frame, ctx.theme, ctx.theme.templates.footer(tctx), ctx.theme.templates.slideNumber(tctx)),
    );
  });
}
