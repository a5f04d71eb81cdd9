/** The cover: organizer, title, subtitle on the primary colour; date and chair below. */
import type { LayoutContext } from './deck.js';
import { fitTitle } from './frame.js';
import type { Shape, SlidePlan } from './plan.js';
import { formatDate } from '../theme/format.js';

export function coverSlide(ctx: LayoutContext): SlidePlan {
  const { brief, theme, frame } = ctx;
  const m = brief.meeting;
  const c = theme.colors;
  const s = theme.sizes;
  const x = frame.margin + 0.3;
  const w = frame.width - 2 * x;
  const band = 4.7;
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
  else shapes.push({ kind: 'rect', x: 0, y: 0, w: frame.width, h: band, fill: c.primary });
  shapes.push({ kind: 'rect', x: 0, y: band, w: frame.width, h: 0.09, fill: c.accent });
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
  if (m.chair) {
    const who =
      brief.lang === 'en'
        ? `${m.chair.name}${m.chair.role ? `, ${m.chair.role}` : ''}`
        : `${m.chair.role ?? ''}${m.chair.name}`;
    const chair = `${theme.labels.chair}${brief.lang === 'en' ? ': ' : '：'}${who}`;
    const ch = line(chair, below, 0.55, s.heading, c.muted, 'cover:chair');
    shapes.push(ch.shape);
  }
  return { kind: 'cover', background: c.background, shapes, ...(m.summary ? { notes: m.summary } : {}) };
}
