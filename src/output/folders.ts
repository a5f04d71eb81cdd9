/**
 * Making the folders an output goes into, one at a time. Node's recursive mkdir retries without
 * end where the system refuses a new folder with "no such file" (anywhere in /proc): a command
 * given such a path would never return.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeFsError } from './write.js';

/** The folders missing on the way to `dir`, outermost first; `blocked` is the first part of the
 * way that is a file (then nothing can be made). Other errors looking are thrown as they are. */
export function missingFolders(dir: string): { missing: string[]; blocked?: string } {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? { missing } : { missing: [], blocked: at };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Missing, or under a file (which a part further up shows): look further up.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(at) === at) throw e;
      missing.unshift(at);
    }
  }
}

/** Make the folders in order; throws the error of the first that cannot be made (with its path). */
export function makeFolders(folders: string[]): void {
  for (const dir of folders) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      throw e;
    }
  }
}

/** Why a folder could not be made, in words. */
export function mkdirProblem(e: unknown): string {
  return (e as NodeJS.ErrnoException).code === 'ENOENT'
    ? 'this file system does not take new folders here'
    : describeFsError(e);
}
