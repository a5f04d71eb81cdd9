/**
 * Attendees (出席领导), set as Chinese name lists are: a grid of equal columns centred on the
 * slide, with room between the rows; a name of two characters padded to the width of three
 * (龚正 with U+3000 IDEOGRAPHIC SPACE between them) so the columns line up; the names in the
 * order the brief gives them, row by row. The largest size that fits; more names than fit at the minimum
 * continue on further slides (出席领导（续）), the same grid on each, the rows shared out evenly.
 */
import type { LayoutContext } from './deck.js';
import { fitTitle, titleChrome } from './frame.js';
import { breakLines, textWidth } from './linebreak.js';
import { latinMetricsFor } from './metrics.js';
import type { FitEntry, Shape, SlidePlan } from './plan.js';
import { FIT_SLACK, PT_PER_IN, TITLE_PITCH, round2 } from './text.js';

/** Space between the columns, in em. */
const COL_GAP_EM = 2;
/** From one row's baseline to the next, in em: a line and most of another between. */
const ROW_PITCH_EM = 2.2;

const TWO_HAN = /^(\p{Script=Han})(\p{Script=Han})$/u;

/** A name as the list shows it: two Chinese characters padded to three, U+3000 between them. */
export function listName(name: string): string {
  return name.replace(TWO_HAN, '$1\u3000$2');
}

/** Where each name goes: row, first column, and how many columns it spans. */
interface Cell {
  row: number;
  col: number;
  span: number;
}

/** Names row by row in `cols` columns; a name wider than a column spans as many as it needs,
 * starting a new row when the one it would end is full. */
function place(spanOf: (cols: number) => number[], cols: number): { cells: Cell[]; rows: number } {
  const cells: Cell[] = [];
  let row = 0;
  let col = 0;
  for (const want of spanOf(cols)) {
    const span = Math.min(cols, want);
    if (col + span > cols) {
      row++;
      col = 0;
    }
    cells.push({ row, col, span });
    col += span;
  }
  return { cells, rows: row + (col > 0 ? 1 : 0) };
}

