/**
 * Writing a deck without ever leaving a half-written file: write a temporary file in the
 * target folder, flush it, then rename it over the old deck. A failure at any point leaves
 * yesterday's deck where it was; temporary files a killed build left are removed by the next
 * write of the same file.
 */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BriefdeckError } from '../errors.js';
import { makeFolders, missingFolders, mkdirProblem } from './folders.js';

export function ensureOutDir(dir: string): void {
  try {
    const st = statSync(dir);
    if (!st.isDirectory())
      throw new BriefdeckError({ file: dir, message: 'the output path exists and is not a folder' });
    return;
  } catch (e) {
    if (e instanceof BriefdeckError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new BriefdeckError({ file: dir, message: `cannot use as output folder: ${describeFsError(e)}` });
  }
  let way: ReturnType<typeof missingFolders>;
  try {
    way = missingFolders(dir);
  } catch (e) {
    throw new BriefdeckError({ file: dir, message: `cannot use as output folder: ${describeFsError(e)}` });
  }
  if (way.blocked)
    throw new BriefdeckError({
      file: dir,
      message: `cannot use as output folder: ${way.blocked} is a file, not a folder`,
    });
  try {
    makeFolders(way.missing);
  } catch (e) {
    throw new BriefdeckError({ file: dir, message: `cannot create the output folder: ${mkdirProblem(e)}` });
  }
}

/**
 * Write `bytes` to `file` through a temporary file beside it. `what` names the file in
 * messages ("the deck", "the PDF", "the draft"). A target that is read-only is refused, not
 * replaced: a rename would go through on POSIX, against what its owner asked for.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array, what = 'the deck'): void {
  const existed = checkReplaceable(file, what);
  removeStaleTemps(file);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    flushToDisk(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing: the original error is the one to report */
      }
    }
    rmSync(tmp, { force: true });
    throw new BriefdeckError({ file, message: `cannot write ${what}: ${describeFsError(e, { what, existed })}` });
  }
}

/** The noun of "the deck", "a picture": "deck", "picture". */
const nounOf = (what: string) => what.replace(/^(?:the|an?) /, '');

/** Whether `file` exists; throws when it exists but must not be replaced (a folder, read-only). */
function checkReplaceable(file: string, what: string): boolean {
  let st;
  try {
    st = statSync(file);
  } catch {
    return false; // not there (or not readable): the write itself says what is wrong
  }
  if (st.isDirectory())
    throw new BriefdeckError({
      file,
      message: `cannot write ${what}: a folder has this name; rename or remove the folder`,
    });
  // No write permission for anyone (chmod 444, the Read-only box in Windows), or none for us.
  // The mode is checked as well as access(): for root, access() says every file is writable.
  let writable = (st.mode & 0o222) !== 0;
  if (writable) {
    try {
      accessSync(file, constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable) {
    const powerPoint = /\.pptx$/i.test(file) ? ' and close it in PowerPoint or WPS if it is open there' : '';
    throw new BriefdeckError({
      file,
      message: `the file is read-only, so ${what} was not replaced: make it writable (chmod u+w, or untick Read-only in its Properties)${powerPoint}`,
    });
  }
  return true;
}

/** A temporary file of a live process older than this was abandoned: no write takes an hour. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Remove the temporary files a killed write left beside `file` (`.NAME.PID.TIME.tmp`, the name
 * writeFileAtomic gives them): those of processes that are gone, and any older than an hour. A
 * temporary file of a running write (another build's, or another thread's) is left alone.
 */
function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile()) continue;
      if (isRunning(Number(m[1])) && Date.now() - st.mtimeMs < STALE_TEMP_MS) continue;
      unlinkSync(path);
    } catch {
      /* removed meanwhile, or not ours to remove: the write goes on all the same */
    }
  }
}

/** Whether a process with this id exists (signal 0 tests for it and sends nothing). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but is another user's; anything else: assume it runs.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** On disk before the rename, so a crash leaves the old deck or the new one, never an empty one.
 * Node's permission model forbids fsync: the rename still never shows a half-written file. */
function flushToDisk(fd: number): void {
  try {
    fsyncSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_ACCESS_DENIED') throw e;
  }
}

/**
 * What a file system error means to the user. `writing`: the file a write failed to replace
 * ("the deck", "the PDF") and whether it was there before, so the message says what was kept.
 */
export function describeFsError(e: unknown, writing?: { what: string; existed: boolean }): string {
  const err = e as NodeJS.ErrnoException;
  const noun = writing ? nounOf(writing.what) : '';
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      if (!writing) return 'permission denied';
      return `permission denied (is the folder read-only, or the ${noun} open in ${noun === 'deck' ? 'PowerPoint' : 'another program'}?)`;
    case 'EBUSY':
      return 'the file is locked by another program (close it in PowerPoint or WPS and try again)';
    case 'ENOSPC':
      return writing?.existed ? `the disk is full; the previous ${noun} was left as it was` : 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'a folder has this name; rename or remove the folder';
    default:
      return err.message ?? String(e);
  }
}
