/**
 * Attendees: names in a grid of columns, biggest size that fits; a name never wraps inside
 * itself; more names than fit at the minimum continue on further slides.
 */
import type { LayoutContext } from './deck.js';
import { fitTitle, titleChrome } from './frame.js';
import { textWidth } from './linebreak.js';
import { latinMetricsFor } from './metrics.js';
import type { FitEntry, Shape, SlidePlan } from './plan.js';
import { FIT_SLACK, PT_PER_IN, TITLE_PITCH, round2 } from './text.js';

const COL_GAP_EM = 2;

export function attendeeSlides(ctx: LayoutContext, fit: FitEntry[]): SlidePlan[] {
  const { brief, theme, frame } = ctx;
  const names = brief.meeting.attendees;
  const title = theme.labels.attendees;
  const head = fitTitle(title, frame.title, theme, theme.colors.primary);
  const top = Math.max(frame.body.y, head.bottom + 0.2) + 0.1;
  const region = { x: frame.body.x + 0.2, y: top, w: frame.body.w - 0.4, h: frame.body.y + frame.body.h - top };
  const latin = latinMetricsFor(theme.fonts.body.latin, false);
  const widest = Math.max(...names.map((n) => textWidth(n, latin)));
  const max = theme.sizes.body + 6;
  const grid = (pt: number) => {
    const colEm = widest + COL_GAP_EM;
    const regionEm = (region.w * PT_PER_IN) / pt;
    // A name wider than the whole region still gets a column of its own and wraps there.
    const cols = Math.max(1, Math.min(names.length, Math.floor((regionEm + COL_GAP_EM) / colEm)));
    const linesPerName = Math.max(1, Math.ceil(widest / regionEm));
    const pitchIn = (pt * TITLE_PITCH) / PT_PER_IN;
    const rowsFit = Math.max(1, Math.floor((region.h * FIT_SLACK) / (pitchIn * linesPerName)));
    return { cols, rowsFit, rowsNeeded: Math.ceil(names.length / cols), pitchIn, linesPerName };
  };
  let pt = max;
  while (pt > theme.sizes.minimum && grid(pt).rowsNeeded > grid(pt).rowsFit) pt -= 1;
  const g = grid(pt);
  const perSlide = g.cols * g.rowsFit;
  const slides: SlidePlan[] = [];
  for (let start = 0; start < names.length; start += perSlide) {
    const chunk = names.slice(start, start + perSlide);
    const rows = Math.ceil(chunk.length / g.cols);
    const colW = region.w / g.cols;
    const shapes: Shape[] = titleChrome(
      frame,
      theme,
      slides.length === 0 ? head : fitTitle(title + theme.labels.continued, frame.title, theme, theme.colors.primary),
    );
    // A row or two of names stands in the middle of the slide, not at the top of an empty one.
    const h = round2(Math.max((rows * g.pitchIn * g.linesPerName) / FIT_SLACK, g.pitchIn) + 0.05);
    const y = h < region.h / 2 ? round2(region.y + (region.h - h) / 2) : round2(region.y);
    for (let c = 0; c < g.cols; c++) {
      // Fill row by row, so names read left to right in the report's order.
      const col = chunk.filter((_, i) => i % g.cols === c);
      if (!col.length) continue;
      shapes.push({
        kind: 'text',
        role: 'attendees',
        x: round2(region.x + c * colW),
        y,
        // Rounded down, so neighbouring columns never touch.
        w: Math.floor((colW - 0.02) * 100) / 100,
        h,
        insets: { left: 0, right: 0, top: 0, bottom: 0 },
        valign: 'top',
        paragraphs: col.map((n) => ({
          runs: [{ text: n, sizePt: pt, font: theme.fonts.body, color: theme.colors.text }],
          align: rows === 1 ? ('center' as const) : ('left' as const),
          lineHeightPt: round2(pt * TITLE_PITCH),
          spaceAfterPt: 0,
        })),
      });
    }
    slides.push({
      kind: 'attendees',
      subject: title,
      background: theme.colors.background,
      shapes,
      notes: chunk.join('、'),
    });
  }
  fit.push({
    subject: title,
    kind: 'attendees',
    fromPt: theme.sizes.body,
    toPt: pt,
    continuationSlides: slides.length - 1,
    splitItems: 0,
    titleLines: head.lines,
  });
  return slides;
}
