/**
 * Building one brief into one deck: the unit of work a batch shares out to worker threads.
 * Returns what happened as data (so a worker can post it back), failures included: whatever
 * goes wrong with one brief, a problem in it or a bug in briefdeck, is that brief's failure.
 */
import { now } from './clock.js';
import { loadBrief } from '../brief/load.js';
import { isBriefdeckError, type Problem } from '../errors.js';
import { buildDeckWithPlan } from '../build.js';
import type { FitEntry } from '../layout/plan.js';
import { exportDeck, type ExportOptions } from '../output/export.js';
import { writeFileAtomic } from '../output/write.js';

let built = false;
/** Has this thread built a deck? The launcher keeps the code a run compiled as V8's code cache
 * (scripts/launcher/load.cjs), and only a run that built a deck compiled what a build needs. */
export const hasBuiltADeck = (): boolean => built;

export interface BuildJob {
  file: string;
  target: string;
  theme?: string;
  allowOutsideFiles?: boolean;
  export?: ExportOptions;
  /** Other decks are being built at once, a core each: compress here, not on a helper thread. */
  shared?: boolean;
}

export interface DeckResult {
  brief: string;
  /** The deck written; set as well when only its PDF or pictures failed (then with problems). */
  deck?: string;
  slides?: number;
  ms?: number;
  fit?: FitEntry[];
  exported?: string[];
  warnings?: Problem[];
  problems?: Problem[];
  /** Files the deck was made from (brief, theme chain, images), for --watch. */
  inputs?: string[];
  /** Not written: the brief changed again while it was being built (--watch). */
  superseded?: boolean;
  /** The stack of a bug in briefdeck that stopped this deck (its problem says so in words). */
  bug?: string;
}

/** A brief whose deck a bug in briefdeck stopped: its failure, with the stack to report. */
export function bugResult(brief: string, e: unknown): DeckResult {
  const message = e instanceof Error ? e.message : String(e);
  return {
    brief,
    problems: [
      { file: brief, message: `could not be built because of a bug in briefdeck (please report it): ${message}` },
    ],
    bug: e instanceof Error ? (e.stack ?? message) : message,
  };
}

/**
 * `superseded` (for --watch) is asked just before the deck is written: when it says yes, the
 * build stops there and writes nothing, as a newer save of the brief is waiting to be built.
 */
export async function buildOne(job: BuildJob, superseded?: () => boolean): Promise<DeckResult> {
  const start = now();
  const r: DeckResult = { brief: job.file };
  try {
    const { brief, warnings } = loadBrief(job.file);
    if (warnings.length) r.warnings = warnings;
    const themeOptions = { allowOutsideFiles: !!job.allowOutsideFiles };
    const { bytes, plan, theme } = await buildDeckWithPlan(brief, {
      ...(job.theme ? { theme: job.theme } : {}),
      themeOptions,
      ...(job.shared ? { helperThread: false } : {}),
    });
    if (theme.warnings) r.warnings = [...(r.warnings ?? []), ...theme.warnings];
    r.inputs = [job.file, ...theme.files];
    if (superseded?.()) return { ...r, superseded: true };
    writeFileAtomic(job.target, bytes);
    built = true;
    Object.assign(r, { deck: job.target, slides: plan.slides.length, fit: plan.fit });
    if (job.export && (job.export.pdf || job.export.png)) r.exported = await exportDeck(job.target, job.export);
  } catch (e) {
    if (!isBriefdeckError(e)) return { ...bugResult(job.file, e), ...(r.warnings ? { warnings: r.warnings } : {}) };
    r.problems = e.problems;
  }
  if (r.deck) r.ms = Math.round(now() - start);
  return r;
}
