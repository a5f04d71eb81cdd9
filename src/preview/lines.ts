/**
 * A paragraph of the plan broken into lines as the layout measured it: the same width (the box
 * less its insets and the bullet's indent), the same size, the same Latin metrics (the bold ones
 * when a run is bold, as the layout measures an emphasised item), the same line breaker.
 */
import { breakLines } from '../layout/linebreak.js';
import { latinMetricsFor } from '../layout/metrics.js';
import type { Paragraph, Run, TextShape } from '../layout/plan.js';

const PT_PER_IN = 72;

/** A piece of one run on one line. */
interface LinePiece {
  text: string;
  run: Run;
}

export interface PreviewLine {
  pieces: LinePiece[];
}

/** Where a paragraph's text starts and how wide it may be, in points from the box's left. */
export function textColumn(shape: TextShape, p: Paragraph): { left: number; width: number } {
  const indent = p.bullet ? p.bullet.indentPt : 0;
  const left = shape.insets.left * PT_PER_IN + indent;
  const width = (shape.w - shape.insets.left - shape.insets.right) * PT_PER_IN - indent;
  return { left, width };
}

/** The paragraph's lines, each as pieces of its runs; every character of the runs is in one. */
export function paragraphLines(shape: TextShape, p: Paragraph): PreviewLine[] {
  const first = p.runs[0];
  if (!first) return [{ pieces: [] }];
  const text = p.runs.map((r) => r.text).join('');
  const latin = latinMetricsFor(
    first.font.latin,
    p.runs.some((r) => r.bold),
  );
  // Rounded down to a milli-em, as the layout's own line count is.
  const widthEm = Math.floor((textColumn(shape, p).width / first.sizePt) * 1000) / 1000;
  const lines = breakLines(text, widthEm, latin);
  // Where each line starts in the text: a wrapped line drops the spaces at its break, which
  // stay at the end of the line before (they hang past the edge, as in the deck).
  const starts: number[] = [];
  let pos = 0;
  for (const line of lines) {
    const at = line.text === '' ? -1 : text.indexOf(line.text, pos);
    starts.push(at < 0 ? pos : at);
    pos = (at < 0 ? pos : at) + line.text.length;
  }
  starts[0] = 0;
  const out: PreviewLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const from = starts[i]!;
    const to = i + 1 < lines.length ? starts[i + 1]! : text.length;
    out.push({ pieces: slice(p.runs, from, to) });
  }
  return out;
}

function slice(runs: Run[], from: number, to: number): LinePiece[] {
  const pieces: LinePiece[] = [];
  let pos = 0;
  for (const run of runs) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + run.text.length);
    if (b > a) pieces.push({ text: run.text.slice(a - pos, b - pos), run });
    pos += run.text.length;
  }
  return pieces;
}
