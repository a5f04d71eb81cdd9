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
import { breakLines, hasJoiner } from './linebreak.js';
import { latinMetricsFor } from './metrics.js';
import type { Paragraph, Run, SlidePlan, TextShape } from './plan.js';
import { measuredText, PT_PER_IN } from './text.js';

/** Does the paragraph hold text that must not be broken apart? */
const holdsWhole = (p: Paragraph) => p.runs.some((r) => r.whole || hasJoiner(r.text));

/** Place the line breaks of every text box that holds text to keep whole. */
export function placeLineBreaks(slides: SlidePlan[]): void {
  for (const slide of slides)
    for (const shape of slide.shapes) if (shape.kind === 'text' && shape.paragraphs.some(holdsWhole)) breakBox(shape);
}

function breakBox(box: TextShape): void {
  const innerPt = (box.w - box.insets.left - box.insets.right) * PT_PER_IN;
  const starts = box.paragraphs.map((p) => lineStarts(p, innerPt));
  // The box was made for what the layout measured at the width it fitted at; the box is that
  // width rounded to a hundredth of an inch. Should the rounding cost a line the box has no
  // room for, the program's own wrapping (which may still fit it) is the lesser harm.
  const heightPt = box.paragraphs.reduce(
    (sum, p, i) => sum + (starts[i]!.length + 1) * p.lineHeightPt + p.spaceAfterPt,
    0,
  );
  const roomPt = (box.h - box.insets.top - box.insets.bottom) * PT_PER_IN;
  const place = heightPt <= roomPt + 0.5;
  if (place) box.paragraphs = box.paragraphs.map((p, i) => (holdsWhole(p) ? withBreaks(p, starts[i]!) : p));
}

/** Where each line after the first begins, as offsets in the paragraph's text. */
function lineStarts(p: Paragraph, innerPt: number): number[] {
  if (p.runs.length === 0) return [];
  // Measured as the fit measured it: a whole run's characters joined.
  const { text, at } = measuredText(p.runs.map((r) => ({ text: r.text, emphasis: r.whole === true })));
  const sizePt = Math.max(...p.runs.map((r) => r.sizePt));
  const latin = latinMetricsFor(
    p.runs[0]!.font.latin,
    p.runs.some((r) => r.bold),
  );
  // As the fit measures: the text beside the bullet, in whole milli-em (text.ts, lineCount).
  const widthEm = Math.floor(((innerPt - (p.bullet?.indentPt ?? 0)) / sizePt) * 1000) / 1000;
  const lines = breakLines(text, widthEm, latin);
  const starts: number[] = [];
  let from = 0;
  lines.forEach((line, i) => {
    const found = text.indexOf(line.text, from);
    if (i > 0) starts.push(at[found]!);
    from = found + line.text.length;
  });
  return starts;
}

/** The paragraph with a line break before each of `starts`. */
function withBreaks(p: Paragraph, starts: number[]): Paragraph {
  const runs: Run[] = [];
  let pos = 0;
  let pending = false;
  for (const r of p.runs) {
    const end = pos + r.text.length;
    const cuts = [pos, ...starts.filter((s) => s > pos && s < end), end];
    // The run without a break of its own (a plain spread, where it has none: the rest pattern is slow).
    const rest = 'breakBefore' in r ? withoutBreak(r) : r;
    for (let k = 0; k + 1 < cuts.length; k++) {
      if (starts.includes(cuts[k]!)) pending = true;
      const text = r.text.slice(cuts[k]! - pos, cuts[k + 1]! - pos);
      if (text === '') continue;
      runs.push(pending ? { ...rest, text, breakBefore: true } : { ...rest, text });
      pending = false;
    }
    pos = end;
  }
  return { ...p, runs };
}

function withoutBreak(r: Run): Run {
  const { breakBefore: _, ...rest } = r;
  return rest;
}
