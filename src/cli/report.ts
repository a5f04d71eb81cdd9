/** How build results are printed: one line per deck, its fit details, problems as errors. */
import type { Problem } from '../errors.js';
import { errorLine, say, warningLine } from '../messages/locale.js';
import { msg, type MessageKey } from '../messages/catalogue.js';
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
  const parts = [
    shrunk ? say(msg('fit.shrunk', { n: shrunk })) : '',
    continued ? say(msg(continued > 1 ? 'fit.continuations' : 'fit.continuation', { n: continued })) : '',
  ].filter(Boolean);
  const fitSummary = parts.length ? say(msg('fit.summary', { parts: parts.join(say(msg('fit.sep'))) })) : '';
  io.out(say(msg('build.deck', { deck: r.deck, slides: r.slides ?? 0, time: seconds(r.ms ?? 0), fit: fitSummary })));
  for (const line of fitLines(fit)) io.out(`  ${line}`);
  for (const f of r.exported ?? []) io.out(`  ${f}`);
}

const GROUPS: Partial<Record<FitEntry['kind'], MessageKey>> = {
  unit: 'fit.unitSlides',
  directives: 'fit.leaderSlides',
};

/**
 * What the fit had to do: the size a group of slides shares (all the units, all the leaders)
 * when it is below the theme's, and which of them set it; then one line per slide group that
 * needed more than that.
 */
function fitLines(fit: FitEntry[]): string[] {
  const lines: string[] = [];
  const sep = say(msg('fit.sep'));
  for (const [kind, name] of Object.entries(GROUPS) as Array<[FitEntry['kind'], 'fit.unitSlides']>) {
    const group = fit.filter((f) => f.kind === kind && f.groupPt !== undefined);
    const first = group[0];
    if (!first || first.groupPt! >= first.fromPt) continue;
    const densest = group.filter((f) => f.ownPt === f.groupPt).map((f) => f.subject);
    const names = say(msg('fit.nameSep'));
    const who =
      densest.length > 3
        ? say(msg('fit.whoMany', { n: densest.length, total: group.length, first: densest.slice(0, 2).join(names) }))
        : densest.join(names);
    const need = who ? say(msg(densest.length > 1 ? 'fit.need' : 'fit.needs', { who, pt: first.groupPt! })) : '';
    lines.push(say(msg('fit.group', { name: msg(name), from: first.fromPt, to: first.groupPt!, need })));
  }
  for (const f of fit) {
    const parts: string[] = [];
    // Below the size its group shares (or, outside a group, the theme's): only a slide that continues.
    if (f.toPt < (f.groupPt ?? f.fromPt))
      parts.push(
        say(
          msg(f.kind === 'unit' || f.kind === 'directives' ? 'fit.body' : 'fit.text', { from: f.fromPt, to: f.toPt }),
        ),
      );
    if (f.continuationSlides > 0)
      parts.push(
        say(msg(f.continuationSlides > 1 ? 'fit.continuations' : 'fit.continuation', { n: f.continuationSlides })),
      );
    if (f.splitItems > 0) parts.push(say(msg(f.splitItems > 1 ? 'fit.splits' : 'fit.split', { n: f.splitItems })));
    if (f.titleLines > 1) parts.push(say(msg('fit.titleLines', { n: f.titleLines })));
    if (parts.length) lines.push(say(msg('fit.subject', { subject: f.subject, parts: parts.join(sep) })));
  }
  return lines;
}
