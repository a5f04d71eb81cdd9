/**
 * The cover on an office template: the meeting's title in the title layout's title placeholder,
 * and below it, in its subtitle placeholder's area, the subtitle, organizer, date and place, and
 * the chair. The template's own backgrounds and decorations are the cover's; nothing is drawn
 * over them but text. Each line shrinks to fit, and the lines together fit the subtitle area.
 */
import { formatDate } from '../theme/format.js';
import type { LayoutContext } from './deck.js';
import { fitTitle, type FittedTitle } from './frame.js';
import type { Box, Shape, SlidePlan } from './plan.js';
import { round2 } from './text.js';

export function templateCover(ctx: LayoutContext): SlidePlan {
  const { brief, theme } = ctx;
  const t = theme.template!;
  const layout = t.cover;
  const m = brief.meeting;
  const s = theme.sizes;
  const shapes: Shape[] = [];
  // At most what one line of the placeholder holds with room to spare: LibreOffice sets a large
  // title a little lower in a short placeholder than its line pitch says.
  const oneLine = Math.floor((layout.title.h * 72 * 0.85) / 1.45);
  const titleMax = Math.max(s.minimum, Math.min(layout.titleLook.sizePt, Math.round(s.title * 1.45), 54, oneLine));
  const title = fitTitle(m.title, layout.title, theme, layout.titleLook.color, 'cover:title', {
    max: titleMax,
    oneLineMin: Math.max(s.minimum, Math.round(titleMax * 0.7)),
    min: s.minimum,
    bold: true,
    align: 'center',
  });
  shapes.push(title.shape);

  const when = [formatDate(m.date, brief.lang), m.location].filter(Boolean).join(' · ');
  const chair = m.chair
    ? `${theme.labels.chair}${brief.lang === 'en' ? ': ' : '：'}${
        brief.lang === 'en'
          ? `${m.chair.name}${m.chair.role ? `, ${m.chair.role}` : ''}`
          : `${m.chair.role ?? ''}${m.chair.name}`
      }`
    : undefined;
  const lines: Array<{ text: string; role: string; scale: number; bold?: boolean }> = [
    ...(m.subtitle ? [{ text: m.subtitle, role: 'cover:subtitle', scale: 1.15, bold: true }] : []),
    ...(m.organizer ? [{ text: m.organizer, role: 'cover:organizer', scale: 1 }] : []),
    { text: when, role: 'cover:date', scale: 1 },
    ...(chair ? [{ text: chair, role: 'cover:chair', scale: 0.9 }] : []),
  ];
  // The area under the title: the subtitle placeholder's, else down to the footer band.
  const top = Math.max(title.bottom + 0.1, layout.body?.y ?? 0);
  const area: Box = layout.body
    ? { ...layout.body, y: top, h: layout.body.y + layout.body.h - top }
    : { x: layout.title.x, y: top, w: layout.title.w, h: (layout.footer?.y ?? t.heightIn - 0.3) - top };
  const color = layout.bodyLook.color;
  const place = (base: number, room: Box): { shapes: FittedTitle[]; bottom: number } => {
    let y = room.y;
    const out: FittedTitle[] = [];
    for (const l of lines) {
      const pt = Math.max(s.minimum, Math.round(base * l.scale));
      const h = round2((pt * 1.45) / 72 / 0.97 + 0.06);
      const f = fitTitle(l.text, { x: room.x, y, w: room.w, h }, theme, color, l.role, {
        max: pt,
        oneLineMin: Math.max(s.minimum, Math.round(pt * 0.8)),
        min: s.minimum,
        bold: l.bold ?? false,
        align: 'center',
      });
      out.push(f);
      y = f.bottom + 0.04;
    }
    return { shapes: out, bottom: y };
  };
  // From the template's subtitle size (at most the heading size + 4) down to the minimum, the
  // largest at which every line fits the area; at the minimum they take what they need.
  let base = Math.max(s.minimum, Math.min(layout.bodyLook.sizePt, s.heading + 4));
  let placed = place(base, area);
  while (placed.bottom > area.y + area.h && base > s.minimum) placed = place(--base, area);
  for (const f of placed.shapes) shapes.push(f.shape);
  return { kind: 'cover', background: theme.colors.background, shapes, ...(m.summary ? { notes: m.summary } : {}) };
}
