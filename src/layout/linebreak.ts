/**
 * Greedy line breaking that imitates PowerPoint's rules for Chinese text, so
 * that our line count is never lower than what a renderer will produce.
 *
 * The unit of work is the grapheme cluster (Intl.Segmenter): a break is never
 * placed inside one, so combining marks, variation selectors and ZWJ emoji
 * sequences stay with their base character.
 */
import { AUTOSPACE_EM, CONSERVATIVE, graphemes, graphemeWidthEm, isEmojiCodePoint, isWideCodePoint, type LatinMetrics } from './metrics.js';

export interface Line {
  text: string;
  /** Width in em, excluding trailing spaces (they hang past the right edge). */
  widthEm: number;
}

type Kind = 'space' | 'zwsp' | 'wide' | 'quote' | 'narrow';

interface Atom {
  g: string;
  w: number;
  /** Autospace before this atom when it follows its neighbour on the same line. */
  gap: number;
  kind: Kind;
  /** First code point, used for the kinsoku tables. */
  cp: number;
}

// Floating-point sums of table widths must not turn "exactly fits" into overflow.
const EPS = 1e-9;

/**
 * Kinsoku shori (禁则处理): characters that may not begin a line (closing
 * punctuation) and that may not end one (opening punctuation). The lists are
 * the Chinese ones PowerPoint applies plus their ASCII counterparts.
 */
