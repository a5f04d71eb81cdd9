/**
 * The command line: parse arguments with yargs (the only importer of yargs), run one command,
 * return its exit code. The bin file only calls `run(argv)` and exits with the code, so tests
 * run the whole CLI in-process. Only here are BriefdeckErrors printed; anything else is a bug.
 */
import { readFileSync } from 'node:fs';
import yargs, { type CommandModule } from 'yargs';
import { isBriefdeckError } from '../errors.js';
import { msg } from '../messages/catalogue.js';
import { errorLine, langOption, localeLang, say, setMessageLang } from '../messages/locale.js';
import { buildCommand } from './build.js';
import { EXIT, schemaCommand, validateCommand } from './commands.js';
import { availableParallelism } from 'node:os';
import { draftCommand } from './draft.js';
import { studioCommand } from './studio.js';
import {
  themesImportCommand,
  themesInitCommand,
  themesListCommand,
  themesPreviewCommand,
  themesShowCommand,
} from './themes.js';
import { processIO, type CliIO } from './io.js';
import type { ExportOptions } from '../output/export.js';

type Action = () => Promise<number> | number;

/** A command as yargs takes it, with the arguments its builder declares. */
const command = <U>(module: CommandModule<object, U>): CommandModule<object, U> & { command: string } =>
  module as CommandModule<object, U> & { command: string };

/** The briefs build and validate take. */
const INPUTS = {
  describe: 'Brief files or folders of briefs',
  type: 'string',
  array: true,
  default: ['briefs'],
} as const;

/** --pdf, --png and --soffice, for build and themes preview. */
const EXPORT_OPTIONS = {
  pdf: { describe: 'Also write a PDF of each deck (needs LibreOffice)', type: 'boolean', default: false },
  png: {
    describe: 'Also write a PNG picture of each slide (needs LibreOffice and poppler)',
    type: 'boolean',
    default: false,
  },
  soffice: { describe: "Path to LibreOffice's soffice (default: found on PATH)", type: 'string' },
} as const;

const exportOf = (a: { pdf: boolean; png: boolean; soffice: string | undefined }): { export?: ExportOptions } =>
  a.pdf || a.png ? { export: { pdf: a.pdf, png: a.png, ...(a.soffice ? { soffice: a.soffice } : {}) } } : {};

