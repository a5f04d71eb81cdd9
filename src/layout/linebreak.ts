/**
 * Greedy line breaking that imitates PowerPoint's rules for Chinese text, so
 * that our line count is never lower than what a renderer will produce.
 *
 * The unit of work is the grapheme cluster (Intl.Segmenter): a break is never
 * placed inside one, so combining marks, variation selectors and ZWJ emoji
 * sequences stay with their base character.
 */
import {
  AUTOSPACE_EM,
  clusters,
  CONSERVATIVE,
  graphemes,
  graphemeWidthEm,
  isEmojiCodePoint,
  isWideCodePoint,
  type LatinMetrics,
} from './metrics.js';

export interface Line {
  text: string;
  /** Width in em, excluding trailing spaces (they hang past the right edge). */
  widthEm: number;
}

/** What a grapheme is for breaking, with the kinsoku facts about it, as bits. */
const SPACE = 0;
const ZWSP = 1;
const WIDE = 2;
const QUOTE = 3;
const NARROW = 4;
const KIND = 7;
/** May not begin a line (closing punctuation). */
const NO_START = 8;
/** May not end a line (opening punctuation). */
const NO_END = 16;
/** Half of a pair never split (——, ……). */
const PAIRED = 32;
/** Starts with a digit. */
const DIGIT = 64;
/** A hyphen ('-' or U+2010). */
const HYPHEN = 128;

/** Strongly Asian (CJK) or strongly Latin (a letter or digit), for autospace. */
const STRONG_A = 256;
const STRONG_L = 512;
/** Set on every classified code unit in the table below (flags can be 0: a space). */
const KNOWN = 1024;
/** U+2060 WORD JOINER (or U+FEFF used as one): no break on either side of it. */
const GLUE = 2048;
/** Autospace (AUTOSPACE_EM) before this atom when it follows its neighbour on the same line. */
const GAP = 4096;

/** U+2060 WORD JOINER: what holds the characters of a key figure together while it is measured. */
const JOINER = '\u2060';

/** Text whose characters may not be broken apart ("1.8万户"), for measuring: a word joiner
 * between each two of them, which this line breaking honours (see breaks.ts for the file). */
export function keepWhole(text: string): string {
  return graphemes(text).join(JOINER);
}

/** Does the text hold a word joiner (U+2060, or U+FEFF used as one)? */
export const hasJoiner = (text: string): boolean => text.includes(JOINER) || text.includes('\ufeff');

/**
 * A paragraph's graphemes, as parallel arrays of numbers: what the greedy loop reads millions
 * of times on a big deck. Every text measured stays in memory while the deck is laid out (a
 * 1,000-unit brief has ~6,000), so an atom is two numbers: its width and its flags.
 */
interface Atoms {
  para: string;
  length: number;
  /** Where each grapheme begins in `para` (and, last, where the paragraph ends); null when each
   * is one code unit (nearly all text), so that atom i begins at i. */
  offs: number[] | null;
  w: number[];
  flags: number[];
  /** Width of the whole paragraph on one line: it fits any width at least this. */
  oneLine: number;
}

/** Where atom i begins in its paragraph. */
const offset = (atoms: Atoms, i: number): number => (atoms.offs === null ? i : atoms.offs[i]!);
/** The autospace before atom i when it follows its neighbour on the same line. */
const gapBefore = (atoms: Atoms, i: number): number => (atoms.flags[i]! & GAP ? AUTOSPACE_EM : 0);

// Floating-point sums of table widths must not turn "exactly fits" into overflow.
const EPS = 1e-9;

/**
 * Kinsoku shori (禁则处理): characters that may not begin a line (closing
 * punctuation) and that may not end one (opening punctuation). The lists are
 * the Chinese ones PowerPoint applies plus their ASCII counterparts.
 */
