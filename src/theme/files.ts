/**
 * Where themes live and which files a theme may name. Built-in themes are the YAML files in the
 * package's `themes/` folder; a team's themes are in `./themes` or anywhere by path. Images and
 * `extends` resolve from the file that names them and may not leave that file's folder, neither
 * by their name nor through a symbolic link.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's built-in themes, found from this module both in src/ (tests) and dist/. */
export const BUILTIN_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));

/** Names of the theme files in a folder (none when it does not exist), `default` first. */
export function themeNamesIn(dir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.'))
    .map((f) => f.replace(/\.ya?ml$/i, ''))
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/** The package's own themes do not change while it runs: read their folder once. */
let builtins: string[] | undefined;
export const builtinThemeNames = (): string[] => [...(builtins ??= themeNamesIn(BUILTIN_DIR))];

export const builtinPath = (name: string) => join(BUILTIN_DIR, `${name}.yaml`);

/** A theme reference is a path when it looks like one; otherwise a name. */
export const looksLikePath = (ref: string) => /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);

/** Is `target` inside `dir` (or the same), by name? Only a `..` segment leads out: a file named
 * `..x.png` is a file like any other. */
export function isInside(dir: string, target: string): boolean {
  const rel = relative(resolve(dir), resolve(target));
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * Where `target` really is when that is outside `dir`: symbolic links (the file itself, or a
 * folder on its way) are followed in both. Undefined when it is really inside, or does not exist
 * (which the caller reports as a missing file).
 */
export function linkedOutside(dir: string, target: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return undefined;
  }
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch {
    realDir = resolve(dir);
  }
  return isInside(realDir, real) ? undefined : real;
}

/** Image kinds a theme may use, checked by content, not only by name. */
export function imageProblem(path: string): string | undefined {
  if (!existsSync(path)) return 'no such file';
  if (!statSync(path).isFile()) return 'not a file';
  const ext = extname(path).toLowerCase();
  if (!['.png', '.jpg', '.jpeg', '.svg'].includes(ext))
    return `is ${ext || 'a file without extension'}; use a PNG, JPEG or SVG image`;
  const head = readFileSync(path).subarray(0, 512);
  const isPng = head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG';
  const isJpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  const isSvg = /<svg[\s>]/i.test(head.toString('utf8')) || /<\?xml/i.test(head.toString('utf8'));
  if (ext === '.png' && !isPng) return 'is named .png but is not a PNG image';
  if ((ext === '.jpg' || ext === '.jpeg') && !isJpeg) return 'is named .jpg but is not a JPEG image';
  if (ext === '.svg' && !isSvg) return 'is named .svg but is not an SVG image';
  return undefined;
}

export { dirname };
