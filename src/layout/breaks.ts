/**
 * Line breaks the layout places itself, so that text it holds whole is never broken apart by the
 * program that shows the deck: a key figure ("1.8万户", "三分之一": a run marked `whole`), and
 * text a brief joins with U+2060 WORD JOINER.
 *
 * The layout measures such text with word joiners between its characters, and its line breaking
 * honours them. The programs do not all do so (docs/line-breaks.md has what was found): the
 * LibreOffice of today's Linux distributions breaks Chinese text between any two characters,
 * joiner or not. So a joiner is not what the file relies on: in a paragraph that holds whole text
 * and wraps, every line ends with a line break of the layout's own (`<a:br/>`, Shift+Enter) where
 * it measured the break. The layout's measure is conservative (no line it makes is wider than the
 * box in any program), so no program wraps a line before that break: the lines are briefdeck's,
 * everywhere. The text itself is left as written.
 */
import { hasJoiner, keepWhole, wrapStarts } from './linebreak.js';
import { latinMetricsFor, type LatinMetrics } from './metrics.js';
import type { Paragraph, Run, SlidePlan, TextShape } from './plan.js';
import { measuredText, metricsOf, PT_PER_IN, type ListItem, type ListStyle, type Segment } from './text.js';

/** Does the paragraph hold text that must not be broken apart? */
const holdsWhole = (p: Paragraph) => p.runs.some((r) => r.whole || hasJoiner(r.text));

/** A paragraph as the fit measured it: its text (a whole run's characters joined by word
 * joiners), in which metrics, and where a place in that text is in the runs' own text. */
interface AsMeasured {
  text: string;
  latin: LatinMetrics;
  inRuns: (offset: number) => number;
}

/** Place the line breaks of every text box that holds text to keep whole. A panel's list has
 * placed its own already, from its items (placeListBreaks). */
export function placeLineBreaks(slides: SlidePlan[]): void {
  for (const slide of slides)
    for (const shape of slide.shapes)
      if (shape.kind === 'text' && !shape.role.startsWith(LIST_ROLE) && shape.paragraphs.some(holdsWhole))
        breakBox(shape, fromRuns);
}

/** The role of a panel's list box (panels.ts). */
export const LIST_ROLE = 'panel:';

/** Place the line breaks of a panel's list box, whose paragraphs are `items` in this style: the
 * text the fit measured is the items' own, so nothing is joined or measured again. */
export function placeListBreaks(box: TextShape, items: ListItem[], style: ListStyle): void {
  if (items.some((item) => item.emphasised || hasJoiner(item.text)))
    breakBox(box, (_p, i) => fromItem(items[i]!, style));
}

function fromRuns(p: Paragraph): AsMeasured {
  const { text, at } = measuredText(p.runs.map((r) => ({ text: r.text, emphasis: r.whole === true })));
  const bold = p.runs.some((r) => r.bold);
  return { text, latin: latinMetricsFor(p.runs[0]!.font.latin, bold), inRuns: (offset) => at[offset]! };
}

function fromItem(item: ListItem, style: ListStyle): AsMeasured {
  return { text: item.text, latin: metricsOf(item, style), inRuns: (offset) => inSegments(item.segments, offset) };
}

/** Where a place in the segments' measured text (text.ts, listItem) is in their own text. */
function inSegments(segments: Segment[], offset: number): number {
  let measured = 0;
  let own = 0;
  for (const s of segments) {
    const held = s.emphasis ? keepWhole(s.text) : s.text;
    if (offset < measured + held.length)
      return own + (s.emphasis ? measuredText([s]).at[offset - measured]! : offset - measured);
    measured += held.length;
    own += s.text.length;
  }
  return own;
}

function breakBox(box: TextShape, asMeasured: (p: Paragraph, i: number) => AsMeasured): void {
  const innerPt = (box.w - box.insets.left - box.insets.right) * PT_PER_IN;
  const wraps = box.paragraphs.map((p, i) => (p.runs.length ? wrapsOf(p, innerPt, asMeasured(p, i)) : NO_WRAPS));
  // The box was made for what the layout measured at the width it fitted at; the box is that
  // width rounded to a hundredth of an inch. Should the rounding cost a line the box has no
  // room for, the program's own wrapping (which may still fit it) is the lesser harm.
  let heightPt = 0;
  box.paragraphs.forEach((p, i) => (heightPt += wraps[i]!.lines * p.lineHeightPt + p.spaceAfterPt));
  const roomPt = (box.h - box.insets.top - box.insets.bottom) * PT_PER_IN;
  if (heightPt <= roomPt + 0.5)
    box.paragraphs = box.paragraphs.map((p, i) => (holdsWhole(p) ? withBreaks(p, wraps[i]!.starts) : p));
}

const NO_WRAPS = { starts: [], lines: 1 };

/** Where each line begun by a wrap starts, as offsets in the paragraph's runs' text, and how many
 * lines the paragraph takes. */
function wrapsOf(p: Paragraph, innerPt: number, m: AsMeasured): { starts: number[]; lines: number } {
  let sizePt = 0;
  for (const r of p.runs) sizePt = Math.max(sizePt, r.sizePt);
  // As the fit measures: the text beside the bullet, in whole milli-em (text.ts, lineCount).
  const widthEm = Math.floor(((innerPt - (p.bullet?.indentPt ?? 0)) / sizePt) * 1000) / 1000;
  const { starts, lines } = wrapStarts(m.text, widthEm, m.latin);
  return { starts: starts.map(m.inRuns), lines };
}

/** The paragraph with a line break before each of `starts` (ascending). A run with no break in
 * it or before it is kept as it is. */
function withBreaks(p: Paragraph, starts: number[]): Paragraph {
  const runs: Run[] = [];
  let pos = 0;
  let pending = false;
  let next = 0;
  for (const r of p.runs) {
    const end = pos + r.text.length;
    while (next < starts.length && starts[next]! < pos) next++;
    if (starts[next] === pos) pending = true;
    if (!pending && !r.breakBefore && !(starts[next]! > pos && starts[next]! < end)) {
      // Nothing to place in this run.
      if (r.text !== '') runs.push(r);
    } else {
      // The run without a break of its own (a plain spread, where it has none: the rest pattern is slow).
      const rest = 'breakBefore' in r ? withoutBreak(r) : r;
      let from = pos;
      const piece = (to: number) => {
        const text = r.text.slice(from - pos, to - pos);
        if (text === '') return;
        runs.push(pending ? { ...rest, text, breakBefore: true } : { ...rest, text });
        pending = false;
      };
      for (; next < starts.length && starts[next]! < end; next++) {
        if (starts[next]! > pos) {
          piece(starts[next]!);
          from = starts[next]!;
          pending = true;
        }
      }
      piece(end);
    }
    pos = end;
  }
  return { ...p, runs };
}

function withoutBreak(r: Run): Run {
  const { breakBefore: _, ...rest } = r;
  return rest;
}
