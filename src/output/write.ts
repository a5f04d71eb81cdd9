/**
 * Writing a deck without ever leaving a half-written file: write a temporary file in the
 * target folder, flush it, then rename it over the old deck. A failure at any point leaves
 * yesterday's deck where it was.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BriefdeckError } from '../errors.js';

export function ensureOutDir(dir: string): void {
  try {
    const st = statSync(dir);
    if (!st.isDirectory()) throw new BriefdeckError({ file: dir, message: 'the output path exists and is not a folder' });
    return;
  } catch (e) {
    if (e instanceof BriefdeckError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new BriefdeckError({ file: dir, message: `cannot use as output folder: ${describeFsError(e)}` });
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new BriefdeckError({ file: dir, message: `cannot create the output folder: ${describeFsError(e)}` });
  }
}

export function writeFileAtomic(file: string, bytes: Uint8Array, what = 'the deck'): void {
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
    throw new BriefdeckError({ file, message: `cannot write ${what}: ${describeFsError(e)}` });
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

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (is the folder read-only, or the deck open in PowerPoint?)';
    case 'EBUSY':
      return 'the file is locked by another program (close it in PowerPoint or WPS and try again)';
    case 'ENOSPC':
      return 'the disk is full; the previous deck was left as it was';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'no such file or folder';
    default:
      return err.message ?? String(e);
  }
}