export function attendeeSlides(ctx: LayoutContext, fit: FitEntry[]): SlidePlan[] {
  const { brief, theme, frame } = ctx;
  const names = brief.meeting.attendees;
  const shown = names.map(listName);
  const title = theme.labels.attendees;
  const head = fitTitle(title, frame.title, theme, theme.colors.primary);
  const contHead = fitTitle(title + theme.labels.continued, frame.title, theme, theme.colors.primary);
  const top = Math.max(frame.body.y, head.bottom + 0.2, contHead.bottom + 0.2) + 0.1;
  const region = { x: frame.body.x, y: top, w: frame.body.w, h: frame.body.y + frame.body.h - top };
  const latin = latinMetricsFor(theme.fonts.body.latin, false);
  const widths = shown.map((x) => textWidth(x, latin));
  // The column is as wide as the widest name, unless a rare name is far wider than the rest
  // (阿不都热依木·卡德尔 among names of three characters): then as wide as three names in four,
  // or four characters (欧阳明华), and the long name spans two columns or more rather than
  // spreading them all.
  const sorted = [...widths].sort((a, b) => a - b);
  const widest = sorted[sorted.length - 1]!;
  const usual = Math.max(sorted[Math.floor((sorted.length - 1) * 0.75)]!, Math.min(widest, 4));
  const cellEm = widest <= usual * 1.5 ? widest : usual;
  const spanOf = (cols: number) =>
    widths.map((w) => Math.min(cols, Math.max(1, Math.ceil((w + COL_GAP_EM) / (cellEm + COL_GAP_EM) - 1e-9))));

  /** The grid at a size: columns, rows a slide holds, the height of a line of names (a name
   * wider than the slide wraps, in a row of its own). */
  const grid = (pt: number) => {
    const regionEm = (region.w * PT_PER_IN) / pt;
    const maxCols = Math.max(1, Math.floor((regionEm + COL_GAP_EM) / (cellEm + COL_GAP_EM)));
    const linesPerName = widest <= regionEm ? 1 : Math.max(...shown.map((x) => breakLines(x, regionEm, latin).length));
    const lineIn = (pt * TITLE_PITCH * linesPerName) / PT_PER_IN;
    const pitchIn = (pt * Math.max(ROW_PITCH_EM, TITLE_PITCH * linesPerName + 0.75)) / PT_PER_IN;
    const rowsFit = Math.max(1, Math.floor((region.h * FIT_SLACK - lineIn) / pitchIn) + 1);
    const { rows } = place(spanOf, maxCols);
    return { maxCols, rowsFit, lineIn, pitchIn, rows, slides: Math.ceil(rows / rowsFit) };
  };
  // As few slides as the minimum size allows; then the largest size that needs no more.
  const fewest = grid(theme.sizes.minimum).slides;
  let pt = theme.sizes.heading + 6;
  while (pt > theme.sizes.minimum && grid(pt).slides > fewest) pt -= 1;
  const g = grid(pt);
  // Then as few columns as keep that many rows, so the last row is as full as it can be (22
  // names in 7 columns would leave one alone; 6 columns give 6/6/6/4).
  let cols = g.maxCols;
  while (cols > 1 && place(spanOf, cols - 1).rows === g.rows) cols--;
  const { cells, rows } = place(spanOf, cols);
  const rowsPerSlide = Math.ceil(rows / Math.ceil(rows / g.rowsFit));

  const gapIn = (COL_GAP_EM * pt) / PT_PER_IN;
  // A name wider than the slide has the slide's width, and wraps in it.
  const cellIn = Math.min((cellEm * pt) / PT_PER_IN, region.w - gapIn * 0.8);
  const usedCols = Math.max(...cells.map((c) => c.col + c.span));
  const gridW = usedCols * cellIn + (usedCols - 1) * gapIn;
  const x0 = region.x + (region.w - gridW) / 2;
  // Every slide's grid starts where the fullest one's would: in the middle of the body, as a
  // short line on a unit's slide stands.
  const gridH = (rowsPerSlide - 1) * g.pitchIn + g.lineIn;
  const y0 = region.y + Math.max(0, region.h - gridH / FIT_SLACK) / 2;
  const boxH = round2(g.lineIn / FIT_SLACK + 0.06);

  const slides: SlidePlan[] = [];
  for (let first = 0; first < rows; first += rowsPerSlide) {
    const onSlide = cells.flatMap((cell, i) =>
      cell.row >= first && cell.row < first + rowsPerSlide ? [{ ...cell, i }] : [],
    );
    const shapes: Shape[] = titleChrome(frame, theme, slides.length === 0 ? head : contHead);
    for (const { row, col, span, i } of onSlide) {
      // The cell and most of the gaps either side: room enough that no program wraps the name.
      // A name as wide as the whole row has the slide's width (where it was measured, and wraps).
      const whole = span >= cols;
      const w = whole ? region.w : span * cellIn + (span - 1) * gapIn + gapIn * 0.8;
      shapes.push({
        kind: 'text',
        role: 'attendees',
        x: round2(whole ? region.x : x0 + col * (cellIn + gapIn) - gapIn * 0.4),
        y: round2(y0 + (row - first) * g.pitchIn - (boxH - g.lineIn) / 2),
        w: Math.floor(w * 100) / 100,
        h: boxH,
        insets: { left: 0, right: 0, top: 0, bottom: 0 },
        valign: 'middle',
        paragraphs: [
          {
            runs: [{ text: shown[i]!, sizePt: pt, font: theme.fonts.body, color: theme.colors.text }],
            align: 'center',
            lineHeightPt: round2(pt * TITLE_PITCH),
            spaceAfterPt: 0,
          },
        ],
      });
    }
    slides.push({
      kind: 'attendees',
      subject: title,
      background: theme.colors.background,
      shapes,
      notes: onSlide.map(({ i }) => names[i]!).join('、'),
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
