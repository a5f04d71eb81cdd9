/**
 * The pictures a theme names (PNG, JPEG, SVG), checked before anything uses them: the size from
 * the file system first, so an oversized file is never read; then the content (bitmaps.ts for
 * PNG and JPEG, svg.ts for SVG). A problem is returned in words for the theme loader to position.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { jpegSize, pngSize } from './bitmaps.js';
import { svgProblem } from './svg.js';

/** The most a picture file may hold: far above any logo or background, far below what would
 * make a deck (and every program opening it) slow. */
const MAX_PICTURE_BYTES = 20 * 1024 * 1024;

export type PictureKind = 'png' | 'jpeg' | 'svg';

const KINDS: Record<string, PictureKind> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.svg': 'svg' };

/** "3.0 GB", "21.0 MB", or the bytes when the rounded figure would read as within the limit. */
function sizeInWords(bytes: number, limit: number): string {
  const gb = bytes / 1024 ** 3;
  if (gb >= 1) return `${gb.toFixed(1)} GB`;
  const mb = (bytes / 1024 ** 2).toFixed(1);
  return Number(mb) <= limit / 1024 ** 2 ? `${bytes.toLocaleString('en')} bytes` : `${mb} MB`;
}

/** Read a picture a theme names and check it: its bytes, or what is wrong with it. An SVG's own
 * checks can be left to `svgToPng`, which makes them as it draws. */
export function readPicture(
  path: string,
  options: { checkSvg?: boolean } = {},
): { bytes: Buffer; kind: PictureKind } | { problem: string } {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { problem: 'not a file' };
    size = st.size;
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : cannotRead(e) };
  }
  const ext = extname(path).toLowerCase();
  const kind = KINDS[ext];
  if (!kind) return { problem: `is ${ext || 'a file without extension'}; use a PNG, JPEG or SVG image` };
  if (size > MAX_PICTURE_BYTES)
    return {
      problem: `is ${sizeInWords(size, MAX_PICTURE_BYTES)}; the limit for a picture is ${MAX_PICTURE_BYTES / 1024 ** 2} MB (${MAX_PICTURE_BYTES.toLocaleString('en')} bytes)`,
    };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { problem: cannotRead(e) };
  }
  // The file may have grown since it was measured.
  if (bytes.length > MAX_PICTURE_BYTES)
    return { problem: `is over the limit for a picture, ${MAX_PICTURE_BYTES / 1024 ** 2} MB` };
  const problem =
    kind === 'png'
      ? pngProblem(bytes)
      : kind === 'jpeg'
        ? jpegProblem(bytes)
        : options.checkSvg === false
          ? undefined
          : svgProblem(bytes);
  return problem ? { problem } : { bytes, kind };
}

/** What is wrong with a picture a theme names, or undefined when it can be used. */
export function imageProblem(path: string): string | undefined {
  const r = readPicture(path);
  return 'problem' in r ? r.problem : undefined;
}

const cannotRead = (e: unknown) => `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;

const pngProblem = (b: Uint8Array) => {
  const r = pngSize(b);
  return typeof r === 'string' ? r : undefined;
};

const jpegProblem = (b: Uint8Array) => {
  const r = jpegSize(b);
  return typeof r === 'string' ? r : undefined;
};
