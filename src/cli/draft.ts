/** `briefdeck draft`: a report (.txt, .docx, .html, or stdin) → a brief to review. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeetingDate } from '../brief/schema.js';
import { BriefdeckError, problem } from '../errors.js';
import { describeFsError, writeFileAtomic } from '../output/write.js';
import { MAX_INPUT_BYTES, readInputFile, tooBig } from '../yaml/source.js';
import { EXIT } from './commands.js';
import { makeFolders, missingFolders, mkdirProblem } from '../output/folders.js';
import type { CliIO } from './io.js';
import { msg, type Msg } from '../messages/catalogue.js';
import { say } from '../messages/locale.js';

/** The package's brief schema, found from this module in src/, dist/ and the bundle alike. */
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/brief.schema.json', import.meta.url));

export interface DraftArgs {
  report: string;
  out?: string;
  date?: string;
  suggest: boolean;
  force?: boolean;
}

export async function draftCommand(
  args: DraftArgs,
  io: CliIO,
  stdin: () => AsyncIterable<Uint8Array> = processStdin,
): Promise<number> {
  if (args.date !== undefined && !MeetingDate.safeParse(args.date).success) {
    throw new BriefdeckError(problem({}, msg('draft.badDate', { date: args.date })));
  }
  if (args.out && existsSync(args.out) && !args.force) {
    throw new BriefdeckError(problem({ file: args.out }, msg('draft.exists')));
  }
  // Where the draft goes is checked before the report is read, and made once there is a draft.
  const folders = args.out ? foldersFor(args.out) : [];
  const name = args.report === '-' ? '<stdin>' : args.report;
  const bytes = args.report === '-' ? await readAtMost(stdin()) : readInputFile(args.report, 'report');
  // Loaded only for this command: the drafter is not needed to build decks.
  const { draftBrief, readReport } = await import('../draft/index.js');
  const report = await readReport(bytes, name);
  for (const n of report.notes) io.err(`${say(msg('label.note'))}${name}: ${typeof n === 'string' ? n : say(n)}`);
  // The schema line points at briefdeck's own schema from where the draft will live, so an
  // editor completes keys in a team's folder too, not only inside a briefdeck checkout.
  // Printed drafts are usually saved into briefs/.
  const schema = relative(resolve(args.out ? dirname(args.out) : 'briefs'), SCHEMA_FILE)
    .split(sep)
    .join('/');
  const result = draftBrief(report.text, {
    ...(args.date ? { date: args.date } : {}),
    suggest: args.suggest,
    source: args.report === '-' ? 'stdin' : args.report,
    schema,
  });
  if (args.out) {
    try {
      makeFolders(folders);
    } catch (e) {
      const at = (e as NodeJS.ErrnoException).path ?? dirname(args.out);
      throw new BriefdeckError(
        problem(
          { file: args.out },
          msg('draft.cannotMakeFolder', { folder: shown(args.out, at), detail: mkdirProblem(e) }),
        ),
      );
    }
    writeFileAtomic(args.out, Buffer.from(result.yaml, 'utf8'), 'the draft');
    const suggested = (result.yaml.match(/# 建议, 请核对/g) ?? []).length;
    const n = (k: number, one: 'draft.place' | 'draft.unit' | 'draft.paragraph', many: typeof one | `${typeof one}s`) =>
      say(msg(k === 1 ? one : (many as 'draft.places'), { n: k }));
    io.out(
      say(
        msg('draft.written', {
          file: args.out,
          places: n(result.notes.length, 'draft.place', 'draft.places'),
          units: n(suggested, 'draft.unit', 'draft.units'),
          paragraphs: n(result.unplaced.length, 'draft.paragraph', 'draft.paragraphs'),
        }),
      ),
    );
  } else {
    io.out(result.yaml);
  }
  for (const n of result.notes) io.err(`${say(msg('label.check'))}${n}`);
  // Never silent: a draft that is not yet a brief says what it lacks, and fails, written all the same.
  for (const m of result.missing) io.err(`${say(msg('label.error'))}${name}: ${say(MISSING[m])}`);
  return result.missing.length ? EXIT.input : EXIT.ok;
}

const MISSING: Record<'title' | 'date' | 'units', Msg> = {
  title: msg('draft.noTitle'),
  date: msg('draft.noDate'),
  units: msg('draft.noUnits'),
};

/** The report from standard input, read no further than the size limit: `yes | briefdeck draft -`
 * never ends. */
async function readAtMost(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop (the throw) stops the stream: nothing more is read.
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw tooBig('<stdin>', undefined, 'report');
  }
  return Buffer.concat(parts, size);
}

function processStdin(): AsyncIterable<Uint8Array> {
  if (process.stdin.isTTY) throw new BriefdeckError(problem({}, msg('draft.stdinHint')));
  return process.stdin;
}

/** The folders to make for the draft at `out`, checked before the report is read: a part of the
 * way that is a file, or cannot be looked at, is refused now. */
function foldersFor(out: string): string[] {
  try {
    const { missing, blocked } = missingFolders(dirname(out));
    if (blocked) throw new BriefdeckError(problem({ file: out }, msg('draft.blocked', { path: shown(out, blocked) })));
    return missing;
  } catch (e) {
    if (e instanceof BriefdeckError) throw e;
    const at = (e as NodeJS.ErrnoException).path;
    throw new BriefdeckError(
      problem(
        { file: out },
        at
          ? msg('draft.cannotWriteAt', { path: shown(out, at), detail: describeFsError(e) })
          : msg('draft.cannotWrite', { detail: describeFsError(e) }),
      ),
    );
  }
}

/** A folder as the user would write it: relative when they gave a relative path. */
const shown = (out: string, dir: string) => (isAbsolute(out) ? dir : relative(process.cwd(), dir) || '.');
