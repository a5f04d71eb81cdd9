/**
 * Building a deck from a brief: theme, plan, package. Apart from src/index.ts so the CLI can
 * load it without the drafter, which the library API also exports.
 */
import { dirname } from 'node:path';
import type { Brief } from './brief/types.js';
import { BriefdeckError } from './errors.js';
import { planDeck } from './layout/deck.js';
import type { DeckPlan } from './layout/plan.js';
import { bestCompressor, THREAD_FROM_SLIDES } from './render/deflate.js';
import { renderDeck } from './render/pptx.js';
import { resolveTheme, type ThemeOptions } from './theme/resolve.js';
import type { Theme } from './theme/types.js';

export interface BuildOptions {
  /** A theme name or path, or a resolved Theme; beats the brief's `theme:`, which beats `default`. */
  theme?: string | Theme;
  /** Where themes are looked up, and whether they may reach outside their folder. */
  themeOptions?: ThemeOptions;
  /** Timestamp in the package; default: the meeting date, or SOURCE_DATE_EPOCH when set. */
  date?: Date;
  /** Compress on a helper thread; default: for big decks. The bytes are the same either way. */
  helperThread?: boolean;
}

export interface BuiltDeck {
  bytes: Buffer;
  plan: DeckPlan;
  theme: Theme;
}

/** Brief + options → the finished deck and the plan it was made from (slides, fit report). */
export async function buildDeckWithPlan(brief: Brief, options: BuildOptions = {}): Promise<BuiltDeck> {
  const theme =
    typeof options.theme === 'object'
      ? options.theme
      : options.theme !== undefined
        ? resolveTheme(options.theme, brief.lang, { allowOutsideFiles: true, ...options.themeOptions })
        : resolveTheme(brief.theme, brief.lang, briefThemeOptions(brief, options.themeOptions));
  const date = options.date ?? deckDate(brief);
  // A deck that is sure to be big (or is told to use a helper thread) starts it now: it
  // starts while the layout runs, instead of keeping the first slides waiting. From here on
  // it is closed whatever happens (renderDeck closes it once it has it).
  const atLeast = 2 + brief.units.length + brief.directives.length;
  const compressor =
    (options.helperThread ?? atLeast >= THREAD_FROM_SLIDES) ? bestCompressor(atLeast, true) : undefined;
  let plan: DeckPlan;
  try {
    plan = planDeck(brief, theme);
  } catch (e) {
    await compressor?.close();
    throw e;
  }
  const bytes = await renderDeck(plan, {
    date,
    ...(options.helperThread !== undefined ? { helperThread: options.helperThread } : {}),
    ...(compressor ? { compressor } : {}),
  });
  return { bytes, plan, theme };
}

/** How the brief's own `theme:` is looked up: from the brief's folder, problems pointing at it. */
export function briefThemeOptions(brief: Brief, extra: ThemeOptions = {}): ThemeOptions {
  return {
    ...(brief.file ? { relativeTo: dirname(brief.file), namedIn: brief.file } : {}),
    ...(brief.themeAt ? { namedAt: brief.themeAt } : {}),
    ...extra,
  };
}

/** Brief + options → .pptx bytes. */
export async function buildDeck(brief: Brief, options: BuildOptions = {}): Promise<Buffer> {
  return (await buildDeckWithPlan(brief, options)).bytes;
}

/** The timestamp a deck carries: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the meeting date. */
export function deckDate(brief: Brief, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const d = new Date(Number(epoch) * 1000);
    // Zip entries carry 1980–2107 (an earlier time, such as the common 0, is written there as
    // 1980; the document properties keep it exactly).
    if (!/^\d+$/.test(epoch) || !(d.getUTCFullYear() <= 2107)) {
      throw new BriefdeckError({
        message: `SOURCE_DATE_EPOCH=${epoch} is not a time briefdeck can write: give seconds since 1970, for a date up to 2107`,
      });
    }
    return d;
  }
  const [y, m, d] = brief.meeting.date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}
