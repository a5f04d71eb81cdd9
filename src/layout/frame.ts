/**
 * The frame every content slide shares: title at the top, footer at the bottom, the body
 * region between. Sizes in inches; 16:9 is 13.333 × 7.5 (PowerPoint's widescreen), 4:3 is 10 × 7.5.
 */
import { breakLines, textWidth } from './linebreak.js';
import { latinMetricsFor } from './metrics.js';
import type { Box, Shape, TextShape } from './plan.js';
import { FIT_SLACK, PT_PER_IN, TITLE_PITCH, round2, type TextStyle } from './text.js';
import type { Theme } from '../theme/types.js';
import { placeTemplateFooter, templateFrame, type TemplateFrame } from './template-frame.js';

export interface Frame {
  width: number;
  height: number;
  margin: number;
  title: Box;
  body: Box;
  footer: Box;
  /** Width of the slide number at the footer's right. */
  footerRightW: number;
  /** Lines the footer's text takes, once it is placed. */
  footerLines?: number;
  /** Set on an office template's slides (template-frame.ts): they draw their own decorations. */
  template?: TemplateFrame;
}

export function frameFor(theme: Theme): Frame {
  if (theme.template) return templateFrame(theme.template, theme);
  const width = theme.size === '4:3' ? 10 : 13.333;
  const height = 7.5;
  const margin = theme.size === '4:3' ? 0.45 : 0.6;
  const logoRoom = theme.images.logo ? 1.1 : 0;
  return {
    width,
    height,
    margin,
    title: { x: margin, y: 0.3, w: width - 2 * margin - logoRoom, h: 0.95 },
    body: { x: margin, y: 1.5, w: width - 2 * margin, h: 5.3 },
    footer: { x: margin, y: 6.98, w: width - 2 * margin, h: 0.38 },
    footerRightW: 1.4,
  };
}

const NO_INSETS = { left: 0, right: 0, top: 0, bottom: 0 };
const TITLE_INSETS = { left: 0.02, right: 0.02, top: 0.02, bottom: 0.02 };

export interface FittedTitle {
  shape: TextShape;
  sizePt: number;
  lines: number;
  /** How far the title reaches down, in inches, when it needed more room than the frame's box. */
  bottom: number;
}

/**
 * Fit a title: shrink from the theme's title size towards the heading size on one line, then
 * wrap to two lines (from the title size down to the minimum), then as many lines as it takes
 * at the minimum, growing the box downwards. Never cut.
 */
export function fitTitle(
  text: string,
  box: Box,
  theme: Theme,
  color: string,
  role = 'title',
  range: { max: number; oneLineMin: number; min: number; bold?: boolean; align?: 'left' | 'center' | 'right' } = {
    max: theme.sizes.title,
    oneLineMin: Math.max(theme.sizes.minimum, theme.sizes.heading),
    min: theme.sizes.minimum,
  },
): FittedTitle {
  const { max, oneLineMin: heading, min: minimum } = range;
  const bold = range.bold ?? true;
  const font = theme.fonts.title;
  const latin = latinMetricsFor(font.latin, bold);
  const widthEm = (pt: number) => ((box.w - TITLE_INSETS.left - TITLE_INSETS.right) * PT_PER_IN) / pt;
  const heightFor = (pt: number, lines: number) =>
    (lines * pt * TITLE_PITCH) / PT_PER_IN + TITLE_INSETS.top + TITLE_INSETS.bottom;
  const fits = (pt: number, lines: number) => heightFor(pt, lines) <= box.h * FIT_SLACK;
  let chosen: { pt: number; lines: number } | undefined;
  for (let pt = max; pt >= Math.max(minimum, heading) && !chosen; pt -= 1) {
    if (breakLines(text, widthEm(pt), latin).length === 1 && fits(pt, 1)) chosen = { pt, lines: 1 };
  }
  for (let pt = max; pt >= minimum && !chosen; pt -= 1) {
    const n = breakLines(text, widthEm(pt), latin).length;
    if (n <= 2 && fits(pt, n)) chosen = { pt, lines: n };
  }
  if (!chosen) chosen = { pt: minimum, lines: breakLines(text, widthEm(minimum), latin).length };
  const h = Math.max(box.h, heightFor(chosen.pt, chosen.lines) / FIT_SLACK);
  const style: TextStyle = { sizePt: chosen.pt, font, color, bold };
  return {
    sizePt: chosen.pt,
    lines: chosen.lines,
    bottom: box.y + h,
    shape: {
      kind: 'text',
      role,
      ...box,
      h: round2(h),
      insets: TITLE_INSETS,
      valign: chosen.lines > 1 || h > box.h ? 'top' : 'middle',
      paragraphs: [
        {
          runs: [{ text, sizePt: style.sizePt, font: style.font, color: style.color, ...(bold ? { bold: true } : {}) }],
          align: range.align ?? 'left',
          lineHeightPt: round2(chosen.pt * TITLE_PITCH),
          spaceAfterPt: 0,
        },
      ],
    },
  };
}

