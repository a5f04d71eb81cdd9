/**
 * Text measurement tables, all in em (1 em = the font size).
 *
 * Why we don't measure with a real font: the deck is opened in PowerPoint,
 * WPS and LibreOffice, each of which may substitute a different font for the
 * one we name. A width is only "safe" if it is at least as wide as every
 * renderer will draw it, so every figure below is a *maximum* over the fonts
 * a reader is likely to end up with, never an average.
 *
 * Fonts measured (hmtx/AFM advance widths, read with fontTools):
 *   - Helvetica / Arial, Regular and Bold: URW Nimbus Sans AFM (metric clone of
 *     Adobe's Helvetica AFMs; Arial and Liberation Sans share these widths).
 *   - DejaVu Sans and DejaVu Sans Bold 2.37 (LibreOffice's usual fallback on Linux).
 *   - Noto Sans CJK SC Regular and Bold 2.004 (what LibreOffice/WPS on Linux
 *     substitute for Microsoft YaHei / SimHei).
 *   - Liberation Sans 2 Regular/Bold, Droid Sans Fallback.
 */

/**
 * Multiplier applied to the Helvetica-Bold widths, covering sans-serif fonts we
 * did not measure that may be up to 15% wider than Arial. (DejaVu Sans Regular's
 * digits are 0.636 em vs Arial's 0.556, i.e. 14% wider.)
 */
export const LATIN_SAFETY = 1.15;

/**
 * Height of one line at 100% line spacing, in em.
 * - LibreOffice uses the font's ascent+descent. Noto Sans CJK (its substitute for
 *   YaHei) has hhea ascender 1.160 + descender 0.288 = 1.448 em, the tallest of
 *   the fonts we measured (Droid Sans Fallback 1.309, DejaVu Sans 1.164,
 *   Liberation Sans 1.150 incl. line gap).
 * - PowerPoint draws single spacing at about 1.2 × the font size.
 * We take the larger, rounded up: 1.45.
 */
export const LINE_HEIGHT_EM = 1.45;

/**
 * Width of an emoji grapheme (one glyph, even for ZWJ sequences and flags).
 * Noto Color Emoji, the usual emoji font on Linux, has advance 2550/2048 =
 * 1.245 em (bitmap strikes 136 px at 109 ppem), so 1 em would be too narrow.
 */
export const EMOJI_WIDTH_EM = 1.25;

/**
 * LibreOffice's "autospace" (on by default, and WPS does the same) puts a quarter em between
 * a CJK character and an adjacent Latin letter or digit: measured in a LibreOffice 7.4 PDF,
 * "组织" → "202" leaves 4.0 pt at 16 pt. PowerPoint adds nothing, so counting it is safe for all.
 */
export const AUTOSPACE_EM = 0.25;

/** Helvetica (= Arial, Liberation Sans) Regular AFM advance widths (per 1000 em), U+0020..U+007E.
 * Where the AFM and Arial differ (the apostrophe, 191 vs 222), the larger. */
// prettier-ignore
const HELVETICA: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, //  !"#$%&'()*+,-./
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 :;<=>?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [\]^_
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p-z {|}~
];

/** Helvetica-Bold AFM advance widths (per 1000 em) for U+0020..U+007E. */
// prettier-ignore
const HELVETICA_BOLD: readonly number[] = [
  278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278, //  !"#$%&'()*+,-./
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0-9 :;<=>?
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P-Z [\]^_
  278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // `a-o
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,      // p-z {|}~
];

/**
 * Per-character maximum over the *fallback* fonts (DejaVu Sans Regular/Bold,
 * Noto Sans CJK SC Regular/Bold, Liberation Sans Regular/Bold, Droid Sans
 * Fallback) for U+0020..U+007E, per 1000 em. Needed because the 15% margin is
 * not enough for bold DejaVu: its digits are 0.696 em (25% wider than
 * Helvetica-Bold's 0.556) and '{' is 83% wider.
 */
