/** The command handlers: call the library, print, return an exit code. */
import { basename, extname, join } from 'node:path';
import { loadBrief } from '../brief/load.js';
import { briefJsonSchema } from '../brief/schema.js';
import { themeJsonSchema } from '../theme/schema.js';
import { formatProblem, isBriefdeckError, type Problem } from '../errors.js';
import { briefThemeOptions, buildDeckWithPlan } from '../index.js';
import { resolveTheme } from '../theme/resolve.js';
import type { FitEntry } from '../layout/plan.js';
import { ensureOutDir, writeFileAtomic } from '../output/write.js';
import { collectBriefs } from './inputs.js';
import type { CliIO } from './io.js';

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

function printProblems(io: CliIO, problems: Problem[]): void {
  for (const p of problems) io.err(`error: ${formatProblem(p)}`);
}

/** What the fit had to do, one line per slide group that needed more than the theme's sizes. */
export function fitLines(fit: FitEntry[]): string[] {
  return fit
    .filter((f) => f.toPt < f.fromPt || f.continuationSlides > 0 || f.splitItems > 0 || f.titleLines > 1)
    .map((f) => {
      const parts: string[] = [];
      if (f.toPt < f.fromPt) parts.push(`${f.kind === 'unit' || f.kind === 'directives' ? 'body' : 'text'} ${f.fromPt}→${f.toPt} pt`);
      if (f.continuationSlides > 0) parts.push(`${f.continuationSlides} continuation slide${f.continuationSlides > 1 ? 's' : ''}`);
      if (f.splitItems > 0) parts.push(`${f.splitItems} long item${f.splitItems > 1 ? 's' : ''} split`);
      if (f.titleLines > 1) parts.push(`title on ${f.titleLines} lines`);
      return `${f.subject}: ${parts.join(', ')}`;
    });
}

export function validateCommand(args: { inputs: string[]; theme?: string; allowOutsideFiles?: boolean }, io: CliIO): number {
  const { files, problems } = collectBriefs(args.inputs);
  printProblems(io, problems);
  let failed = problems.length > 0 || files.length === 0;
  if (args.theme) {
    // One theme for every brief: a problem with it is said once.
    try {
      resolveTheme(args.theme, 'zh-CN', { allowOutsideFiles: true });
    } catch (e) {
      if (!isBriefdeckError(e)) throw e;
      printProblems(io, e.problems);
      return EXIT.input;
    }
  }
  for (const file of files) {
    try {
      const { brief, warnings } = loadBrief(file);
      for (const w of warnings) io.err(`warning: ${formatProblem(w)}`);
      // A brief is only valid if its deck can be built: its theme must load too.
      const themeOptions = { allowOutsideFiles: !!args.allowOutsideFiles };
      if (args.theme) resolveTheme(args.theme, brief.lang, { ...themeOptions, allowOutsideFiles: true });
      else resolveTheme(brief.theme, brief.lang, briefThemeOptions(brief, themeOptions));
      io.out(`${file}: ok (${brief.units.length} units, ${brief.directives.length} leaders)`);
    } catch (e) {
      if (!isBriefdeckError(e)) throw e;
      failed = true;
      printProblems(io, e.problems);
    }
  }
  return failed ? EXIT.input : EXIT.ok;
}

export function schemaCommand(kind: 'brief' | 'theme', io: CliIO): number {
  io.out(JSON.stringify(kind === 'theme' ? themeJsonSchema() : briefJsonSchema(), null, 2));
  return EXIT.ok;
}
