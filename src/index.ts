/** briefdeck's library API: what the CLI calls. */
import type { Brief } from './brief/types.js';
import { planDeck } from './layout/deck.js';
import type { DeckPlan } from './layout/plan.js';
import { renderDeck } from './render/pptx.js';
import { dirname } from 'node:path';
import { resolveTheme, type ThemeOptions } from './theme/resolve.js';
import type { Theme } from './theme/types.js';

export { loadBrief, parseBrief, type LoadedBrief } from './brief/load.js';
export { briefJsonSchema } from './brief/schema.js';
export { BriefdeckError, formatProblem, type Problem } from './errors.js';
export { planDeck } from './layout/deck.js';
export { resolveTheme } from './theme/resolve.js';
export type { Brief, Unit, Meeting, LeaderDirectives, UnitDirective } from './brief/types.js';
export type { DeckPlan, FitEntry, SlidePlan } from './layout/plan.js';
export type { Theme } from './theme/types.js';

export interface BuildOptions {
  /** A theme name or path, or a resolved Theme; beats the brief's `theme:`, which beats `default`. */
  theme?: string | Theme;
  /** Where themes are looked up, and whether they may reach outside their folder. */
  themeOptions?: ThemeOptions;
  /** Timestamp in the package; default: the meeting date, or SOURCE_DATE_EPOCH when set. */
  date?: Date;
}

export interface BuiltDeck {
  bytes: Buffer;
  plan: DeckPlan;
}

/** Brief + options → the finished deck and the plan it was made from (slides, fit report). */
export async function buildDeckWithPlan(brief: Brief, options: BuildOptions = {}): Promise<BuiltDeck> {
  const theme =
    typeof options.theme === 'object'
      ? options.theme
      : options.theme !== undefined
        ? resolveTheme(options.theme, brief.lang, { allowOutsideFiles: true, ...options.themeOptions })
        : resolveTheme(brief.theme, brief.lang, { ...(brief.file ? { relativeTo: dirname(brief.file), namedIn: brief.file } : {}), ...options.themeOptions });
  const plan = planDeck(brief, theme);
  const bytes = await renderDeck(plan, { date: options.date ?? deckDate(brief) });
  return { bytes, plan };
}

/** Brief + options → .pptx bytes. */
export async function buildDeck(brief: Brief, options: BuildOptions = {}): Promise<Buffer> {
  return (await buildDeckWithPlan(brief, options)).bytes;
}

/** The timestamp a deck carries: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the meeting date. */
export function deckDate(brief: Brief, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const [y, m, d] = brief.meeting.date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}