// prettier-ignore
const FALLBACK_MAX: readonly number[] = [
  348, 456, 574, 838, 696, 1002, 872, 325, 457, 457, 523, 838, 380, 415, 380, 392,
  696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611,
  1015, 774, 762, 734, 830, 683, 683, 821, 837, 372, 568, 775, 637, 995, 837, 850,
  733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 392, 457, 838, 567,
  626, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
  716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/**
 * Widths of ASCII (U+0020..U+007E) for one Latin face, per 1000 em, safety included.
 * Other characters do not depend on the Latin face.
 */
export interface LatinMetrics {
  name: string;
  ascii: readonly number[];
}

/** Any face, any fallback: the widest of everything measured. */
export const CONSERVATIVE: LatinMetrics = {
  name: 'conservative',
  ascii: FALLBACK_MAX.map((w, i) => Math.max((HELVETICA_BOLD[i] ?? 1000) * LATIN_SAFETY, w)),
};

/**
 * Arial's own widths, for themes whose Latin face is Arial (or Helvetica, Liberation Sans,
 * Arimo: the same metrics). PowerPoint and WPS have Arial; LibreOffice substitutes the
 * metric-compatible Liberation Sans (fonts-liberation, a LibreOffice dependency). The 4% covers
 * hinting and rounding; kerning only ever narrows.
 */
const ARIAL_SAFETY = 1.04;
export const ARIAL: LatinMetrics = { name: 'arial', ascii: HELVETICA.map((w) => w * ARIAL_SAFETY) };
export const ARIAL_BOLD: LatinMetrics = { name: 'arial-bold', ascii: HELVETICA_BOLD.map((w) => w * ARIAL_SAFETY) };

const ARIAL_FAMILY = /^(arial|helvetica( neue)?|liberation sans|arimo)$/i;

/** The metrics to measure a Latin face with: exact for the Arial family, else the safe maximum. */
export function latinMetricsFor(face: string, bold: boolean): LatinMetrics {
  if (ARIAL_FAMILY.test(face.trim())) return bold ? ARIAL_BOLD : ARIAL;
  return CONSERVATIVE;
}

/**
 * Symbols that even the measured fonts draw wider than 1 em (DejaVu Sans Bold
 * figures); listed because they do occur in Chinese reports (‰, ℃, Ⅷ类).
 */
const WIDE_SYMBOLS: ReadonlyMap<number, number> = new Map([
  [0x2030, 1.45], // ‰  DejaVu Bold 1.440
  [0x2031, 1.9], // ‱  DejaVu Bold 1.887
  [0x2103, 1.25], // ℃  DejaVu Bold 1.211
  [0x2109, 1.1], // ℉  DejaVu Bold 1.086
  [0x2116, 1.25], // №  DejaVu Bold 1.203
  [0x2121, 1.3], // ℡  DejaVu Bold 1.281
  [0x25ef, 1.15], // ◯  DejaVu 1.119
]);

/**
 * 1 em punctuation whose Unicode East Asian Width is "Ambiguous": CJK fonts
 * (Noto Sans CJK, Microsoft YaHei, SimSun) draw these full width in Chinese
 * text, Latin fonts narrower, so 1 em is the safe figure.
 */
const AMBIGUOUS_FULL = new Set([
  0x00a7,
  0x00b1,
  0x00b7,
  0x00d7,
  0x00f7, // § ± · × ÷
  0x2014,
  0x2015,
  0x2016,
  0x2018,
  0x2019,
  0x201c,
  0x201d, // — ― ‖ ‘ ’ “ ”
  0x2025,
  0x2026,
  0x2027,
  0x203b, // ‥ … ‧ ※
]);

/**
 * Code point ranges of East Asian Wide (W) and Fullwidth (F) characters, plus a
 * few neutral CJK blocks that CJK fonts draw full width. All are 1 em.
 */
// prettier-ignore
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x2fff], // CJK radicals, Kangxi radicals, ideographic description
  [0x3000, 0x303f], // CJK symbols and punctuation (、。「」〈〉【】 and U+3000 space)
  [0x3040, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compat jamo, enclosed CJK, CJK compat
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4dc0, 0x4dff], // Yijing hexagrams (neutral, but full width in CJK fonts)
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7ff], // Hangul syllables and Jamo Extended-B
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff01, 0xff60], // fullwidth ASCII forms （），：
  [0xffe0, 0xffe6], // fullwidth ￠￡￢￣￤￥￦
  [0x16fe0, 0x18aff], // ideographic symbols, Tangut
  [0x1b000, 0x1b2ff], // Kana supplement / extensions, Nushu
  [0x1f200, 0x1f2ff], // enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK Extensions B–H, compatibility supplement
];

