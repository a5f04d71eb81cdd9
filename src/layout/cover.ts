/**
 * The cover, in the theme's style: `banded` (organizer, title and subtitle at the left of a band
 * of the primary colour; date and chair below) or `centered` (the official cover: title and
 * subtitle centred on the band, the organizer and the date centred under it, as a document is
 * signed).
 */
import type { LayoutContext } from './deck.js';
import { fitTitle, type FittedTitle } from './frame.js';
import type { Shape, SlidePlan } from './plan.js';
import { FIT_SLACK, PT_PER_IN, TITLE_PITCH, round2 } from './text.js';
import { formatDate } from '../theme/format.js';

/** Height of the band of the primary colour, in inches. */
const BAND = 4.7;

export function coverSlide(ctx: LayoutContext): SlidePlan {
  return ctx.theme.style.cover === 'centered' ? centeredCover(ctx) : bandedCover(ctx);
}

/** The band (or the theme's cover picture) and the accent stripe under it. */
function bandShapes(ctx: LayoutContext): Shape[] {
  const { theme, frame } = ctx;
  const shapes: Shape[] = [];
  if (theme.images.coverBackground)
    shapes.push({
      kind: 'image',
      path: theme.images.coverBackground,
      alt: '',
      x: 0,
      y: 0,
      w: frame.width,
      h: frame.height,
    });
  else shapes.push({ kind: 'rect', x: 0, y: 0, w: frame.width, h: BAND, fill: theme.colors.primary });
  shapes.push({ kind: 'rect', x: 0, y: BAND, w: frame.width, h: 0.09, fill: theme.colors.accent });
  return shapes;
}

/** "主持：市委书记陈吉宁" / "Chair: Chen Jining, Party Secretary". */
function chairLine(ctx: LayoutContext): string | undefined {
  const { brief, theme } = ctx;
  const chair = brief.meeting.chair;
  if (!chair) return undefined;
  const who =
    brief.lang === 'en' ? `${chair.name}${chair.role ? `, ${chair.role}` : ''}` : `${chair.role ?? ''}${chair.name}`;
  return `${theme.labels.chair}${brief.lang === 'en' ? ': ' : '：'}${who}`;
}

function bandedCover(ctx: LayoutContext): SlidePlan {
  const { brief, theme, frame } = ctx;
  const m = brief.meeting;
  const c = theme.colors;
  const s = theme.sizes;
  const x = frame.margin + 0.3;
  const w = frame.width - 2 * x;
  const band = BAND;
  const shapes: Shape[] = bandShapes(ctx);
  if (theme.images.logo)
    shapes.push({
      kind: 'image',
      path: theme.images.logo,
      alt: m.organizer ?? 'logo',
      x: frame.width - frame.margin - 1.1,
      y: 0.5,
      w: 1.1,
      h: 1.1,
    });

  const line = (text: string, y: number, h: number, size: number, color: string, role: string, bold = false) =>
    fitTitle(text, { x, y, w: theme.images.logo && y < 1.7 ? w - 1.3 : w, h }, theme, color, role, {
      max: size,
      oneLineMin: Math.max(s.minimum, Math.round(size * 0.7)),
      min: s.minimum,
      bold,
    });

  let y = 0.7;
  if (m.organizer) {
    const o = line(m.organizer, y, 0.55, s.heading + 2, c.onPrimary, 'cover:organizer');
    shapes.push(o.shape);
    y = o.bottom + 0.15;
  }
  const titleBox = Math.max(y + 0.2, 1.5);
  const t = line(m.title, titleBox, 1.75, Math.round(s.title * 1.45), c.onPrimary, 'cover:title', true);
  shapes.push(t.shape);
  if (m.subtitle) {
    const sub = line(
      m.subtitle,
      t.bottom + 0.1,
      Math.max(0.6, band - 0.2 - (t.bottom + 0.1)),
      s.title - 4,
      c.onPrimary,
      'cover:subtitle',
    );
    shapes.push(sub.shape);
  }
  let below = band + 0.45;
  const when = [formatDate(m.date, brief.lang), m.location].filter(Boolean).join(' · ');
  const d = line(when, below, 0.6, s.heading + 2, c.text, 'cover:date', true);
  shapes.push(d.shape);
  below = d.bottom + 0.1;
  const chair = chairLine(ctx);
  if (chair) shapes.push(line(chair, below, 0.55, s.heading, c.muted, 'cover:chair').shape);
  return { kind: 'cover', background: c.background, shapes, ...(m.summary ? { notes: m.summary } : {}) };
}

