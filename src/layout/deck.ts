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
import { coverSlide } from './cover.js';
import { templateCover } from './template-cover.js';
import { splitFigures } from './figures.js';
import { latinMetricsFor } from './metrics.js';
import { fitTitle, footerShapes, frameFor, placeFooter, titleChrome, type Frame } from './frame.js';
import { fitFlow } from './flow.js';
import { panelShapes, type PanelContent } from './panels.js';
import type { DeckPlan, FitEntry, SlideKind, SlidePlan } from './plan.js';
import { listItem, type ListItem, type ListStyle } from './text.js';

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
  brief.units.forEach((unit, i) => add(`units[${i}]`, unitSlides(ctx, unit, i, fit)));
  brief.directives.forEach((leader, i) => add(`directives[${i}]`, leaderSlides(ctx, leader, i, fit)));
  if (m.attendees.length) add('meeting.attendees', attendeeSlides(ctx, fit));
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

/** A titled slide of panels, continued over more slides when needed. */
function flowSlides(
  ctx: LayoutContext,
  kind: SlideKind,
  subject: string,
  /** What in the brief the slide shows, as a YAML path, for a message. */
  where: string,
  title: string,
  panels: PanelContent[],
  notes: string | undefined,
  fit: FitEntry[],
  maxPt?: number,
): SlidePlan[] {
  const { frame, theme } = ctx;
  const head = fitTitle(title, frame.title, theme, theme.colors.primary);
  const region = (bottom: number) => {
    const top = Math.max(frame.body.y, bottom + 0.2);
    return { ...frame.body, y: top, h: frame.body.y + frame.body.h - top };
  };
  const sizes = maxPt ? { maxPt } : {};
  const flow = fitFlow(panels, region(head.bottom), theme, sizes) ?? noRoomUnder(ctx, where, head.lines);
  const contTitle = title + theme.labels.continued;
  const contHead = flow.slides.length > 1 ? fitTitle(contTitle, frame.title, theme, theme.colors.primary) : head;
  // A continued title may need more room than the first; re-run the flow then, so nothing overlaps.
  const flowed =
    contHead.bottom > head.bottom
      ? (fitFlow(panels, region(contHead.bottom), theme, { ...sizes, firstRegion: region(head.bottom) }) ??
        noRoomUnder(ctx, where, contHead.lines))
      : flow;
  // Reported against the theme's body size: the overview may start larger, which is no shrinking.
  fit.push({
    subject,
    kind,
    fromPt: theme.sizes.body,
    toPt: flowed.toPt,
    continuationSlides: flowed.slides.length - 1,
    splitItems: flowed.splitItems,
    titleLines: head.lines,
  });
  // The notes once, on the first slide: a continuation slide's notes only say whose text it
  // continues (its title, "浦东新区区委（续）"), so a long item is not repeated on every slide.
  return flowed.slides.map((s, i) => ({
    kind,
    subject,
    background: theme.colors.background,
    shapes: [...titleChrome(frame, theme, i === 0 ? head : contHead), ...panelShapes(s, theme)],
    ...(notes ? { notes: i === 0 ? notes : contTitle } : {}),
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
  // The overview is short text to read from the back of the room: it may be set larger than body text.
  return flowSlides(
    ctx,
    'overview',
    theme.labels.overview,
    'meeting.title',
    theme.labels.overview,
    panels,
    brief.meeting.summary,
    fit,
    Math.max(theme.sizes.body, theme.sizes.heading + 2),
  );
}

function unitSlides(ctx: LayoutContext, unit: Unit, index: number, fit: FitEntry[]): SlidePlan[] {
  const { theme } = ctx;
  const c = theme.colors;
  const panels: PanelContent[] = [
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
  const title = theme.templates.unitTitle({
    ...ctx.base,
    unit: { name: unit.name, index: String(index + 1) },
    slide: { number: '0', count: '0' },
  });
  return flowSlides(ctx, 'unit', unit.name, `units[${index}].name`, title, panels, unit.notes, fit);
}

function leaderSlides(
  ctx: LayoutContext,
  leader: Brief['directives'][number],
  index: number,
  fit: FitEntry[],
): SlidePlan[] {
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
      label: leader.topic ?? theme.labels.directives,
      color: theme.colors.directives,
      items: plainItems(leader.points),
      style: listStyle(theme, 'number', theme.colors.directives),
    },
  ];
  const notes = [title, ...leader.points.map((p, i) => `${i + 1}. ${p}`)].join('\n');
  return flowSlides(ctx, 'directives', leader.speaker, `directives[${index}]`, title, panels, notes, fit);
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
