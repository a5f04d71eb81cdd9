/**
 * Reading an office template's zip safely. The file's size is checked before it is read; the
 * sizes each entry claims in the central directory are checked before anything is inflated
 * (fflate's unzipSync hands them to a filter first, and never inflates an entry past the size
 * it claims, so a lying entry cannot grow either). What is refused is said in words.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fflate from 'fflate/browser';

let fflate: typeof Fflate | undefined;
/**
 * fflate, loaded the first time a template is read: its module builds its tables as it loads
 * (~5 ms, measured), which every start of the CLI would pay otherwise. The browser build: the
 * same synchronous code, without the node build's worker_threads (tests/cli/batch.test.ts checks
 * those do not load with every start). In the bundled CLI `require` bundles it.
 */
function unzipSync(...args: Parameters<typeof Fflate.unzipSync>): ReturnType<typeof Fflate.unzipSync> {
  fflate ??= (
    typeof require === 'function'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
        require('fflate/browser')
      : createRequire(import.meta.url)('fflate/browser')
  ) as typeof Fflate;
  return fflate.unzipSync(...args);
}

/** The most a template file may be: a real one with a few backgrounds is well under 10 MB. */
const MAX_TEMPLATE_BYTES = 100 * 1024 * 1024;
/** The most the whole package may unpack to. */
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
/** The most one picture may be (as for a theme's own pictures). */
const MAX_PICTURE_BYTES = 20 * 1024 * 1024;
/** The most one XML part may be. */
const MAX_PART_BYTES = 30 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
/** XML packs 5–30 to 1; an entry that claims much more, and is big, is a zip bomb. */
const MAX_RATIO = 200;

const MB = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MB`;

export class TemplateProblem extends Error {}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The template's entries by name, inflated; or a TemplateProblem saying what is wrong. */
export function readTemplateZip(file: string): Map<string, Uint8Array> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new TemplateProblem('not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof TemplateProblem) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new TemplateProblem(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`);
  }
  if (size > MAX_TEMPLATE_BYTES)
    throw new TemplateProblem(`is ${MB(size)}; a template may be at most ${MAX_TEMPLATE_BYTES / 1024 ** 2} MB`);
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8).equals(OLE2)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw new TemplateProblem(
        'is encrypted (it has a password to open); open it in PowerPoint, remove the password (File › Info › Protect Presentation › Encrypt with Password), save it and import that',
      );
    throw new TemplateProblem(
      'is an old PowerPoint 97–2003 file (.ppt/.pot), not a .pptx or .potx; open it in PowerPoint or LibreOffice, save it as .potx (or .pptx) and import that',
    );
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new TemplateProblem('is not a PowerPoint file (.pptx or .potx): it is not a zip package');
  const infos: Array<{ name: string; size: number; originalSize: number }> = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        infos.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new TemplateProblem(`is not a PowerPoint file, or it is damaged: its zip cannot be read (${errText(e)})`);
  }
  if (infos.length > MAX_ENTRIES)
    throw new TemplateProblem(`has ${infos.length} files in its zip; a template has at most ${MAX_ENTRIES}`);
  let total = 0;
  for (const f of infos) {
    total += f.originalSize;
    const picture = /^ppt\/media\//i.test(f.name);
    const limit = picture ? MAX_PICTURE_BYTES : MAX_PART_BYTES;
    if (f.originalSize > limit)
      throw new TemplateProblem(
        `${f.name} is ${MB(f.originalSize)} unpacked; the limit for ${picture ? 'a picture' : 'a part'} is ${limit / 1024 ** 2} MB`,
      );
    if (f.originalSize > 1024 * 1024 && f.originalSize > MAX_RATIO * Math.max(1, f.size))
      throw new TemplateProblem(
        `${f.name} claims to unpack from ${f.size.toLocaleString('en')} bytes to ${MB(f.originalSize)}: a zip bomb, not a template`,
      );
  }
  if (total > MAX_UNPACKED_BYTES)
    throw new TemplateProblem(
      `unpacks to ${MB(total)}; a template may unpack to at most ${MAX_UNPACKED_BYTES / 1024 ** 2} MB`,
    );
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new TemplateProblem(`is damaged: its zip cannot be unpacked (${errText(e)})`);
  }
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));
