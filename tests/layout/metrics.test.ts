import { describe, it, expect } from 'vitest';
import {
  charWidthEm,
  textWidthEm,
  graphemeWidthEm,
  graphemes,
  LINE_HEIGHT_EM,
  LATIN_SAFETY,
  EMOJI_WIDTH_EM,
} from '../../src/layout/metrics.js';

const w = (ch: string): number => charWidthEm(ch.codePointAt(0) ?? -1);

describe('charWidthEm', () => {
  it('gives 1 em to CJK wide and fullwidth characters', () => {
    for (const ch of [
      '中',
      '㐀',
      '𠀀',
      '豈',
      '，',
      '。',
      '、',
      '「',
      '　',
      'あ',
      'ア',
      'ㄅ',
      '한',
      'ㄱ',
      'Ａ',
      '１',
      '（',
      '￥',
      '㈱',
      '⺀',
    ]) {
      expect(w(ch), ch).toBe(1);
    }
  });

  it('gives 1 em to ambiguous punctuation that CJK fonts draw full width', () => {
    for (const ch of ['“', '”', '‘', '’', '—', '…', '·', '×']) expect(w(ch), ch).toBe(1);
  });

  it('uses max(Helvetica-Bold × LATIN_SAFETY, widest fallback font) for ASCII', () => {
    expect(LATIN_SAFETY).toBe(1.15);
    // Hand-worked: Helvetica-Bold AFM × 1.15 vs DejaVu Sans Bold / Noto Sans CJK Bold.
    expect(w('0')).toBeCloseTo(0.696, 6); // 556 × 1.15 = 639.4 < DejaVu Bold 696
    expect(w(' ')).toBeCloseTo(0.348, 6); // 278 × 1.15 = 319.7 < 348
    expect(w('A')).toBeCloseTo(0.8303, 6); // 722 × 1.15 = 830.3 > 774
    expect(w('m')).toBeCloseTo(1.042, 6); // 889 × 1.15 = 1022.35 < 1042
    expect(w('W')).toBeCloseTo(1.103, 6);
    expect(w('i')).toBeCloseTo(0.343, 6);
    for (let cp = 0x20; cp <= 0x7e; cp++) {
      expect(charWidthEm(cp)).toBeGreaterThanOrEqual(0.278 * LATIN_SAFETY - 1e-9);
      expect(charWidthEm(cp)).toBeLessThan(1.2);
    }
  });

  it('is never narrower than Arial/Helvetica for a digit (Arial 0.556, DejaVu 0.636)', () => {
    for (const d of '0123456789') expect(w(d)).toBeGreaterThanOrEqual(0.636);
  });

  it('gives zero width to combining marks, variation selectors, ZWJ and ZWSP', () => {
    for (const cp of [0x0301, 0x0308, 0x20e3, 0xfe0f, 0xfe00, 0xe0100, 0x200d, 0x200b, 0x2060, 0xfeff]) {
      expect(charWidthEm(cp), cp.toString(16)).toBe(0);
    }
  });

  it('treats emoji and regional indicators as emoji width', () => {
    expect(w('😀')).toBe(EMOJI_WIDTH_EM);
    expect(w('🇨')).toBe(EMOJI_WIDTH_EM);
    expect(EMOJI_WIDTH_EM).toBeGreaterThanOrEqual(1);
  });

  it('measures accented Latin as its base letter and is conservative for other scripts', () => {
    expect(w('é')).toBe(w('e'));
    expect(w('Ü')).toBe(w('U'));
    expect(w('\u00a0')).toBe(w(' '));
    expect(w('Œ')).toBeGreaterThanOrEqual(1.167); // DejaVu Sans Bold
    expect(w('Щ')).toBeGreaterThanOrEqual(1.326);
    expect(w('α')).toBeGreaterThanOrEqual(0.75);
    expect(w('‰')).toBeGreaterThanOrEqual(1.44);
    expect(w('℃')).toBeGreaterThanOrEqual(1.211);
    expect(w('Ⅷ')).toBeGreaterThanOrEqual(1.672);
  });

  it('falls back to 1 em for unknown characters', () => {
    expect(w('ก')).toBe(1); // Thai
    expect(w('→')).toBeGreaterThanOrEqual(1);
  });
});

