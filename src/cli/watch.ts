/**
 * `build --watch`: rebuild a deck as soon as its brief, its theme (any file of the extends chain)
 * or an image of the theme changes; build new briefs that appear in a watched folder. Problems
 * are printed and watching goes on. Decks are written atomically, so a viewer that has the deck
 * open never sees half a file.
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { now } from './clock.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { clearThemeCache } from '../theme/resolve.js';
import { buildOne, type BuildJob, type DeckResult } from './build-one.js';
import type { BuildArgs } from './build.js';
import { reportDeck } from './report.js';
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
  // Folders given as inputs: a brief added there is built and watched too.
  const folders = args.inputs.map((i) => resolve(i)).filter(isFolder);
  const watchers = new Map<string, FSWatcher>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Briefs being built now, each with the time of a change that came in meanwhile. */
  const building = new Map<string, { again?: number | undefined }>();

  const job = (file: string): BuildJob => ({
    file,
    target: join(args.out, basename(file, extname(file)) + '.pptx'),
    ...(args.theme ? { theme: args.theme } : {}),
    allowOutsideFiles: !!args.allowOutsideFiles,
    ...(args.export ? { export: args.export } : {}),
  });

  /** What to watch for a brief after a build: what it was made from, or — when it failed before
   * its theme was read — what it was made from last time and every file a problem names (a
   * theme with a mistake), so fixing that file rebuilds the deck. Never the deck's own outputs. */
  const remember = (brief: string, r: DeckResult) => {
    const files = new Set((r.inputs ?? [brief]).map((f) => resolve(f)));
    if (!r.inputs) for (const f of inputsOf.get(brief) ?? []) files.add(f);
    const stem = resolve(job(brief).target).replace(/\.pptx$/i, '');
    const isOutput = (f: string) =>
      f === `${stem}.pptx` || f === `${stem}.pdf` || (f.startsWith(`${stem}-`) && f.endsWith('.png'));
    for (const p of r.problems ?? []) if (p.file && !isOutput(resolve(p.file))) files.add(resolve(p.file));
    inputsOf.set(brief, files);
  };
  for (const r of initial) remember(resolve(r.brief), r);

  const report = (brief: string, r: DeckResult, since: number) => {
    reportDeck(io, r);
    const ms = Math.round(now() - since);
    if (!r.problems) return io.out(`rebuilt ${r.deck} ${ms} ms after the change; watching…`);
    // Name the files at fault: a brief that is fine may fail because of its theme.
    const where = [...new Set(r.problems.map((p) => p.file ?? brief))].join(', ');
    if (r.deck) io.out(`rebuilt ${r.deck} ${ms} ms after the change (with problems in ${where}, above); watching…`);
    else
      io.out(
        `watching… (${where} ${r.problems.length > 1 ? 'has problems' : 'has a problem'}; ${existsSync(job(brief).target) ? 'the previous deck is kept' : 'no deck is written until it is fixed'})`,
      );
  };

  const rebuild = async (brief: string, since: number) => {
    clearThemeCache(); // a theme file may be what changed
    const state = building.get(brief)!;
    // A save that comes in while this build runs makes it stale: it is not written, and the
    // brief is built again from the newer text. The last save wins.
    const r = await buildOne(job(brief), () => state.again !== undefined || timers.has(brief));
    if (r.superseded) return;
    remember(brief, r);
    sync();
    report(brief, r, since);
  };

  /** Build a brief, or, while it is being built, have it built again once that build ends. */
  const start = async (brief: string, since: number) => {
    const running = building.get(brief);
    if (running) {
      running.again = since;
      return;
    }
    const state: { again?: number | undefined } = {};
    building.set(brief, state);
    try {
      for (let at: number | undefined = since; at !== undefined; at = state.again) {
        state.again = undefined;
        await rebuild(brief, at);
      }
    } finally {
      building.delete(brief);
    }
  };

  const schedule = (brief: string) => {
    const since = now();
    clearTimeout(timers.get(brief));
    timers.set(
      brief,
      setTimeout(() => {
        timers.delete(brief);
        start(brief, since).catch((e: unknown) => io.err(String(e instanceof Error ? e.stack : e)));
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