const HELP_OR_VERSION = new Set(['--help', '-h', '--version', '-v']);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * `--lang zh-CN` / `--lang en` (the messages' language) taken out of the arguments; kept for
 * `themes preview`, where it also names the language of the sample content.
 */
function takeLang(argv: string[]): { argv: string[]; lang?: string } {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return { argv };
  const lang = argv[i]!.startsWith('--lang=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  if (argv[0] === 'themes' && argv[1] === 'preview') return { argv, ...(lang !== undefined ? { lang } : {}) };
  const rest = [...argv.slice(0, i), ...argv.slice(argv[i]!.includes('=') ? i + 1 : i + 2)];
  return { argv: rest, lang: lang ?? '' };
}

export async function run(argv: string[], io: CliIO = processIO, signal?: AbortSignal): Promise<number> {
  const given = takeLang(argv);
  argv = given.argv;
  const lang = given.lang === undefined ? localeLang() : langOption(given.lang);
  setMessageLang(lang ?? localeLang());
  if (!lang) {
    io.err(
      `${errorLine({ message: '', msg: msg('cli.badLang', { lang: given.lang ?? '' }) })}\n${say(msg('cli.seeHelp'))}`,
    );
    return EXIT.usage;
  }
  let action: Action | undefined;
  let usage: string | undefined;
  const build = command({
    command: 'build [inputs..]',
    describe: 'Build decks from briefs (files or folders)',
    builder: (y) =>
      y
        .positional('inputs', INPUTS)
        .option('out', { alias: 'o', describe: 'Folder for the decks', type: 'string', default: 'output' })
        .option('theme', { alias: 't', describe: "Theme name (overrides the brief's theme:)", type: 'string' })
        .option('json', { describe: 'Print the decks and fit report as JSON', type: 'boolean', default: false })
        .option('allow-outside-files', {
          describe: 'Let briefs and themes use files outside their own folder',
          type: 'boolean',
          default: false,
        })
        .option('jobs', {
          alias: 'j',
          describe: 'Decks built at once (default and most: one per core)',
          type: 'number',
        })
        .option('watch', {
          alias: 'w',
          describe: 'Rebuild a deck whenever its brief or theme changes',
          type: 'boolean',
          default: false,
        })
        .options(EXPORT_OPTIONS)
        .example('$0 build', 'build every brief in briefs/ into output/')
        .example('$0 build briefs --watch', 'rebuild while you edit')
        .example('$0 build briefs/x.yaml --pdf', 'a deck and a PDF for the printer')
        .example('$0 build briefs/2025-01-shanghai-quarterly.yaml --out decks', 'build one brief into decks/'),
    handler: (a) => {
      if (a.jobs !== undefined && (!Number.isInteger(a.jobs) || a.jobs < 1)) {
        usage = `--jobs must be a whole number of 1 or more (this machine has ${availableParallelism()} cores)`;
        return;
      }
      action = () =>
        buildCommand(
          {
            inputs: a.inputs as string[],
            out: a.out,
            ...(a.theme ? { theme: a.theme } : {}),
            json: a.json,
            allowOutsideFiles: a['allow-outside-files'],
            ...(a.jobs ? { jobs: a.jobs } : {}),
            watch: a.watch,
            ...exportOf(a),
            ...(signal ? { signal } : {}),
          },
          io,
        );
    },
  });
  const validate = command({
    command: 'validate [inputs..]',
    describe: 'Check briefs without building; exit 1 on any problem',
    builder: (y) =>
      y
        .positional('inputs', INPUTS)
        .option('theme', {
          alias: 't',
          describe: "Theme name or path to check with (overrides the brief's theme:)",
          type: 'string',
        })
        .option('allow-outside-files', {
          describe: 'Let briefs and themes use files outside their own folder',
          type: 'boolean',
          default: false,
        })
        .example('$0 validate briefs/x.yaml', 'list every problem in x.yaml as file:line:column'),
    handler: (a) => {
      action = () =>
        validateCommand(
          {
            inputs: a.inputs as string[],
            ...(a.theme ? { theme: a.theme } : {}),
            allowOutsideFiles: a['allow-outside-files'],
          },
          io,
        );
    },
  });
  const draft = command({
    command: 'draft <report>',
    describe: 'Draft a brief from the published report of a meeting (.txt, .docx or .html; - for stdin)',
    builder: (y) =>
      y
        .positional('report', {
          describe: 'The report: a .txt (UTF-8, GB18030/GBK, Big5), a .docx or a saved web page; - reads stdin',
          type: 'string',
          demandOption: true,
        })
        .option('out', { alias: 'o', describe: 'Write the brief here (default: print it)', type: 'string' })
        .option('date', {
          describe: 'Meeting date, YYYY-MM-DD or YYYY-MM, when the report gives none',
          type: 'string',
        })
        .option('suggest', {
          describe: "Suggest each unit's directives from the leaders' points (--no-suggest: don't)",
          type: 'boolean',
          default: true,
        })
        .option('force', { describe: 'Replace --out if it exists', type: 'boolean', default: false })
        .example(
          '$0 draft report.txt --date 2025-01-06 --out briefs/2025-01.yaml',
          'draft, then review the # 请核对 comments',
        ),
    handler: (a) => {
      // yargs reads a lone "-" as an empty string.
      action = () =>
        draftCommand(
          {
            report: a.report === '' ? '-' : a.report,
            suggest: a.suggest,
            force: a.force,
            ...(a.out ? { out: a.out } : {}),
            ...(a.date ? { date: a.date } : {}),
          },
          io,
        );
    },
  });
  const studio = command({
    command: 'studio [folder]',
    describe: 'Edit briefs in the browser beside a live preview of the deck',
    builder: (y) =>
      y
        .positional('folder', { describe: 'The folder with briefs/ (and themes/)', type: 'string', default: '.' })
        .option('port', { describe: 'Port on 127.0.0.1 (default: a free one)', type: 'number' })
        .option('open', {
          describe: 'Open the browser (--no-open: only print the address)',
          type: 'boolean',
          default: true,
        })
        .example('$0 studio', 'edit the briefs of this folder in the browser'),
    handler: (a) => {
      if (a.port !== undefined && (!Number.isInteger(a.port) || a.port < 0 || a.port > 65535)) {
        usage = '--port must be a whole number from 0 to 65535';
        return;
      }
      action = () =>
        studioCommand(
          { folder: a.folder, open: a.open, ...(a.port !== undefined ? { port: a.port } : {}) },
          io,
          signal,
        );
    },
  });
  const schema = command({
    command: 'schema [kind]',
    describe: 'Print the JSON Schema of a brief (or of a theme) for editors',
    builder: (y) =>
      y
        .positional('kind', {
          describe: 'brief or theme',
          choices: ['brief', 'theme'] as const,
          default: 'brief' as const,
        })
        .example('$0 schema > brief.schema.json', 'save the brief schema'),
    handler: (a) => {
      action = () => schemaCommand(a.kind, io);
    },
  });
  const themes = command({
    command: 'themes',
    describe: 'List themes (built-in and ./themes); show, init, import or preview one',
    builder: (y) =>
      y
        .option('json', { describe: 'Print [{name, description, path}] as JSON', type: 'boolean', default: false })
        .command(
          'show <name>',
          'Print a theme as YAML, resolved with everything it extends',
          (z) => z.positional('name', { type: 'string', demandOption: true, describe: 'Theme name or path' }),
          (a) => {
            action = () => themesShowCommand({ name: a.name }, io);
          },
        )
        .command(
          'init <name>',
          'Write a commented starter theme to themes/<name>.yaml',
          (z) =>
            z
              .positional('name', { type: 'string', demandOption: true, describe: 'Name of the new theme' })
              .option('from', { type: 'string', default: 'default', describe: 'Theme to extend' })
              .example('$0 themes init bureau-blue --from default', 'start a team theme'),
          (a) => {
            action = () => themesInitCommand({ name: a.name, from: a.from }, io);
          },
        )
        .command(
          'import <file> [name]',
          "Make a theme from the office's own PowerPoint template (.potx or .pptx): themes/<name>/theme.yaml",
          (z) =>
            z
              .positional('file', { type: 'string', demandOption: true, describe: 'The template, .potx or .pptx' })
              .positional('name', { type: 'string', describe: "The theme's name (default: the file's)" })
              .option('force', { type: 'boolean', default: false, describe: 'Replace a theme of that name' })
              .example('$0 themes import office.potx office', 'then: briefdeck build --theme office'),
          (a) => {
            action = () =>
              themesImportCommand({ file: a.file, force: a.force, ...(a.name ? { name: a.name } : {}) }, io);
          },
        )
        .command(
          'preview <name>',
          'Build a deck showing every slide type with sample content',
          (z) =>
            z
              .positional('name', { type: 'string', demandOption: true, describe: 'Theme name or path' })
              .option('out', {
                alias: 'o',
                type: 'string',
                default: 'output',
                describe: 'Folder for the preview deck',
              })
              .option('lang', {
                type: 'string',
                choices: ['zh-CN', 'en'] as const,
                default: 'zh-CN' as const,
                describe: 'Language of the sample content',
              })
              .options(EXPORT_OPTIONS),
          (a) => {
            action = () => themesPreviewCommand({ name: a.name, out: a.out, lang: a.lang, ...exportOf(a) }, io);
          },
        )
        .example('$0 themes', 'list themes')
        .example('$0 themes preview government-red', 'see a theme'),
    handler: (a) => {
      action = () => themesListCommand({ json: a.json }, io);
    },
  });
  // yargs renders the whole help text after running a named command (~100 ms of a cold build,
  // for text nobody reads), but not after a default one. So a command that is run, with no help
  // asked for, is parsed by a parser where it is the default command.
  // (Their argument types differ; yargs takes any of them.)
  const runnable = [build, validate, draft, studio, schema] as unknown as Array<CommandModule & { command: string }>;
  const run = argv.some((a) => HELP_OR_VERSION.has(a))
    ? undefined
    : runnable.find((c) => c.command.split(' ')[0] === argv[0]);
  const args = run ? argv.slice(1) : argv;
  // yargs words its own messages (unknown argument, missing value) in the same language.
  const yargsLocale = lang === 'zh-CN' ? 'zh_CN' : 'en';
  const parser = run
    ? yargs(args)
        .locale(yargsLocale)
        .command({ ...run, command: run.command.replace(/^\S+/, '$0') })
        .strict()
        .version(false)
        .help(false)
        .exitProcess(false)
    : yargs(args)
        .locale(yargsLocale)
        .scriptName('briefdeck')
        .usage('$0 <command> [options]\n\nTurn a meeting brief (YAML) into a PowerPoint deck.')
        .command(build)
        .command(validate)
        .command(draft)
        .command(studio)
        .command(schema)
        .command(themes)
        .example('$0 build', 'build every brief in briefs/ into output/')
        .example('$0 validate briefs/x.yaml', 'check a brief; problems as file:line:column')
        .epilog('Exit codes: 0 done, 1 a problem with the input, 2 wrong usage.')
        .demandCommand(1, 'Name a command: build, validate, draft, studio, themes or schema.')
        .strict()
        .recommendCommands()
        .version(version())
        .alias('version', 'v')
        .help()
        .alias('help', 'h')
        .wrap(Math.min(100, process.stdout.columns || 100))
        .exitProcess(false);
  let usageError: string | undefined;
  let printed = '';
  await new Promise<void>((resolve) => {
    parser.fail((msg, err) => {
      usageError = msg || err?.message || 'wrong usage';
    });
    void parser.parse(args, {}, (err, _args, output) => {
      if (err && !usageError) usageError = err.message;
      printed = output ?? '';
      resolve();
    });
  });
  usageError ??= usage;
  if (usageError) {
    io.err(`${errorLine({ message: usageError })}\n${say(msg('cli.seeHelp'))}`);
    return EXIT.usage;
  }
  if (printed) {
    io.out(printed);
    return EXIT.ok;
  }
  if (!action) return EXIT.usage;
  try {
    return await action();
  } catch (e) {
    // Problems the user can fix are printed; anything else is a bug and keeps its stack.
    if (!isBriefdeckError(e)) throw e;
    for (const p of e.problems) io.err(errorLine(p));
    return EXIT.input;
  }
}
