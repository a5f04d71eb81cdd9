/**
 * `briefdeck build`: every brief given, on all cores; one line per deck as it is done, a summary
 * at the end, a progress line while it runs on a terminal. A failing brief does not stop the
 * others; the exit code is 1 if any failed.
 */
import { now } from './clock.js';
import { basename, extname, join } from 'node:path';
import { isBriefdeckError, type Problem } from '../errors.js';
import type { ExportOptions } from '../output/export.js';
import { ensureOutDir } from '../output/write.js';
import type { BuildJob } from './build-one.js';
import { EXIT, givenThemeFails } from './commands.js';
import { printProblems, reportDeck, seconds } from './report.js';
import { say } from '../messages/locale.js';
import { msg } from '../messages/catalogue.js';
import { collectBriefs } from './inputs.js';
import type { CliIO } from './io.js';
import { defaultJobs, runJobs } from './pool.js';
import { watchBriefs } from './watch.js';

export interface BuildArgs {
  inputs: string[];
  out: string;
  theme?: string;
  json?: boolean;
  allowOutsideFiles?: boolean;
  jobs?: number;
  export?: ExportOptions;
  watch?: boolean;
  /** Stops --watch (tests); a terminal stops it with Ctrl-C. */
  signal?: AbortSignal;
}

function jobsFor(files: string[], args: BuildArgs): { jobs: BuildJob[]; problems: Problem[] } {
  // Two briefs that would write the same deck (a.yaml and a.yml, or two folders): refuse both.
  const byTarget = new Map<string, string[]>();
  for (const file of files) {
    const t = join(args.out, basename(file, extname(file)) + '.pptx');
    byTarget.set(t, [...(byTarget.get(t) ?? []), file]);
  }
  const jobs: BuildJob[] = [];
  const problems: Problem[] = [];
  for (const [target, fs] of byTarget) {
    if (fs.length > 1)
      problems.push({
        file: target,
        message: `would be written by ${fs.length} briefs (${fs.join(', ')}); rename one of them`,
      });
    else
      jobs.push({
        file: fs[0]!,
        target,
        ...(args.theme ? { theme: args.theme } : {}),
        allowOutsideFiles: !!args.allowOutsideFiles,
        ...(args.export ? { export: args.export } : {}),
      });
  }
  return { jobs, problems };
}

export async function buildCommand(args: BuildArgs, io: CliIO): Promise<number> {
  const started = now();
  const { files, problems } = collectBriefs(args.inputs);
  printProblems(io, problems);
  if (files.length === 0 && !args.watch) return EXIT.input;
  try {
    ensureOutDir(args.out);
  } catch (e) {
    if (!isBriefdeckError(e)) throw e;
    printProblems(io, e.problems);
    return EXIT.input;
  }
  if (givenThemeFails(args.theme, io, !!args.allowOutsideFiles)) return EXIT.input;
  const { jobs, problems: clashes } = jobsFor(files, args);
  printProblems(io, clashes);
  const progress = io.progress ?? (() => {});
  let finished = 0;
  const results = await runJobs(jobs, args.jobs ?? defaultJobs(), (r) => {
    finished++;
    progress('');
    if (!args.json) reportDeck(io, r);
    if (jobs.length > 1) progress(`[${finished}/${jobs.length}] building…`);
  });
  progress('');
  const failed = problems.length + clashes.length + results.filter((r) => r.problems).length;
  if (args.json)
    io.out(
      JSON.stringify(
        results.map(({ inputs: _i, ...r }) => r),
        null,
        2,
      ),
    );
  else if (files.length + problems.length > 1) {
    const built = results.length - results.filter((r) => r.problems).length;
    const time = seconds(now() - started);
    io.out(
      say(
        failed
          ? msg(built === 1 ? 'build.summaryOneFailed' : 'build.summaryManyFailed', { built, failed, time })
          : msg(built === 1 ? 'build.summaryOne' : 'build.summaryMany', { built, time }),
      ),
    );
  }
  if (args.watch) return watchBriefs(args, results, io);
  return failed ? EXIT.input : EXIT.ok;
}