/**
 * The official cover: on the band, the title and subtitle centred as one block (under the logo,
 * centred too); under it, centred, the organizer, the date and place, and the chair.
 */
function centeredCover(ctx: LayoutContext): SlidePlan {
  const { brief, theme, frame } = ctx;
  const m = brief.meeting;
  const c = theme.colors;
  const s = theme.sizes;
  const x = frame.margin + 0.3;
  const w = frame.width - 2 * x;
  const shapes: Shape[] = bandShapes(ctx);
  const logo = 1.0;
  if (theme.images.logo)
    shapes.push({
      kind: 'image',
      path: theme.images.logo,
      alt: m.organizer ?? 'logo',
      x: round2((frame.width - logo) / 2),
      y: 0.45,
      w: logo,
      h: logo,
    });

  const fit = (text: string, h: number, size: number, color: string, role: string, bold = false) =>
    fitTitle(text, { x, y: 0, w, h }, theme, color, role, {
      max: size,
      oneLineMin: Math.max(s.minimum, Math.round(size * 0.7)),
      min: s.minimum,
      bold,
      align: 'center',
    });
  /** The text's height, with half an em to spare (LibreOffice draws a large line a little below
   * the middle of its box); and the shape moved to `y` and cut to it. */
  const height = (f: FittedTitle) =>
    round2((f.sizePt * (f.lines * TITLE_PITCH + (f.sizePt > 30 ? 0.5 : 0.25))) / PT_PER_IN / FIT_SLACK + 0.04);
  const place = (f: FittedTitle, y: number): Shape => ({ ...f.shape, y: round2(y), h: height(f), valign: 'middle' });

  // Title and subtitle: one block, centred between the logo (or the band's top) and the stripe.
  const top = theme.images.logo ? 0.45 + logo + 0.2 : 0.4;
  const bottom = BAND - 0.35;
  const subH = m.subtitle ? 0.9 : 0;
  const titleH = Math.min(1.75, bottom - top - (m.subtitle ? subH + 0.5 : 0));
  const block = [fit(m.title, titleH, Math.round(s.title * 1.45), c.onPrimary, 'cover:title', true)];
  if (m.subtitle) block.push(fit(m.subtitle, subH, s.title - 4, c.onPrimary, 'cover:subtitle'));
  // A short rule of the accent colour under the title, as official covers have.
  const rule = { w: 1.4, h: 0.04, gap: 0.12 };
  const blockH = block.reduce((sum, f) => sum + height(f), 0) + rule.h + 2 * rule.gap - (m.subtitle ? 0 : rule.gap);
  let y = Math.max(top, top + (bottom - top - blockH) / 2);
  block.forEach((f, i) => {
    shapes.push(place(f, y));
    y += height(f);
    if (i === 0) {
      y += rule.gap;
      shapes.push({
        kind: 'rect',
        x: round2((frame.width - rule.w) / 2),
        y: round2(y),
        w: rule.w,
        h: rule.h,
        fill: c.accent,
      });
      y += rule.h + rule.gap;
    }
  });

  // Under the band: who holds the meeting, when and where, who chairs it.
  const when = [formatDate(m.date, brief.lang), m.location].filter(Boolean).join(' · ');
  const chair = chairLine(ctx);
  const below = [
    ...(m.organizer ? [fit(m.organizer, 0.6, s.heading + 4, c.text, 'cover:organizer', true)] : []),
    fit(when, 0.55, s.heading + 2, c.text, 'cover:date', !m.organizer),
    ...(chair ? [fit(chair, 0.55, s.heading, c.muted, 'cover:chair')] : []),
  ];
  y = BAND + 0.09 + 0.4;
  for (const f of below) {
    shapes.push(place(f, y));
    y += height(f) + 0.02;
  }
  return { kind: 'cover', background: c.background, shapes, ...(m.summary ? { notes: m.summary } : {}) };
}
