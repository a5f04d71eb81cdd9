/**
 * The DeckPlan: what `layout/` decides and `render/` writes. Plain data, positions in inches,
 * every font size explicit, so layout decisions are tested without writing a .pptx and every
 * program shows the same thing.
 */

import type { Lang } from '../brief/schema.js';
import type { FontFaces } from '../theme/types.js';
import type { OfficeTemplate } from '../template/package.js';

export type { FontFaces, Lang };

export interface Run {
  text: string;
  sizePt: number;
  font: FontFaces;
  /** `RRGGBB`. */
  color: string;
  bold?: boolean;
}

export interface Paragraph {
  runs: Run[];
  align: 'left' | 'center' | 'right';
  /** Hanging indent for the bullet or number, in points; absent for plain paragraphs. */
  bullet?:
    | { kind: 'bullet'; char: string; indentPt: number; color: string }
    | { kind: 'number'; startAt: number; indentPt: number; color: string }
    /** Continues an item begun on the previous slide: same indent, no bullet. */
    | { kind: 'continued'; indentPt: number };
  /** Exact distance between baselines, in points. */
  lineHeightPt: number;
  spaceAfterPt: number;
}

export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextShape extends Box {
  kind: 'text';
  /** What this box holds, for tests and the renderer test: `title`, `panel:achievements`, … */
  role: string;
  paragraphs: Paragraph[];
  /** In inches. */
  insets: Insets;
  valign: 'top' | 'middle' | 'bottom';
  fill?: string;
}

export interface RectShape extends Box {
  kind: 'rect';
  fill: string;
  line?: { color: string; widthPt: number };
  /** Corner rounding as a fraction of the shorter side; 0 = square. */
  radius?: number;
}

export interface ImageShape extends Box {
  kind: 'image';
  path: string;
  /** What a screen reader says; decorative pictures have none. */
  alt: string;
}

export type Shape = TextShape | RectShape | ImageShape;

export type SlideKind = 'cover' | 'overview' | 'unit' | 'directives' | 'attendees';

export interface SlidePlan {
  kind: SlideKind;
  /** The unit or leader this slide is about, for the fit report. */
  subject?: string;
  background: string;
  shapes: Shape[];
  notes?: string;
}

export interface FitEntry {
  subject: string;
  kind: SlideKind;
  /** Body size the theme asked for and the size used. */
  fromPt: number;
  toPt: number;
  /** The size chosen for all slides of this kind (units, leaders), so the deck keeps one size:
   * this slide's own `toPt` is lower only when it continues. */
  groupPt?: number;
  /** The largest size at which this slide alone would fit on one slide; absent when it continues. */
  ownPt?: number;
  continuationSlides: number;
  /** Items that had to be split across slides because one alone did not fit. */
  splitItems: number;
  titleLines: number;
}

export interface DeckPlan {
  widthIn: number;
  heightIn: number;
  lang: Lang;
  title: string;
  author?: string;
  subject?: string;
  fonts: { major: FontFaces; minor: FontFaces };
  /** The office template the deck is made on: its masters and layouts are the deck's. */
  template?: OfficeTemplate;
  slides: SlidePlan[];
  fit: FitEntry[];
}
