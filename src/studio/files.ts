/**
 * The studio's files: briefs in the folder's briefs/, found by name only. A name is one plain
 * file name ending in .yaml or .yml; the file, or a folder on its way, may not lead outside the
 * studio's folder through a link. Saving is atomic and refuses to overwrite a brief that changed
 * on disk since the editor opened it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write.js';
import { linkedOutside } from '../theme/files.js';
import { MAX_INPUT_BYTES } from '../yaml/source.js';

/** A problem the page shows as it is: HTTP status and a code the page words in its language. */
export class StudioError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NAME = /^[\p{L}\p{N}_-][\p{L}\p{N}._ -]{0,99}\.ya?ml$/u;

export const briefsDir = (folder: string) => join(folder, 'briefs');

/** The path of brief `name` in the folder's briefs/, or a refusal. */
export function briefPath(folder: string, name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name) || name.includes('..'))
    throw new StudioError(400, 'bad-name', `not a brief name: ${String(name)} (a file name ending in .yaml)`);
  const file = join(briefsDir(folder), name);
  const outside = linkedOutside(folder, file) ?? linkedOutside(folder, briefsDir(folder));
  if (outside) throw new StudioError(403, 'outside', `${name} leads outside the studio's folder`);
  return file;
}

/** The briefs' file names, sorted. */
export function briefNames(folder: string): string[] {
  try {
    if (linkedOutside(folder, briefsDir(folder))) return [];
    return readdirSync(briefsDir(folder))
      .filter((f) => NAME.test(f) && !f.includes('..'))
      .sort();
  } catch {
    return [];
  }
}

/** What a saved file is, for "changed since opened": a hash of its bytes. */
const versionOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

export function readBrief(folder: string, name: unknown): { text: string; version: string } {
  const file = briefPath(folder, name);
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_INPUT_BYTES) throw new StudioError(413, 'too-big', `${String(name)} is over 5 MB`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof StudioError) throw e;
    throw new StudioError(404, 'not-found', `${String(name)}: no such brief`);
  }
  return { text: bytes.toString('utf8'), version: versionOf(bytes) };
}

/**
 * Save `text` as brief `name`. `version` is what the editor opened (null: a new brief, which
 * must not exist yet); a file that is different now is left alone.
 */
export function saveBrief(folder: string, name: unknown, text: string, version: string | null): { version: string } {
  const file = briefPath(folder, name);
  const now = existsSync(file) ? versionOf(readFileSync(file)) : null;
  if (now !== version)
    throw new StudioError(
      409,
      now === null ? 'gone' : version === null ? 'exists' : 'changed',
      now === null
        ? `${String(name)} was removed since it was opened`
        : version === null
          ? `${String(name)} already exists`
          : `${String(name)} changed on disk since it was opened; reload it to see the change`,
    );
  mkdirSync(briefsDir(folder), { recursive: true });
  const bytes = Buffer.from(text, 'utf8');
  writeFileAtomic(file, bytes, 'the brief');
  return { version: versionOf(bytes) };
}
