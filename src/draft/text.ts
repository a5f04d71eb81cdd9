/**
 * The report as two texts: `raw`, exactly as given, and `norm`, the form the recognisers read
 * (simplified characters, full-width Chinese punctuation, ASCII digits, no spaces), with an
 * index map from `norm` back to `raw`. Every string the drafter writes is sliced from `raw`
 * through that map, so "nothing invented" holds even for traditional or ASCII-punctuated input.
 */
import { T2S_PAIRS } from './t2s-table.js';

export interface Text {
  /** The report as given. */
  raw: string;
  /** For recognition only: never written to the draft. */
  norm: string;
  /** `map[i]` is the index in `raw` of `norm[i]`; one code unit each. */
  map: Int32Array;
}

/** A stretch of the report in `norm` coordinates: [s, e). */
export interface Span {
  s: number;
  e: number;
}

const SPACE = new Set(
  [' ', '\t', '\r', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff'].map((c) => c.charCodeAt(0)),
);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAsciiAlnum = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const code = (c: string) => c.charCodeAt(0);

/**
 * One code unit → its recognition form, for everything that needs no context: traditional →
 * simplified, full-width letters, digits and % + - / → ASCII, corner quotes → curly quotes.
 * A 64K table: normalising is a lookup per character (a 1 MB report in tens of milliseconds).
 */
const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i;
  for (let i = 0; i < T2S_PAIRS.length; i += 2) t[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
  for (let c = 0xff10; c <= 0xff5a; c++) if (/[０-９Ａ-Ｚａ-ｚ]/.test(String.fromCharCode(c))) t[c] = c - 0xfee0;
  for (const c of '％＋－／') t[code(c)] = code(c) - 0xfee0;
  const quotes: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’', '﹁': '“', '﹂': '”' };
  for (const [from, to] of Object.entries(quotes)) t[code(from)] = code(to);
  return t;
})();

/** ASCII punctuation → the Chinese form the patterns use (when it is not part of a number). */
const ASCII_PUNCT = new Map([',', ';', ':', '?', '!', '(', ')'].map((c, i) => [code(c), code('，；：？！（）'[i]!)]));
const [NL, QUOTE, DOT, WIDE_DOT, COMMA, COLON] = ['\n', '"', '.', '．', ',', ':'].map(code) as [
  number,
  number,
  number,
  number,
  number,
  number,
];

export function normalise(raw: string): Text {
  const out = new Uint16Array(raw.length);
  const map = new Int32Array(raw.length);
  let n = 0;
  let openQuote = false; // ASCII " alternates “ ” within a paragraph
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (SPACE.has(c)) continue;
    if (c >= 0x80 && c !== WIDE_DOT) c = TABLE[c]!;
    else if (c === NL) openQuote = false;
    else if (c === QUOTE) {
      c = code(openQuote ? '”' : '“');
      openQuote = !openQuote;
    } else if (c === DOT || c === WIDE_DOT) {
      // 2.3万 and "1." at the start of a line stay; a full stop after text ends a sentence.
      const prev = prevNonSpace(raw, i);
      const keep =
        (isAsciiAlnum(prev) && isAsciiAlnum(raw.charCodeAt(i + 1))) || (isDigit(prev) && lineStartBefore(raw, i));
      c = keep ? DOT : code('。');
    } else if (ASCII_PUNCT.has(c)) {
      // 1,200 and 18:30 stay as they are; elsewhere , ; : ( ) ? ! are Chinese punctuation.
      const between = isDigit(prevNonSpace(raw, i)) && isDigit(raw.charCodeAt(i + 1));
      if (!(between && (c === COMMA || c === COLON))) c = ASCII_PUNCT.get(c)!;
    }
    out[n] = c;
    map[n++] = i;
  }
  let norm = '';
  for (let i = 0; i < n; i += 8192) norm += String.fromCharCode(...out.subarray(i, Math.min(n, i + 8192)));
  return { raw, norm, map: map.subarray(0, n) };
}

function prevNonSpace(raw: string, i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!SPACE.has(raw.charCodeAt(k))) return raw.charCodeAt(k);
  return -1;
}

/** True when only digits and spaces stand between the last line break and `i` ("1. …"). */
function lineStartBefore(raw: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = raw.charCodeAt(k);
    if (c === NL) return true;
    if (!isDigit(c) && !SPACE.has(c)) return false;
  }
  return true;
}

/** Punctuation that never starts or ends an item. */
const EDGE = new Set([...'，；。、：！？\n,…'].map(code));

/** Shrink a span past edge punctuation on both sides. */
export function trimSpan(t: Text, s: number, e: number): Span {
  while (s < e && EDGE.has(t.norm.charCodeAt(s))) s++;
  while (e > s && EDGE.has(t.norm.charCodeAt(e - 1))) e--;
  return { s, e };
}

/** The report's own text for a `norm` span, whitespace trimmed: what the draft writes. */
export function source(t: Text, span: Span): string {
  const { s, e } = trimSpan(t, span.s, span.e);
  if (e <= s) return '';
  return t.raw.slice(t.map[s]!, t.map[e - 1]! + 1).trim();
}

/** A span as the report has it, closing punctuation included: for text kept as a comment. */
export function verbatim(t: Text, span: Span): string {
  let e = span.e;
  while (e < t.norm.length && /[。！？；：”’）]/.test(t.norm[e]!)) e++;
  if (e <= span.s) return '';
  return t.raw.slice(t.map[span.s]!, t.map[e - 1]! + 1).trim();
}

/** The normalised text of a span, for matching. */
export const normOf = (t: Text, span: Span): string => t.norm.slice(span.s, span.e);