const NO_LINE_START = new Set(
  Array.from('，。、；：？！）》」』】〕〉〗〙〛］｝｠”’．…‥％‰℃' + ',.;:?!)]}%'),
);
const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖〘〚［｛｟“‘' + '([{$¥￥£€'));

/** Quotes take no break by themselves (don’t must stay whole) but allow one next to CJK. */
const QUOTES = new Set(Array.from('“”‘’"\''));

/** Ambiguous-width punctuation that behaves like a CJK character for breaking. */
const WIDE_PUNCT = new Set(Array.from('—―…‥·※'));

/** A pair of these (——, ……) is a single punctuation mark and is never split. */
const INSEPARABLE = new Set(Array.from('—―…‥'));

const SPACE_RE = /^[ \t\u2000-\u2006\u2008-\u200a\u205f]+$/;

function classify(g: string, latin: LatinMetrics): Atom {
  const cp = g.codePointAt(0) ?? 0;
  // The two cases that make up nearly all text, decided without a regular expression.
  if (g.length === 1 && cp >= 0x4e00 && cp <= 0x9fff) return { g, w: 1, gap: 0, kind: 'wide', cp };
  if (g.length === 1 && cp > 0x20 && cp < 0x7f && cp !== 0x22 && cp !== 0x27) return { g, w: graphemeWidthEm(g, latin), gap: 0, kind: 'narrow', cp };
  let kind: Kind;
  if (SPACE_RE.test(g)) kind = 'space';
  else if (cp === 0x200b) kind = 'zwsp';
  else if (QUOTES.has(g)) kind = 'quote';
  else if (isWideCodePoint(cp) || isEmojiCodePoint(cp) || WIDE_PUNCT.has(g)) kind = 'wide';
  else kind = 'narrow';
  return { g, w: graphemeWidthEm(g, latin), gap: 0, kind, cp };
}

const isDigitAtom = (a: Atom | undefined): boolean => a !== undefined && /^[0-9０-９]/.test(a.g);

/**
 * Is there a break opportunity between atoms[b-1] and atoms[b] (atoms[b] is
 * not a space)? This ignores kinsoku, which legalBreak() applies on top.
 */
function opportunity(atoms: readonly Atom[], b: number): boolean {
  const a = atoms[b - 1];
  const c = atoms[b];
  if (a === undefined || c === undefined) return false;
  if (a.kind === 'space' || a.kind === 'zwsp') return true;
  if (c.kind === 'zwsp') return false;
  if (INSEPARABLE.has(a.g) && a.g === c.g) return false;
  // Between two CJK characters, or CJK and anything else: PowerPoint breaks
  // there, which splits "2.3万" into "2.3|万" but never inside "2.3".
  if (a.kind === 'wide' || c.kind === 'wide') return true;
  if (a.kind === 'quote' || c.kind === 'quote') return false;
  // Latin: after a hyphen inside a word ("state-|of-|the-art"), but not in
  // number ranges ("1-11") or before digits ("COVID-19").
  if ((a.g === '-' || a.g === '\u2010') && c.kind === 'narrow' && !isDigitAtom(c)) {
    const before = atoms[b - 2];
    return before !== undefined && before.kind === 'narrow' && !isDigitAtom(before);
  }
  return false;
}

/** Would a line ending before atoms[b] obey kinsoku (and be non-empty)? */
function kinsokuOk(atoms: readonly Atom[], start: number, b: number): boolean {
  const next = atoms[b];
  if (next !== undefined && NO_LINE_START.has(next.g)) return false;
  for (let k = b - 1; k >= start; k--) {
    const prev = atoms[k];
    if (prev === undefined || prev.kind === 'space') continue;
    return !NO_LINE_END.has(prev.g);
  }
  return false; // nothing but spaces before b: the line would be empty
}

/**
 * Choose where to end the line [start, i) given that atoms[i] does not fit.
 * 1. the last real break opportunity that obeys kinsoku — this is how a CJK
 *    character is carried down together with a following '，';
 * 2. otherwise (one unbreakable token fills the line, e.g. a URL) any grapheme
 *    boundary that obeys kinsoku;
 * 3. otherwise right before atoms[i], rules or not: a too-wide line is worse.
 */
function findBreak(atoms: readonly Atom[], start: number, i: number): number {
  for (let b = i; b > start; b--) {
    if (atoms[b]?.kind === 'space') continue;
    if (opportunity(atoms, b) && kinsokuOk(atoms, start, b)) return b;
  }
  for (let b = i; b > start; b--) {
    if (atoms[b]?.kind === 'space') continue;
    if (kinsokuOk(atoms, start, b)) return b;
  }
  return i;
}

function makeLine(atoms: readonly Atom[], start: number, end: number, trimEnd: boolean): Line {
  let text = '';
  let width = 0;
  let pending = 0; // width of a run of spaces not yet followed by content
  let trailing = ''; // ditto, text
  for (let k = start; k < end; k++) {
    const a = atoms[k];
    if (a === undefined) continue;
    if (a.kind === 'space') {
      pending += a.w;
      trailing += a.g;
      continue;
    }
    text += trailing + a.g;
    width += pending + a.w + (k > start ? a.gap : 0);
    pending = 0;
    trailing = '';
  }
  return { text: trimEnd ? text : text + trailing, widthEm: width };
}

const LATIN_ALNUM = /^[\p{L}\p{N}]/u;

/**
 * Mark the renderer's autospace. LibreOffice assigns each character a script: CJK is Asian,
 * letters and digits Latin, and spaces, punctuation and symbols are "weak" and take the script
 * of what precedes them. Wherever the script changes between Asian and Latin, it adds a quarter
 * em: so "约 7.4%；" gets one before "7" (the space counts as Asian) and one before "；".
 */
function addAutospace(atoms: Atom[]): void {
  const strong = (a: Atom): 'A' | 'L' | undefined => (a.kind === 'wide' && !isEmojiCodePoint(a.cp) ? 'A' : a.kind === 'narrow' && LATIN_ALNUM.test(a.g) ? 'L' : undefined);
  let prev: 'A' | 'L' | undefined = atoms.map(strong).find((c) => c !== undefined);
  for (let k = 0; k < atoms.length; k++) {
    const own = strong(atoms[k]!);
    const eff = own ?? prev;
    if (k > 0 && eff !== undefined && prev !== undefined && eff !== prev) atoms[k]!.gap = AUTOSPACE_EM;
    prev = eff;
  }
}

/** Atoms of a paragraph, kept: fitting breaks the same text at many widths and sizes. */
const atomCache = new Map<LatinMetrics, Map<string, readonly Atom[]>>();

/** Forget measured text (benchmarks measure a cold layout). */
export function clearBreakCache(): void {
  atomCache.clear();
}

function atomsOf(para: string, latin: LatinMetrics): readonly Atom[] {
  let perLatin = atomCache.get(latin);
  if (!perLatin) atomCache.set(latin, (perLatin = new Map()));
  let atoms = perLatin.get(para);
  if (!atoms) {
    const fresh = graphemes(para).map((g) => classify(g, latin));
    addAutospace(fresh);
    if (perLatin.size > 50_000) perLatin.clear();
    perLatin.set(para, fresh);
    atoms = fresh;
  }
  return atoms;
}

/**
 * Lay out one paragraph greedily; `line` is told each line's atom range [start, end) and
 * whether it is the last (whose trailing spaces are kept). Returns the number of lines.
 */
function layOut(atoms: readonly Atom[], maxWidthEm: number, line?: (start: number, end: number, last: boolean) => void): number {
  let start = 0;
  let count = 0;
  while (start < atoms.length) {
    let width = 0;
    let pending = 0;
    let hasContent = false;
    let end = atoms.length;
    for (let i = start; i < atoms.length; i++) {
      const a = atoms[i]!;
      if (a.kind === 'space') {
        pending += a.w; // trailing spaces hang, so they never cause a wrap
        continue;
      }
      const next = width + pending + a.w + (hasContent ? a.gap : 0);
      if (next <= maxWidthEm + EPS || !hasContent) {
        // An atom wider than the whole line goes alone on its own line.
        width = next;
        pending = 0;
        hasContent = true;
        continue;
      }
      end = findBreak(atoms, start, i);
      break;
    }
    count++;
    if (end >= atoms.length) {
      line?.(start, atoms.length, true);
      return count;
    }
    line?.(start, end, false);
    start = end;
    while (atoms[start]?.kind === 'space') start++; // no spaces at a wrapped line's start
  }
  return count;
}

const PARAGRAPHS = /\r\n|[\n\r\u2028\u2029]/;

/** How many lines `breakLines` would give, without building them: what fitting asks most. */
export function countLines(text: string, maxWidthEm: number, latin: LatinMetrics = CONSERVATIVE): number {
  let n = 0;
  for (const para of text.split(PARAGRAPHS)) n += para === '' ? 1 : layOut(atomsOf(para, latin), maxWidthEm);
  return n;
}

/**
 * Break text into lines no wider than maxWidthEm (unless a single grapheme is
 * wider). "\n" (also "\r\n", "\r") forces a break; an empty paragraph still
 * yields one empty line because it still takes one line of height. Spaces at
 * a wrap point are dropped; leading spaces of a paragraph are kept (indent).
 */
export function breakLines(text: string, maxWidthEm: number, latin: LatinMetrics = CONSERVATIVE): Line[] {
  if (Number.isNaN(maxWidthEm)) throw new RangeError('maxWidthEm must be a number');
  const lines: Line[] = [];
  for (const para of text.split(PARAGRAPHS)) {
    if (para === '') {
      lines.push({ text: '', widthEm: 0 });
      continue;
    }
    const atoms = atomsOf(para, latin);
    layOut(atoms, maxWidthEm, (start, end, last) => lines.push(makeLine(atoms, start, end, !last)));
  }
  return lines;
}

/** Width in em of one line of text as the renderer draws it: glyphs and autospace. */
export function textWidth(text: string, latin: LatinMetrics = CONSERVATIVE): number {
  let widest = 0;
  for (const para of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    let w = 0;
    atomsOf(para, latin).forEach((a, k) => (w += a.w + (k > 0 ? a.gap : 0)));
    widest = Math.max(widest, w);
  }
  return widest;
}
