/**
 * Paragraphs and their measured height. The numbers here are the ones the renderer writes
 * (insets, hanging indent, exact line pitch, space after), so what we measure is what every
 * program draws: text boxes are written with autofit off and explicit sizes.
 */
import { breakLines, countLinesAtMilli, keepWhole } from './linebreak.js';
import type { Segment as FigureSegment } from './figures.js';
import { AUTOSPACE_EM, isWideCodePoint, LINE_HEIGHT_EM, type LatinMetrics } from './metrics.js';
import { pointLabel } from './numbering.js';
import type { PointNumbering } from '../theme/types.js';
import type { FontFaces, Insets, Paragraph, Run } from './plan.js';

/** Line pitch as a multiple of the font size. Exact spacing (not "single"), so PowerPoint, WPS
 * and LibreOffice agree; above the tallest CJK font's natural height (Noto Sans CJK, 1.448 em)
 * so no renderer crops glyphs. */
const BODY_PITCH = Math.max(1.45, LINE_HEIGHT_EM);
export const TITLE_PITCH = Math.max(1.45, LINE_HEIGHT_EM);

/** Measured heights must leave this fraction of the box free: fonts differ by a hair between
 * programs, and a box that is exactly full looks cramped anyway. */
export const FIT_SLACK = 0.97;

export const PT_PER_IN = 72;

export interface TextStyle {
  sizePt: number;
  font: FontFaces;
  color: string;
  bold?: boolean;
}

/** A piece of an item: a key figure (`emphasis`, from figures.ts) or secondary text (`muted`). */
export interface Segment extends Omit<FigureSegment, 'emphasis'> {
  emphasis?: boolean;
  /** Secondary text (who said it). */
  muted?: boolean;
}

export interface ListItem {
  segments: Segment[];
  /** The segments' text, joined, key figures held whole: what is measured (at every size and
   * width fitting tries). */
  text: string;
  /** Some segment is a key figure, set in bold. */
  emphasised: boolean;
  /** This item continues one begun on the previous slide: no bullet, same indent. */
  continued?: boolean;
}

/**
 * What an item's segments are measured as: their text, a key figure's characters joined by word
 * joiners so that no line breaks inside "1.8万户"; and, for each place in it, the place in the
 * segments' own text.
 */
export function measuredText(segments: Array<Pick<Segment, 'text' | 'emphasis'>>): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let pos = 0;
  for (const s of segments) {
    if (s.emphasis) {
      // keepWhole's joiners, each standing where the character after it begins.
      const held = keepWhole(s.text);
      let k = 0;
      for (let j = 0; j < held.length; j++) {
        const joiner = held.length !== s.text.length && held[j] === '\u2060' && held[j] !== s.text[k];
        at.push(pos + k);
        if (!joiner) k++;
      }
      text += held;
    } else {
      for (let k = 0; k < s.text.length; k++) at.push(pos + k);
      text += s.text;
    }
    pos += s.text.length;
  }
  at.push(pos);
  return { text, at };
}

/** An item of these segments. */
export function listItem(segments: Segment[], continued?: boolean): ListItem {
  // measuredText's text, without the map back to the segments that only a split needs.
  let text = '';
  let emphasised = false;
  for (const s of segments) {
    text += s.emphasis ? keepWhole(s.text) : s.text;
    if (s.emphasis) emphasised = true;
  }
  return continued ? { segments, text, emphasised, continued } : { segments, text, emphasised };
}

export interface ListStyle {
  kind: 'bullet' | 'number' | 'plain';
  /** How a numbered list is numbered; default arabic (the program's own 1. 2. 3.). */
  numbering?: PointNumbering;
  bulletChar?: string;
  bulletColor: string;
  /** Multiplier of the size for the space after each paragraph. */
  spaceAfterEm: number;
  emphasisColor?: string;
  mutedColor?: string;
  align?: 'left' | 'center' | 'right';
  pitch?: number;
  /** How to measure Latin text in this list: the body face, and its bold for emphasised items. */
  latin: { regular: LatinMetrics; bold: LatinMetrics };
}

/** Emphasised figures are bold, and bold Latin is wider. */
export const metricsOf = (item: ListItem, style: ListStyle): LatinMetrics =>
  item.emphasised ? style.latin.bold : style.latin.regular;

/** The label written before item `n` of a list numbered in text (（一）, 一是), if it is one. */
const labelOf = (style: ListStyle, n: number): string | undefined =>
  style.kind === 'number' && style.numbering ? pointLabel(n, style.numbering) : undefined;

/** Width in em of a label: its characters are all full-width. */
const labelEm = (label: string) => [...label].length;

const widestLabels = new Map<string, number>();

/** The widest label of items 1 to `count` (（九十九） is wider than （一百）), with the quarter em
 * LibreOffice and WPS put before a point that starts with a Latin letter or digit. */
function widestLabelEm(style: ListStyle, count: number): number {
  const key = `${style.numbering}\u0000${count}`;
  let em = widestLabels.get(key);
  if (em === undefined) {
    em = 0;
    for (let n = 1; n <= count; n++) em = Math.max(em, labelEm(labelOf(style, n)!));
    widestLabels.set(key, (em += AUTOSPACE_EM));
  }
  return em;
}

function indentPt(style: ListStyle, sizePt: number, count: number): number {
  if (style.kind === 'plain') return 0;
  if (labelOf(style, 1) !== undefined) return round2(sizePt * widestLabelEm(style, Math.max(1, count)));
  if (style.kind === 'number') return Math.round(sizePt * (count >= 10 ? 1.9 : 1.5) * 100) / 100;
  return Math.round(sizePt * 1.2 * 100) / 100;
}