/** True for East Asian Wide/Fullwidth code points (CJK ideographs, kana, fullwidth forms). */
export function isWideCodePoint(cp: number): boolean {
  for (const [lo, hi] of WIDE_RANGES) {
    if (cp < lo) return false; // ranges are sorted
    if (cp <= hi) return true;
  }
  return false;
}

const EXTENDED_PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const MARK = /\p{M}/u;

/** Regional indicators: two of them make one flag glyph. */
function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** Emoji in the sense of "drawn by the emoji font as a picture". */
export function isEmojiCodePoint(cp: number): boolean {
  return isRegionalIndicator(cp) || EXTENDED_PICTOGRAPHIC.test(String.fromCodePoint(cp));
}

/** Code points that take no horizontal space: they modify or join neighbours. */
function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors (emoji / text presentation)
    (cp >= 0xe0100 && cp <= 0xe01ef) || // variation selectors supplement (ideographic variants)
    (cp >= 0xe0020 && cp <= 0xe007f) || // tag characters (subdivision flags)
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    cp === 0x2060 || // word joiner
    cp === 0xfeff || // BOM / ZWNBSP
    cp === 0x20e3 || // combining keycap (also \p{M}, listed for clarity)
    cp < 0x20 || // C0 controls (\n is handled by the line breaker)
    (cp >= 0x7f && cp < 0xa0) || // DEL, C1 controls
    MARK.test(String.fromCodePoint(cp)) // combining marks stack on their base
  );
}

/** Advance width in em of one code point, conservative across renderers. */
export function charWidthEm(cp: number, latin: LatinMetrics = CONSERVATIVE): number {
  const special = WIDE_SYMBOLS.get(cp);
  if (special !== undefined) return special;
  if (cp === 0x09) return 1; // tab: stops vary by renderer; treat like an unknown glyph
  if (isZeroWidth(cp)) return 0;
  if (cp >= 0x20 && cp <= 0x7e) return (latin.ascii[cp - 0x20] ?? 1000) / 1000;
  if (AMBIGUOUS_FULL.has(cp) || isWideCodePoint(cp)) return 1;
  if (isEmojiCodePoint(cp)) return EMOJI_WIDTH_EM;
  if (cp >= 0xa0 && cp <= 0x52f) return otherLetterWidth(cp);
  if (cp >= 0x2150 && cp <= 0x218f) return 1.7; // number forms: Ⅷ is 1.672 em in DejaVu Bold
  return 1; // unknown: a CJK font draws it at most full width in most cases
}

/**
 * Latin-1, Latin Extended, IPA, Greek and Cyrillic (U+00A0..U+052F).
 * Accented letters decompose (NFKD) to an ASCII base plus zero-width marks, so
 * they get exactly the ASCII table width ('é' = 'e'; the digraph 'ǅ' = 'D'+'ž'
 * = 1.412 em, matching DejaVu Sans Bold). Letters that do not decompose get the
 * widest figure measured in their block (DejaVu Sans Bold: Œ 1.167, Щ 1.326,
 * Ѽ 1.405) — wasteful for Russian text, but the deck is Chinese/English and a
 * guarantee needs the maximum.
 */
