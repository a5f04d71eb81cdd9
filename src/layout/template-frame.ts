/**
 * The frame of a slide on an office template: the slide's size, the title where the content
 * layout's title placeholder is, the panels inside its body placeholder, the footer in the band
 * of its date / footer / slide number placeholders (or at the bottom when it has none).
 */
import { footerColor, type OfficeTemplate } from '../template/package.js';
import type { Theme } from '../theme/types.js';
import type { Frame } from './frame.js';
import { round2 } from './text.js';

export interface TemplateFrame {
  /** Title text colour, as the template's title style has it. */
  titleColor: string;
  /** Where the template's footer placeholders are, if it has them. */
  footerBand?: { y: number; h: number };
  /** The footer's and slide number's colour: the theme's muted, unless it does not read there. */
  footerColor: string;
}

/** Room kept between the body and the footer, and at the slide's edges. */
const GAP = 0.12;

export function templateFrame(t: OfficeTemplate, theme: Theme): Frame {
  const c = t.content;
  const body = c.body!;
  const logoRoom = theme.images.logo ? 1.1 : 0;
  return {
    width: round2(t.widthIn),
    height: round2(t.heightIn),
    margin: round2(Math.max(0.2, body.x)),
    title: { x: round2(c.title.x), y: round2(c.title.y), w: round2(c.title.w - logoRoom), h: round2(c.title.h) },
    body: { x: round2(body.x), y: round2(body.y), w: round2(body.w), h: round2(body.h) },
    footer: { x: round2(body.x), y: round2(t.heightIn - 0.5), w: round2(body.w), h: 0.38 },
    footerRightW: 1.4,
    template: {
      titleColor: c.titleLook.color,
      footerColor: footerColor(t, theme.colors.muted).color,
      ...(c.footer ? { footerBand: { y: c.footer.y, h: c.footer.h } } : {}),
    },
  };
}

/** The footer, `h` high, in the template's footer band (or at the slide's bottom); the body ends above it. */
export function placeTemplateFooter(frame: Frame, h: number, rightW: number, lines: number): Frame {
  const band = frame.template?.footerBand;
  const lowest = frame.height - 0.06 - h;
  const y = round2(Math.min(lowest, band ? band.y + Math.max(0, (band.h - h) / 2) : lowest));
  const bodyBottom = Math.min(frame.body.y + frame.body.h, y - GAP);
  return {
    ...frame,
    footer: { ...frame.footer, y, h },
    footerRightW: rightW,
    footerLines: lines,
    body: { ...frame.body, h: round2(bodyBottom - frame.body.y) },
  };
}
