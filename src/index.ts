/** briefdeck's library API: what the CLI calls. */
export { loadBrief, parseBrief, type LoadedBrief } from './brief/load.js';
export { briefJsonSchema } from './brief/schema.js';
export {
  briefThemeOptions,
  buildDeck,
  buildDeckWithPlan,
  deckDate,
  type BuildOptions,
  type BuiltDeck,
} from './build.js';
export { BriefdeckError, formatProblem, type Problem } from './errors.js';
export { planDeck } from './layout/deck.js';
export { draftBrief, readReport, type DraftOptions, type DraftResult, type ReportText } from './draft/index.js';
export { resolveTheme } from './theme/resolve.js';
export type { Brief, Unit, Meeting, LeaderDirectives, UnitDirective } from './brief/types.js';
export type { DeckPlan, FitEntry, SlidePlan } from './layout/plan.js';
export type { Theme } from './theme/types.js';
