/** The command handlers: call the library, print, return an exit code. */
import { loadBrief } from '../brief/load.js';
import { briefJsonSchema } from '../brief/schema.js';
import { isBriefdeckError } from '../errors.js';
import { say, warningLine } from '../messages/locale.js';
import { msg } from '../messages/catalogue.js';
import { briefThemeOptions } from '../build.js';
import { resolveTheme } from '../theme/resolve.js';
import { themeJsonSchema } from '../theme/schema.js';
import { collectBriefs } from './inputs.js';
import type { CliIO } from './io.js';
import { printProblems } from './report.js';

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** A --theme given for every brief: a problem with it is one problem, said once, before any work.
 * The theme file may be anywhere; what it names (images, extends) stays beside it unless allowed,
 * as when the decks are built. */
export function givenThemeFails(theme: string | undefined, io: CliIO, allowOutsideFiles = false): boolean {
  if (!theme) return false;
  try {
    resolveTheme(theme, 'zh-CN', { allowOutsideFiles });
    return false;
  } catch (e) {
    if (!isBriefdeckError(e)) throw e;
    printProblems(io, e.problems);
    return true;
  }
}

export function validateCommand(
  args: { inputs: string[]; theme?: string; allowOutsideFiles?: boolean },
  io: CliIO,
): number {
  const { files, problems } = collectBriefs(args.inputs);
  printProblems(io, problems);
  let failed = problems.length > 0 || files.length === 0;
  if (givenThemeFails(args.theme, io, !!args.allowOutsideFiles)) return EXIT.input;
  for (const file of files) {
    try {
      const { brief, warnings } = loadBrief(file);
      for (const w of warnings) io.err(warningLine(w));
      // A brief is only valid if its deck can be built: its theme must load too.
      const themeOptions = { allowOutsideFiles: !!args.allowOutsideFiles };
      const theme = args.theme
        ? resolveTheme(args.theme, brief.lang, themeOptions)
        : resolveTheme(brief.theme, brief.lang, briefThemeOptions(brief, themeOptions));
      for (const w of theme.warnings ?? []) io.err(warningLine(w));
      io.out(say(msg('validate.ok', { file, units: brief.units.length, leaders: brief.directives.length })));
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