/** Width in em available to the text of one item. */
export function textWidthEmFor(boxW: number, insets: Insets, style: ListStyle, sizePt: number, count: number): number {
  const widthPt = (boxW - insets.left - insets.right) * PT_PER_IN - indentPt(style, sizePt, count);
  return widthPt / sizePt;
}

/** Lines an item takes at a width in em. Rounded down to a milli-em, so the memo behind it
 * never allows a hair more width than there is. */
export function lineCount(text: string, widthEm: number, latin: LatinMetrics): number {
  return countLinesAtMilli(text, Math.floor(widthEm * 1000), latin);
}

/** Lines an item takes at a width in em, in the metrics its list measures it with. */
const itemLineCount = (item: ListItem, widthEm: number, style: ListStyle): number =>
  lineCount(item.text, widthEm, metricsOf(item, style));

/** Height in inches that a list of items needs in a box of width `boxW`, at `sizePt`. */
export function listHeight(
  items: ListItem[],
  boxW: number,
  insets: Insets,
  style: ListStyle,
  sizePt: number,
  numberFrom = 1,
): number {
  const widthEm = textWidthEmFor(boxW, insets, style, sizePt, numberFrom + items.length - 1);
  const pitchPt = sizePt * (style.pitch ?? BODY_PITCH);
  let pt = 0;
  for (const item of items) pt += itemLineCount(item, widthEm, style) * pitchPt + style.spaceAfterEm * sizePt;
  return pt / PT_PER_IN + insets.top + insets.bottom;
}

/** The paragraphs the renderer writes for a list. */
export function listParagraphs(items: ListItem[], base: TextStyle, style: ListStyle, numberFrom = 1): Paragraph[] {
  const indent = indentPt(style, base.sizePt, numberFrom + items.length - 1);
  let n = numberFrom;
  return items.map((item) => {
    const runs: Run[] = [];
    for (const s of item.segments) {
      if (s.text.length === 0) continue;
      const run: Run = {
        text: s.text,
        sizePt: base.sizePt,
        font: base.font,
        color: s.emphasis
          ? (style.emphasisColor ?? base.color)
          : s.muted
            ? (style.mutedColor ?? base.color)
            : base.color,
      };
      if (s.emphasis || base.bold) run.bold = true;
      if (s.emphasis) run.whole = true;
      runs.push(run);
    }
    const p: Paragraph = {
      runs,
      align: style.align ?? 'left',
      lineHeightPt: round2(base.sizePt * (style.pitch ?? BODY_PITCH)),
      spaceAfterPt: round2(style.spaceAfterEm * base.sizePt),
    };
    const label = labelOf(style, n);
    if (style.kind !== 'plain' && item.continued) p.bullet = { kind: 'continued', indentPt: indent };
    else if (label !== undefined) {
      // The text begins right after the label, and the lines after it line up with it.
      const first = item.text.codePointAt(0) ?? 0;
      const gap = /^[\p{L}\p{N}]/u.test(item.text) && !isWideCodePoint(first);
      const labelRun: Run = { text: label, sizePt: base.sizePt, font: base.font, color: style.bulletColor, bold: true };
      p.bullet = {
        kind: 'label',
        label: labelRun,
        indentPt: round2(base.sizePt * (labelEm(label) + (gap ? AUTOSPACE_EM : 0))),
      };
    } else if (style.kind === 'bullet')
      p.bullet = { kind: 'bullet', char: style.bulletChar ?? '•', indentPt: indent, color: style.bulletColor };
    else if (style.kind === 'number')
      p.bullet = { kind: 'number', startAt: n, indentPt: indent, color: style.bulletColor };
    if (!item.continued) n++;
    return p;
  });
}

/** Split one item into pieces that each take at most `maxLines` lines (the first) or
 * `nextMaxLines` (the rest) at this width. Splits only at line breaks, so no word is cut. */
export function splitItem(
  item: ListItem,
  widthEm: number,
  maxLines: number,
  nextMaxLines: number,
  latin: LatinMetrics,
): ListItem[] {
  const { text, at } = measuredText(item.segments);
  const lines = breakLines(text, widthEm, latin);
  const pieces: ListItem[] = [];
  let offset = 0;
  let lineIdx = 0;
  let first = true;
  while (lineIdx < lines.length) {
    const take = Math.max(1, first ? maxLines : nextMaxLines);
    const chunk = lines.slice(lineIdx, lineIdx + take);
    lineIdx += chunk.length;
    // Map the lines back to the source text, so whitespace at break points is kept in place.
    const end =
      lineIdx >= lines.length
        ? text.length
        : endOffset(
            text,
            offset,
            chunk.map((l) => l.text),
          );
    pieces.push(listItem(sliceTexts(item.segments, at[offset]!, at[end]!), first ? item.continued : true));
    offset = end;
    first = false;
  }
  return pieces;
}

function endOffset(text: string, start: number, lines: string[]): number {
  let pos = start;
  for (const line of lines) {
    const at = text.indexOf(line, pos);
    pos = (at < 0 ? pos : at) + line.length;
  }
  return pos;
}

/** The pieces of text (segments, runs) between two places in their joined text, each cut to fit. */
export function sliceTexts<T extends { text: string }>(pieces: T[], from: number, to: number): T[] {
  const out: T[] = [];
  let pos = 0;
  for (const s of pieces) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + s.text.length);
    if (b > a) out.push({ ...s, text: s.text.slice(a - pos, b - pos) });
    pos += s.text.length;
  }
  return out;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