function otherLetterWidth(cp: number): number {
  // Latin-1 symbols (¢ £ ¥ ° ¶ ª ²) are ≤ 1 em in every measured font except
  // the vulgar fractions ¼ ½ ¾ (1.035 em in DejaVu). Not decomposed: NFKD would
  // turn '¨' into space + mark, narrower than the real spacing glyph.
  if (cp === 0xa0) return charWidthEm(0x20); // no-break space: same glyph as space
  if (cp <= 0xbf) return cp >= 0xbc ? 1.1 : 1;
  const ch = String.fromCodePoint(cp);
  const decomposed = ch.normalize('NFKD');
  if (decomposed !== ch && !decomposed.startsWith(' ')) {
    let sum = 0;
    for (const part of decomposed) sum += charWidthEm(part.codePointAt(0) ?? 0);
    return sum;
  }
  if (cp <= 0x36f) return 1.2; // Latin-1 letters, Latin Extended, IPA: Œ 1.167
  if (cp <= 0x3ff) return 1.1; // Greek: Ϣ 1.093, Μ 0.995
  return 1.45; // Cyrillic: Ѽ 1.405
}

// Made on first use: creating the first Intl.Segmenter loads ICU's break data (~30 ms), and
// most text never needs it.
let graphemeSegmenter: Intl.Segmenter | undefined;

/** Characters that can join a neighbour into one grapheme cluster. Without any of them, every
 * code point is its own cluster, and Intl.Segmenter (the slow part of layout) is not needed. */
const CLUSTERING =
  // eslint-disable-next-line no-misleading-character-class -- it lists the code points that join others
  /[\p{M}\u200c\u200d\ufe00-\ufe0f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\r\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u{e0100}-\u{e01ef}]/u;

/** Whether some characters of `s` join into one grapheme cluster (else each code point is one). */
export const clusters = (s: string): boolean => CLUSTERING.test(s);

/** Splits a string into user-perceived characters (grapheme clusters). */
export function graphemes(s: string): string[] {
  if (!CLUSTERING.test(s)) return Array.from(s);
  const out: string[] = [];
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemeSegmenter.segment(s)) out.push(segment);
  return out;
}

/**
 * Width of one grapheme cluster. An emoji cluster (ZWJ family, flag, keycap,
 * skin-tone modifier) is drawn as a single glyph, so it counts once rather than
 * once per code point; anything else is the sum of its code points (marks are 0).
 */
export function graphemeWidthEm(g: string, latin: LatinMetrics = CONSERVATIVE): number {
  // One BMP character that cannot be an emoji (© and ® are the pictographs below U+2000).
  if (g.length === 1) {
    const cp = g.charCodeAt(0);
    if (cp < 0x2000 && cp !== 0xa9 && cp !== 0xae) return charWidthEm(cp, latin);
    if (cp >= 0x4e00 && cp <= 0x9fff) return 1;
  }
  let sum = 0;
  let pictures = 0;
  for (const ch of g) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isEmojiCodePoint(cp) || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff)) pictures++;
    sum += charWidthEm(cp, latin);
  }
  // A text-presentation symbol such as © or ™ is Extended_Pictographic but narrow; it never
  // exceeds EMOJI_WIDTH_EM. A sequence (👨‍👩‍👧, 🇨🇳, 👍🏽) is one glyph only where the emoji font
  // has it: LibreOffice without one draws each picture side by side. Count them all: safe.
  return pictures > 0 ? EMOJI_WIDTH_EM * pictures : sum;
}

/** Width in em of a string's glyphs (no autospace; see `textWidth` in linebreak.ts for that). */
export function textWidthEm(s: string, latin: LatinMetrics = CONSERVATIVE): number {
  let sum = 0;
  for (const g of graphemes(s)) sum += graphemeWidthEm(g, latin);
  return sum;
}
