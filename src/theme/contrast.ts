/**
 * WCAG 2.x contrast: every pair of text colour and what it stands on, in every theme, so a test
 * (and `themes show`) can tell whether a theme is readable. AA asks 4.5:1 for normal text and
 * 3:1 for large text (18 pt, or 14 pt bold).
 */
import type { Theme, ThemeColors } from './types.js';

function luminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface TextPair {
  what: string;
  fg: keyof ThemeColors;
  bg: keyof ThemeColors;
  large: boolean;
}

/** Every place the layout sets text in one colour on another. */
const TEXT_PAIRS: TextPair[] = [
  { what: 'slide titles', fg: 'primary', bg: 'background', large: true },
  { what: 'cover title, organizer and subtitle', fg: 'onPrimary', bg: 'primary', large: false },
  { what: 'cover date', fg: 'text', bg: 'background', large: false },
  { what: 'cover chair, footer, slide numbers', fg: 'muted', bg: 'background', large: false },
  { what: 'panel text', fg: 'text', bg: 'surface', large: false },
  { what: 'who said a directive', fg: 'muted', bg: 'surface', large: false },
  { what: 'key figures', fg: 'figure', bg: 'surface', large: false },
  { what: '主要成绩 label and bullets', fg: 'achievements', bg: 'surface', large: false },
  { what: '存在不足 label and bullets', fg: 'shortcomings', bg: 'surface', large: false },
  { what: '领导指示 label and point numbers', fg: 'directives', bg: 'surface', large: false },
  { what: 'overview labels and numbers', fg: 'primary', bg: 'surface', large: false },
  { what: 'attendee names', fg: 'text', bg: 'background', large: false },
];

export interface ContrastCheck extends TextPair {
  ratio: number;
  required: number;
  ok: boolean;
}

/** The contrast AA asks of text: 3:1 when it is large, else 4.5:1. */
export const requiredRatio = (large: boolean): number => (large ? 3 : 4.5);

export function checkContrast(theme: Theme): ContrastCheck[] {
  return TEXT_PAIRS.map((p) => {
    const ratio = contrastRatio(theme.colors[p.fg], theme.colors[p.bg]);
    const required = requiredRatio(p.large);
    return { ...p, ratio, required, ok: ratio >= required };
  });
}