describe('textWidthEm', () => {
  it('sums by code point, not UTF-16 unit', () => {
    expect('𠀀'.length).toBe(2);
    expect(textWidthEm('𠀀')).toBe(1);
    expect(textWidthEm('')).toBe(0);
  });

  it('measures "浦东新区新建街区党组织202个" by hand: 12 CJK + 3 digits', () => {
    // 浦东新区新建街区党组织 = 11 ideographs, 个 = 1, "202" = 3 × 0.696 (glyphs only: the
    // autospace LibreOffice adds is the line breaker's, see textWidth).
    expect(textWidthEm('浦东新区新建街区党组织202个')).toBeCloseTo(12 + 3 * 0.696, 9);
  });

  it('counts combining marks as zero', () => {
    expect(textWidthEm('e\u0301')).toBe(textWidthEm('e'));
    expect(textWidthEm('中\u{e0100}')).toBe(1); // ideographic variation sequence
  });

  it('keeps an emoji cluster whole, counting each picture in it (drawn side by side without the ligature)', () => {
    const widths: Array<[string, number]> = [
      ['👨‍👩‍👧', 3],
      ['🇨🇳', 2],
      ['1️⃣', 1],
      ['👍🏽', 2],
      ['❤️', 1],
    ];
    for (const [e, n] of widths) {
      expect(graphemes(e), e).toHaveLength(1);
      expect(textWidthEm(e), e).toBe(n * EMOJI_WIDTH_EM);
    }
    expect(textWidthEm('🇨🇳🇺🇸')).toBe(4 * EMOJI_WIDTH_EM);
    expect(graphemeWidthEm('中')).toBe(1);
  });
});

describe('LINE_HEIGHT_EM', () => {
  it('covers both Noto Sans CJK ascent+descent (1.448) and PowerPoint single spacing (1.2)', () => {
    expect(LINE_HEIGHT_EM).toBe(1.45);
    expect(LINE_HEIGHT_EM).toBeGreaterThanOrEqual(1.16 + 0.288);
    expect(LINE_HEIGHT_EM).toBeGreaterThanOrEqual(1.2);
  });
});

describe('autospace as LibreOffice draws it', () => {
  it('counts a quarter em where the script changes, spaces and general punctuation taking the script before them', async () => {
    const { ARIAL, AUTOSPACE_EM, CONSERVATIVE, charWidthEm } = await import('../../src/layout/metrics.js');
    const { textWidth } = await import('../../src/layout/linebreak.js');
    const w = (s: string) => textWidth(s, ARIAL);
    // 约 + space (Asian by inheritance, so drawn in the East Asian face: measured at the widest)
    // | 7 : one autospace before the digit.
    expect(w('约 7')).toBeCloseTo(1 + charWidthEm(0x20, CONSERVATIVE) + AUTOSPACE_EM + 0.556 * 1.04, 9);
    // ASCII punctuation is Latin to LibreOffice, not weak: "/" between Chinese characters has a
    // quarter em on each side (measured in a LibreOffice 7.4 PDF: "28微克/立方米").
    expect(w('克/米')).toBeCloseTo(2 + 2 * AUTOSPACE_EM + 0.278 * 1.04, 9);
    expect(w('1/2')).toBeCloseTo((0.556 + 0.278 + 0.556) * 1.04, 9);
    // A space stays weak: after Chinese it is drawn in the East Asian face, measured at the widest.
    expect(charWidthEm(0x20, CONSERVATIVE)).toBeGreaterThanOrEqual(0.318);
    // 7% (Latin) | ； (Asian): one autospace before the full-width semicolon.
    expect(w('7%；')).toBeCloseTo(0.556 * 1.04 + 0.889 * 1.04 + AUTOSPACE_EM + 1, 9);
    expect(w('中文')).toBe(2);
    expect(w('ab')).toBeCloseTo(2 * 0.556 * 1.04, 9);
  });
  it('measures Arial exactly for Arial-family faces and conservatively for others', async () => {
    const { latinMetricsFor, ARIAL, ARIAL_BOLD, CONSERVATIVE } = await import('../../src/layout/metrics.js');
    expect(latinMetricsFor('Arial', false)).toBe(ARIAL);
    expect(latinMetricsFor('Liberation Sans', true)).toBe(ARIAL_BOLD);
    expect(latinMetricsFor('Georgia', false)).toBe(CONSERVATIVE);
  });
});
