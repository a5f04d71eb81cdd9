/**
 * Where themes live and which files a theme may name. Built-in themes are the YAML files in the
 * package's `themes/` folder; a team's themes are in `./themes` or anywhere by path. Images and
 * `extends` resolve from the file that names them and may not leave that file's folder, neither
 * by their name nor through a symbolic link.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
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
    .filter(
      (f) =>
        !f.startsWith('.') && (/\.ya?ml$/i.test(f) || (!f.includes('.') && existsSync(join(dir, f, 'theme.yaml')))),
    )
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
