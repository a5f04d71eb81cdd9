/** How build results are printed: one line per deck, its fit details, problems as errors. */
import type { Problem } from '../errors.js';
import { errorLine, warningLine } from '../messages/locale.js';
import type { DeckResult } from './build-one.js';
import type { FitEntry } from '../layout/plan.js';
import type { CliIO } from './io.js';

export const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export function printProblems(io: CliIO, problems: Problem[]): void {
  for (const p of problems) io.err(errorLine(p));
}

/** The line (and fit details) a finished deck prints. */
export function reportDeck(io: CliIO, r: DeckResult): void {
  for (const w of r.warnings ?? []) io.err(warningLine(w));
  if (r.problems) {
    printProblems(io, r.problems);
    // A bug's stack, below its brief's line, for the report.
    if (r.bug) io.err(r.bug.replace(/^/gm, '  '));
  }
  // A deck whose PDF or pictures failed was written all the same: say so.
  if (!r.deck) return;
  const fit = r.fit ?? [];
  const shrunk = fit.filter((f) => f.toPt < f.fromPt).length;
  const continued = fit.reduce((n, f) => n + f.continuationSlides, 0);
  const summary =
    shrunk || continued
      ? `  fit: ${[shrunk ? `${shrunk} shrunk` : '', continued ? `${continued} continuation slide${continued > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ')}`
      : '';
  io.out(`${r.deck}  ${r.slides} slides  ${seconds(r.ms ?? 0)}${summary}`);
  for (const line of fitLines(fit)) io.out(`  ${line}`);
  for (const f of r.exported ?? []) io.out(`  ${f}`);
}

const GROUPS: Partial<Record<FitEntry['kind'], string>> = { unit: 'unit slides', directives: "leaders' slides" };

/**
 * What the fit had to do: the size a group of slides shares (all the units, all the leaders)
 * when it is below the theme's, and which of them set it; then one line per slide group that
 * needed more than that.
 */
function fitLines(fit: FitEntry[]): string[] {
  const lines: string[] = [];
  for (const [kind, name] of Object.entries(GROUPS) as Array<[FitEntry['kind'], string]>) {
    const group = fit.filter((f) => f.kind === kind && f.groupPt !== undefined);
    const first = group[0];
    if (!first || first.groupPt! >= first.fromPt) continue;
    const densest = group.filter((f) => f.ownPt === f.groupPt).map((f) => f.subject);
    const who =
      densest.length > 3
        ? `${densest.length} of ${group.length}, ${densest.slice(0, 2).join(', ')}…,`
        : densest.join(', ');
    const need = who ? ` (${who} need${densest.length > 1 ? '' : 's'} ${first.groupPt} pt)` : '';
    lines.push(`${name}: body ${first.fromPt}→${first.groupPt} pt, one size for all${need}`);
  }
  for (const f of fit) {
    const parts: string[] = [];
    // Below the size its group shares (or, outside a group, the theme's): only a slide that continues.
    if (f.toPt < (f.groupPt ?? f.fromPt))
      parts.push(`${f.kind === 'unit' || f.kind === 'directives' ? 'body' : 'text'} ${f.fromPt}→${f.toPt} pt`);
    if (f.continuationSlides > 0)
      parts.push(`${f.continuationSlides} continuation slide${f.continuationSlides > 1 ? 's' : ''}`);
    if (f.splitItems > 0) parts.push(`${f.splitItems} long item${f.splitItems > 1 ? 's' : ''} split`);
    if (f.titleLines > 1) parts.push(`title on ${f.titleLines} lines`);
    if (parts.length) lines.push(`${f.subject}: ${parts.join(', ')}`);
  }
  return lines;
}
