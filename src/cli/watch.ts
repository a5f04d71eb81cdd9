/**
 * `build --watch`: rebuild a deck as soon as its brief, its theme (any file of the extends chain)
 * or an image of the theme changes; build new briefs that appear in a watched folder. Problems
 * are printed and watching goes on. Decks are written atomically, so a viewer that has the deck
 * open never sees half a file.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { now } from './clock.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { clearThemeCache } from '../theme/resolve.js';
import { buildOne, type BuildJob, type DeckResult } from './build-one.js';
import type { BuildArgs } from './build.js';
import { printProblems, reportDeck } from './report.js';
import { EXIT } from './commands.js';
import type { CliIO } from './io.js';

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Editors save in bursts (write, rename, chmod): wait this long for the burst to end. */
const SETTLE_MS = 25;

export async function watchBriefs(args: BuildArgs, initial: DeckResult[], io: CliIO): Promise<number> {
  const inputsOf = new Map<string, Set<string>>(); // brief → files it was built from
  for (const r of initial) inputsOf.set(resolve(r.brief), new Set((r.inputs ?? [r.brief]).map((f) => resolve(f))));
  // Folders given as inputs: a brief added there is built and watched too.
  const folders = args.inputs.map((i) => resolve(i)).filter(isFolder);
  const watchers = new Map<string, FSWatcher>();
  const timers = new Map<string, NodeJS.Timeout>();

  const job = (file: string): BuildJob => ({
    file,
    target: join(args.out, basename(file, extname(file)) + '.pptx'),
    ...(args.theme ? { theme: args.theme } : {}),
    allowOutsideFiles: !!args.allowOutsideFiles,
    ...(args.export ? { export: args.export } : {}),
  });

  const rebuild = async (brief: string, since: number) => {
    clearThemeCache(); // a theme file may be what changed
    const r = await buildOne(job(brief));
    inputsOf.set(brief, new Set((r.inputs ?? [brief]).map((f) => resolve(f))));
    sync();
    if (r.problems) {
      printProblems(io, r.problems);
      io.out(`watching… (${basename(brief)} has problems; the previous deck is kept)`);
    } else {
      reportDeck(io, r);
      io.out(`rebuilt ${r.deck} ${Math.round(now() - since)} ms after the change; watching…`);
    }
  };

  const schedule = (brief: string) => {
    const since = now();
    clearTimeout(timers.get(brief));
    timers.set(
      brief,
      setTimeout(() => {
        timers.delete(brief);
        rebuild(brief, since).catch((e: unknown) => io.err(String(e instanceof Error ? e.stack : e)));
      }, SETTLE_MS),
    );
  };

  const onChange = (dir: string, name: string | null) => {
    if (!name) return;
    const changed = resolve(dir, name);
    for (const [brief, files] of inputsOf) if (files.has(changed)) schedule(brief);
    // A new brief in a watched folder.
    if (/\.ya?ml$/i.test(name) && !name.startsWith('.') && folders.includes(dir) && !inputsOf.has(changed)) {
      inputsOf.set(changed, new Set([changed]));
      schedule(changed);
    }
  };

  const sync = () => {
    const dirs = new Set<string>(folders);
    for (const files of inputsOf.values()) for (const f of files) dirs.add(dirname(f));
    for (const d of dirs) {
      if (watchers.has(d)) continue;
      try {
        watchers.set(
          d,
          watch(d, { persistent: true }, (_event, name) => onChange(d, name ? name.toString() : null)),
        );
      } catch {
        /* a folder that is not there (yet): its files cannot change */
      }
    }
  };
  sync();
  io.out(`watching ${inputsOf.size} brief${inputsOf.size === 1 ? '' : 's'} and their themes; Ctrl-C to stop`);

  await new Promise<void>((done) => {
    const stop = () => done();
    args.signal?.addEventListener('abort', stop, { once: true });
    if (!args.signal) process.once('SIGINT', stop);
  });
  for (const t of timers.values()) clearTimeout(t);
  for (const w of watchers.values()) w.close();
  return EXIT.ok;
}
