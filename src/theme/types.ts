/** The Theme as layout sees it: resolved (after `extends`), validated, templates compiled. */
import type { Lang } from '../brief/schema.js';
import type { Problem } from '../errors.js';
import type { OfficeTemplate } from '../template/package.js';

/** A face for Latin letters and digits and one for Chinese text: every run names both. */
export interface FontFaces {
  latin: string;
  eastAsian: string;
}

type SlideSize = '16:9' | '4:3';

export interface ThemeColors {
  primary: string;
  accent: string;
  text: string;
  muted: string;
  background: string;
  /** Title and cover text on the primary colour. */
  onPrimary: string;
  /** The tint behind panels. */
  surface: string;
  achievements: string;
  shortcomings: string;
  directives: string;
  /** Emphasised figures in achievements. */
  figure: string;
}

interface ThemeFonts {
  title: FontFaces;
  heading: FontFaces;
  body: FontFaces;
}

interface ThemeSizes {
  title: number;
  heading: number;
  body: number;
  /** A floor the layout never goes under; no theme may set it below 10 pt. */
  minimum: number;
}

export interface Labels {
  achievements: string;
  shortcomings: string;
  directives: string;
  overview: string;
  summary: string;
  units: string;
  attendees: string;
  chair: string;
  continued: string;
  /** After a leader's name on a directive slide, e.g. 讲话要点. */
  leaderDirectives: string;
  /** Joins who said a unit directive: （陈吉宁） */
  by: string;
}

/**
 * Context of the templates (footer, slide titles): documented in the README. Numbers are given as
 * text, so two printed side by side read "212", not their sum (handlebars joins pieces with `+`).
 */
export interface TemplateContext {
  meeting: {
    title: string;
    subtitle?: string;
    date: string;
    organizer?: string;
    location?: string;
    chair?: { name: string; role?: string };
  };
  unit?: { name: string; index: string };
  leader?: { speaker: string; role?: string; topic?: string };
  slide: { number: string; count: string };
  lang: Lang;
  labels: Labels;
}

export type Template<C = TemplateContext> = (ctx: C) => string;

export interface Theme {
  name: string;
  description: string;
  size: SlideSize;
  colors: ThemeColors;
  fonts: ThemeFonts;
  sizes: ThemeSizes;
  labels: Labels;
  templates: {
    footer: Template;
    slideNumber: Template;
    unitTitle: Template;
    leaderTitle: Template;
    /** Who said a unit directive: the `by` label, e.g. （{{by}}）. */
    by: Template<{ by: string }>;
  };
  images: { logo?: string; coverBackground?: string; background?: string };
  /** The office template decks are made on (`template:`), loaded and checked. */
  template?: OfficeTemplate;
  /** The theme files (the whole extends chain) and images it was made from. */
  files: string[];
  /** What was wrong but could be mended in the theme files (removed control characters), positioned. */
  warnings?: Problem[];
}