const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕〉〗〙〛］｝｠”’．…‥％‰℃' + ',.;:?!)]}%'));
const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖〘〚［｛｟“‘' + '([{$¥￥£€'));

/** Quotes take no break by themselves (don’t must stay whole) but allow one next to CJK. */
const QUOTES = new Set(Array.from('“”‘’"\''));

/** Ambiguous-width punctuation that behaves like a CJK character for breaking. */
const WIDE_PUNCT = new Set(Array.from('—―…‥·※'));

/** A pair of these (——, ……) is a single punctuation mark and is never split. */
const INSEPARABLE = new Set(Array.from('—―…‥'));

const SPACE_RE = /^[ \t\u2000-\u2006\u2008-\u200a\u205f]+$/;

function kindOf(g: string, cp: number): number {
  // The two cases that make up nearly all text, decided without a regular expression.
  if (g.length === 1 && cp >= 0x4e00 && cp <= 0x9fff) return WIDE;
  if (g.length === 1 && cp > 0x20 && cp < 0x7f && cp !== 0x22 && cp !== 0x27) return NARROW;
  if (SPACE_RE.test(g)) return SPACE;
  if (cp === 0x200b) return ZWSP;
  if (QUOTES.has(g)) return QUOTE;
  if (isWideCodePoint(cp) || isEmojiCodePoint(cp) || WIDE_PUNCT.has(g)) return WIDE;
  return NARROW;
}

function flagsOf(g: string, kind: number): number {
  let f = kind;
  // Only one-character graphemes are in the tables (a mark after one makes it another).
  if (g.length === 1) {
    if (NO_LINE_START.has(g)) f |= NO_START;
    if (NO_LINE_END.has(g)) f |= NO_END;
    if (INSEPARABLE.has(g)) f |= PAIRED;
    if (g === '-' || g === '\u2010') f |= HYPHEN;
    if (g === JOINER || g === '\ufeff') f |= GLUE;
  }
  const c = g.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) f |= DIGIT;
  return f;
}

const kind = (atoms: Atoms, i: number) => atoms.flags[i]! & KIND;
const isDigitAt = (atoms: Atoms, i: number) => (atoms.flags[i]! & DIGIT) !== 0;

/**
 * Is there a break opportunity between atoms[b-1] and atoms[b] (atoms[b] is
 * not a space)? This ignores kinsoku, which kinsokuOk() applies on top.
 */
function opportunity(atoms: Atoms, b: number): boolean {
  if (b < 1 || b >= atoms.length) return false;
  if (glued(atoms, b)) return false;
  const a = kind(atoms, b - 1);
  const c = kind(atoms, b);
  if (a === SPACE || a === ZWSP) return true;
  if (c === ZWSP) return false;
  if (
    atoms.flags[b - 1]! & PAIRED &&
    offset(atoms, b + 1) - offset(atoms, b) === 1 &&
    atoms.para.charCodeAt(offset(atoms, b - 1)) === atoms.para.charCodeAt(offset(atoms, b))
  )
    return false;
  // Between two CJK characters, or CJK and anything else: PowerPoint breaks
  // there, which splits "2.3万" into "2.3|万" but never inside "2.3".
  // …but not beside a quote around Latin text: LibreOffice keeps "1+3+N”体" together, and
  // "，把“1+3+N”" as often breaks before 把 as before the quote.
  if (a === QUOTE && b >= 2 && kind(atoms, b - 2) === NARROW) return false;
  if (c === QUOTE && b + 1 < atoms.length && kind(atoms, b + 1) === NARROW) return false;
  if (a === WIDE || c === WIDE) return true;
  if (a === QUOTE || c === QUOTE) return false;
  // Latin: after a hyphen inside a word ("state-|of-|the-art"), but not in
  // number ranges ("1-11") or before digits ("COVID-19").
  if (atoms.flags[b - 1]! & HYPHEN && c === NARROW && !isDigitAt(atoms, b)) {
    return b >= 2 && kind(atoms, b - 2) === NARROW && !isDigitAt(atoms, b - 2);
  }
  return false;
}

/** Is atoms[b] held to atoms[b-1] by a word joiner (one of them is it)? */
const glued = (atoms: Atoms, b: number) => ((atoms.flags[b - 1]! | (atoms.flags[b] ?? 0)) & GLUE) !== 0;

/** Would a line ending before atoms[b] obey kinsoku (and be non-empty)? */
function kinsokuOk(atoms: Atoms, start: number, b: number): boolean {
  if (b < atoms.length && atoms.flags[b]! & NO_START) return false;
  for (let k = b - 1; k >= start; k--) {
    if (kind(atoms, k) === SPACE) continue;
    return (atoms.flags[k]! & NO_END) === 0;
  }
  return false; // nothing but spaces before b: the line would be empty
}

/**
 * Choose where to end the line [start, i) given that atoms[i] does not fit.
 * 1. the last real break opportunity that obeys kinsoku — this is how a CJK
 *    character is carried down together with a following '，';
 * 2. otherwise (one unbreakable token fills the line, e.g. a URL) any grapheme
 *    boundary that obeys kinsoku, outside text held whole by word joiners if it can;
 * 3. otherwise right before atoms[i], rules or not: a too-wide line is worse.
 */
function findBreak(atoms: Atoms, start: number, i: number): number {
  for (let b = i; b > start; b--) {
    if (b < atoms.length && kind(atoms, b) === SPACE) continue;
    if (opportunity(atoms, b) && kinsokuOk(atoms, start, b)) return b;
  }
  for (const keepGlue of [true, false])
    for (let b = i; b > start; b--) {
      if (b < atoms.length && kind(atoms, b) === SPACE) continue;
      if (keepGlue && glued(atoms, b)) continue;
      if (kinsokuOk(atoms, start, b)) return b;
    }
  return i;
}

function makeLine(atoms: Atoms, start: number, end: number, trimEnd: boolean): Line {
  let width = 0;
  let pending = 0; // width of a run of spaces not yet followed by content
  let contentEnd = start; // the atom after the last one that is not a space
  for (let k = start; k < end; k++) {
    if (kind(atoms, k) === SPACE) {
      pending += atoms.w[k]!;
      continue;
    }
    width += pending + atoms.w[k]! + (k > start ? gapBefore(atoms, k) : 0);
    pending = 0;
    contentEnd = k + 1;
  }
  return { text: atoms.para.slice(offset(atoms, start), offset(atoms, trimEnd ? contentEnd : end)), widthEm: width };
}

const LATIN_ALNUM = /^[\p{L}\p{N}]/u;

/** Kind, kinsoku and script of one grapheme. */
function classify(g: string): number {
  const cp = g.codePointAt(0) ?? 0;
  const k = kindOf(g, cp);
  let f = flagsOf(g, k);
  if (k === WIDE && !isEmojiCodePoint(cp)) f |= STRONG_A;
  else if ((cp > 0x20 && cp < 0x590 && cp !== 0xa0) || (k === NARROW && LATIN_ALNUM.test(g))) f |= STRONG_L;
  return f;
}

/** Flags of one-code-unit graphemes (nearly all text), found once each. */
const unitFlags = new Uint16Array(0x10000);
/** Their widths, per Latin metrics (NaN: not measured yet). */
const unitWidths = new Map<LatinMetrics, Float64Array>();

/**
 * Mark the renderer's autospace. LibreOffice assigns each character a script by its Unicode
 * block (i18npool's BreakIteratorImpl::getScriptClass): CJK is Asian; everything from Basic
 * Latin to Armenian is Latin, ASCII punctuation included ("/", "+", "(", "%"), but for the space
 * and the no-break space; the rest (general punctuation such as “ ” — …, symbols) is "weak" and
 * takes the script of what precedes it. Wherever the script changes between Asian and Latin, it
 * adds a quarter em: so "约 7.4%；" gets one before "7" (the space counts as Asian) and one before
 * "；", and "28微克/立方米" one on each side of "/".
 */
function addAutospace(atoms: Atoms): void {
  const { flags, length } = atoms;
  let prev = 0;
  for (let k = 0; k < length && prev === 0; k++) prev = flags[k]! & (STRONG_A | STRONG_L);
  for (let k = 0; k < length; k++) {
    const own = flags[k]! & (STRONG_A | STRONG_L);
    const eff = own || prev;
    if (k > 0 && eff !== 0 && prev !== 0 && eff !== prev) flags[k] = flags[k]! | GAP;
    prev = eff;
  }
}

/**
 * A space is "weak" (see addAutospace): LibreOffice draws one after Chinese in the East Asian
 * face, or what it substitutes for one (DejaVu Sans on Linux, 0.318 em against Arial's 0.278).
 * Such a character is measured at the widest of the faces measured, whatever the Latin face.
 */
function widenWeakAfterAsian(atoms: Atoms): void {
  const { flags, w, length, para } = atoms;
  let prev = 0;
  for (let k = 0; k < length; k++) {
    const own = flags[k]! & (STRONG_A | STRONG_L);
    const at = offset(atoms, k);
    if (own === 0 && prev === STRONG_A && offset(atoms, k + 1) - at === 1) {
      const c = para.charCodeAt(at);
      if (c >= 0x20 && c < 0x7f) w[k] = Math.max(w[k]!, graphemeWidthEm(para[at]!, CONSERVATIVE));
    }
    prev = own || prev;
  }
}

function measure(para: string, latin: LatinMetrics): Atoms {
  let widths = unitWidths.get(latin);
  if (!widths) unitWidths.set(latin, (widths = new Float64Array(0x10000).fill(NaN)));
  // At most one atom per code unit: the arrays are made that long at once (grown by `push`, each
  // would be copied several times over) and cut to the atoms found.
  const w = new Array<number>(para.length);
  const flags = new Array<number>(para.length);
  let n = 0;
  let offs: number[] | null = null;
  /** The atom just measured ends at `end`: offsets are listed from the first one longer than a
   * code unit on (those before it began at their index). */
  const ends = (end: number) => {
    if (offs === null && end === n) return;
    offs ??= Array.from({ length: n }, (_, i) => i);
    offs.push(end);
  };
  const unit = (c: number) => {
    let f = unitFlags[c]!;
    if (f === 0) unitFlags[c] = f = classify(String.fromCharCode(c)) | KNOWN;
    let x = widths[c]!;
    if (x !== x) widths[c] = x = graphemeWidthEm(String.fromCharCode(c), latin);
    flags[n] = f;
    w[n++] = x;
  };
  const cluster = (g: string) => {
    flags[n] = classify(g);
    w[n++] = graphemeWidthEm(g, latin);
  };
  if (clusters(para)) {
    let at = 0;
    for (const g of graphemes(para)) {
      if (g.length === 1) unit(g.charCodeAt(0));
      else cluster(g);
      ends((at += g.length));
    }
  } else {
    // Every code point its own grapheme: a surrogate pair is one, anything else one code unit.
    for (let i = 0; i < para.length;) {
      const c = para.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < para.length && (para.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cluster(para.slice(i, i + 2));
        i += 2;
      } else {
        unit(c);
        i++;
      }
      ends(i);
    }
  }
  if (n < para.length) w.length = flags.length = n;
  const atoms: Atoms = { para, length: n, offs, w, flags, oneLine: 0 };
  addAutospace(atoms);
  if (latin !== CONSERVATIVE) widenWeakAfterAsian(atoms);
  // The width layOut reaches at the paragraph's end when nothing wraps, summed the same way.
  let width = 0;
  let pending = 0;
  let hasContent = false;
  for (let i = 0; i < n; i++) {
    if (kind(atoms, i) === SPACE) {
      pending += w[i]!;
      continue;
    }
    width = width + pending + w[i]! + (hasContent ? gapBefore(atoms, i) : 0);
    pending = 0;
    hasContent = true;
  }
  atoms.oneLine = width;
  return atoms;
}

const PARAGRAPHS = /\r\n|[\n\r\u2028\u2029]/;

/** A text measured once: its paragraphs (null for an empty one), and its line counts by width
 * (milli-em, rounded down): fitting breaks the same text at many widths and sizes. */
interface Measured {
  paras: Array<Atoms | null>;
  lines: Map<number, number>;
}

const measured = new Map<LatinMetrics, Map<string, Measured>>();

/**
 * Forget every text measured so far, as a fresh process would: `npm run bench` times the
 * layout with cold memos.
 * @public
 */
export function clearMeasureCaches(): void {
  measured.clear();
}

function measuredText(text: string, latin: LatinMetrics): Measured {
  let perLatin = measured.get(latin);
  if (!perLatin) measured.set(latin, (perLatin = new Map()));
  let m = perLatin.get(text);
  if (!m) {
    if (perLatin.size > 50_000) perLatin.clear();
    m = { paras: text.split(PARAGRAPHS).map((p) => (p === '' ? null : measure(p, latin))), lines: new Map() };
    perLatin.set(text, m);
  }
  return m;
}

/**
 * Lay out one paragraph greedily; `line` is told each line's atom range [start, end) and
 * whether it is the last (whose trailing spaces are kept). Returns the number of lines.
 */
function layOut(atoms: Atoms, maxWidthEm: number, line?: (start: number, end: number, last: boolean) => void): number {
  const n = atoms.length;
  const { w, flags } = atoms;
  let start = 0;
  let count = 0;
  while (start < n) {
    let width = 0;
    let pending = 0;
    let hasContent = false;
    let end = n;
    for (let i = start; i < n; i++) {
      if ((flags[i]! & KIND) === SPACE) {
        pending += w[i]!; // trailing spaces hang, so they never cause a wrap
        continue;
      }
      const next = width + pending + w[i]! + (hasContent && flags[i]! & GAP ? AUTOSPACE_EM : 0);
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
    if (end >= n) {
      line?.(start, n, true);
      return count;
    }
    line?.(start, end, false);
    start = end;
    while (start < n && (flags[start]! & KIND) === SPACE) start++; // no spaces at a wrapped line's start
  }
  return count;
}

/** How many lines `breakLines` would give at a width in milli-em, without building them, and
 * remembered: what fitting asks most, for the same text at many widths and sizes. */
export function countLinesAtMilli(text: string, milli: number, latin: LatinMetrics): number {
  const m = measuredText(text, latin);
  let n = m.lines.get(milli);
  if (n === undefined) {
    const width = milli / 1000;
    n = 0;
    for (const atoms of m.paras) n += atoms === null ? 1 : atoms.oneLine <= width + EPS ? 1 : layOut(atoms, width);
    m.lines.set(milli, n);
  }
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
  for (const atoms of measuredText(text, latin).paras) {
    if (atoms === null) {
      lines.push({ text: '', widthEm: 0 });
      continue;
    }
    layOut(atoms, maxWidthEm, (start, end, last) => lines.push(makeLine(atoms, start, end, !last)));
  }
  return lines;
}

/**
 * Where `breakLines` wraps the text at this width, without building its lines: the offset in the
 * text at which each line begun by a wrap starts, and how many lines there are in all (a line
 * begun by a paragraph break is counted, not listed: the break itself ends the line before).
 */
export function wrapStarts(
  text: string,
  maxWidthEm: number,
  latin: LatinMetrics = CONSERVATIVE,
): { starts: number[]; lines: number } {
  const starts: number[] = [];
  let lines = 0;
  let base = 0;
  const { paras } = measuredText(text, latin);
  const separators = paras.length > 1 ? new RegExp(PARAGRAPHS.source, 'g') : undefined;
  for (const atoms of paras) {
    if (atoms === null) lines++;
    else
      lines += layOut(atoms, maxWidthEm, (start) => {
        if (start > 0) starts.push(base + offset(atoms, start));
      });
    const sep = separators?.exec(text);
    if (sep) base = sep.index + sep[0].length;
  }
  return { starts, lines };
}

/** Width in em of one line of text as the renderer draws it: glyphs and autospace. */
export function textWidth(text: string, latin: LatinMetrics = CONSERVATIVE): number {
  let widest = 0;
  for (const atoms of measuredText(text, latin).paras) {
    if (atoms === null) continue;
    let w = 0;
    for (let k = 0; k < atoms.length; k++) w += atoms.w[k]! + (k > 0 ? gapBefore(atoms, k) : 0);
    widest = Math.max(widest, w);
  }
  return widest;
}
