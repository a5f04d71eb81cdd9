/** The Brief as the rest of the pipeline sees it: validated, trimmed, defaults applied. */
import type { Lang } from './schema.js';

export type { Lang };

interface Person {
  name: string;
  role?: string;
}

export interface Meeting {
  title: string;
  subtitle?: string;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  organizer?: string;
  location?: string;
  chair?: Person;
  summary?: string;
  attendees: string[];
}

export interface UnitDirective {
  text: string;
  by?: string;
  /** Suggested by the drafter and not yet confirmed by a person (`suggested: true`). */
  suggested?: true;
}

export interface Unit {
  name: string;
  speaker?: string;
  achievements: string[];
  shortcomings: string[];
  directives: UnitDirective[];
  /** Speaker notes; when the brief gives none, the unit's full text. */
  notes: string;
}

export interface LeaderDirectives {
  speaker: string;
  role?: string;
  topic?: string;
  points: string[];
}

export interface Brief {
  /** Where it was read from, for messages; absent for briefs built in memory. */
  file?: string;
  lang: Lang;
  theme?: string;
  /** Where `theme:` is written, so a problem with the theme points at it. */
  themeAt?: { line: number; column: number };
  meeting: Meeting;
  units: Unit[];
  directives: LeaderDirectives[];
}