/** What every content slide starts with: the theme's background picture, the title, its rule, the logo. */
/** The theme's background picture, over the whole slide (content slides), if it has one. */
export function backgroundShapes(frame: Frame, theme: Theme): Shape[] {
  const path = theme.images.background;
  return path ? [{ kind: 'image', path, alt: '', x: 0, y: 0, w: frame.width, h: frame.height }] : [];
}

export function titleChrome(frame: Frame, theme: Theme, head: FittedTitle): Shape[] {
  const y = Math.max(frame.title.y + frame.title.h, head.bottom) + 0.04;
  // On an office template the title takes the colour of the template's title style.
  if (frame.template) head = { ...head, shape: recolor(head.shape, frame.template.titleColor) };
  return [
    ...backgroundShapes(frame, theme),
    head.shape,
    ...(frame.template
      ? []
      : [{ kind: 'rect' as const, x: frame.margin, y, w: 1.1, h: 0.06, fill: theme.colors.accent }]),
    ...(theme.images.logo
      ? [
          {
            kind: 'image' as const,
            path: theme.images.logo,
            alt: 'logo',
            x: frame.width - frame.margin - 0.9,
            y: 0.35,
            w: 0.9,
            h: 0.9,
          },
        ]
      : []),
  ];
}

const recolor = (t: TextShape, color: string): TextShape => ({
  ...t,
  paragraphs: t.paragraphs.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, color })) })),
});

const FOOTER_BOTTOM = 0.14;

/** Where the footer goes: as many lines as its text needs at the minimum size, the body above it. */
export function placeFooter(frame: Frame, theme: Theme, left: string, right: string): Frame {
  const size = theme.sizes.minimum;
  const latin = latinMetricsFor(theme.fonts.body.latin, false);
  const rightW = Math.max(1.4, (textWidth(right, latin) * size) / PT_PER_IN + 0.1);
  const leftW = frame.footer.w - rightW - 0.2;
  const lines = Math.max(1, breakLines(left, (leftW * PT_PER_IN) / size, latin).length);
  const h = round2((lines * size * TITLE_PITCH) / PT_PER_IN / FIT_SLACK + 0.04);
  if (frame.template) return placeTemplateFooter(frame, h, rightW, lines);
  const y = round2(frame.height - FOOTER_BOTTOM - h);
  return {
    ...frame,
    footer: { ...frame.footer, y, h },
    footerRightW: rightW,
    footerLines: lines,
    body: { ...frame.body, h: round2(y - 0.18 - frame.body.y) },
  };
}

/** Footer: meeting line on the left, slide number on the right, at the theme's minimum size. */
export function footerShapes(frame: Frame, theme: Theme, left: string, right: string): Shape[] {
  const size = theme.sizes.minimum;
  const font = theme.fonts.body;
  const para = (text: string, align: 'left' | 'right') => ({
    runs: [{ text, sizePt: size, font, color: frame.template?.footerColor ?? theme.colors.muted }],
    align,
    lineHeightPt: round2(size * TITLE_PITCH),
    spaceAfterPt: 0,
  });
  const f = frame.footer;
  const rightW = frame.footerRightW;
  return [
    {
      kind: 'rect',
      x: f.x,
      y: round2(f.y - 0.08),
      w: f.w,
      h: 0.012,
      fill: theme.colors.surface === theme.colors.background ? theme.colors.muted : darkenSurface(theme.colors.surface),
    },
    {
      kind: 'text',
      role: 'footer',
      x: f.x,
      y: f.y,
      w: round2(f.w - rightW - 0.2),
      h: f.h,
      insets: NO_INSETS,
      valign: 'top',
      paragraphs: [para(left, 'left')],
    },
    {
      kind: 'text',
      role: 'slide-number',
      x: round2(f.x + f.w - rightW),
      y: f.y,
      w: round2(rightW),
      h: f.h,
      insets: NO_INSETS,
      valign: 'top',
      paragraphs: [para(right, 'right')],
    },
  ];
}

function darkenSurface(hex: string): string {
  const n = parseInt(hex, 16);
  const ch = (shift: number) => Math.max(0, Math.round(((n >> shift) & 255) * 0.85));
  return [16, 8, 0]
    .map((s) => ch(s).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}
