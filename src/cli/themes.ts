/** `briefdeck themes`: list, show, init and preview themes. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { BriefdeckError, problem } from '../errors.js';
import { buildDeckWithPlan } from '../build.js';
import type { Lang } from '../layout/plan.js';
import { ensureOutDir, writeFileAtomic } from '../output/write.js';
import { BUILTIN_DIR, themeNamesIn } from '../theme/files.js';
import { findTheme, loadLayers, mergeLayers } from '../theme/load.js';
import { previewBrief } from '../theme/preview.js';
import { exportDeck, type ExportOptions } from '../output/export.js';
import { resolveTheme } from '../theme/resolve.js';
import { EXIT } from './commands.js';
import { importedTheme } from '../template/import.js';
import { recoloredMessage, templateFor } from '../template/load.js';
import { warningLine } from '../messages/locale.js';
import type { CliIO } from './io.js';

interface ThemeEntry {
  name: string;
  description: string;
  path: string;
}

function listThemes(cwd = process.cwd()): ThemeEntry[] {
  const dirs = [...new Set([resolve(cwd, 'themes'), resolve(BUILTIN_DIR)])];
  const seen = new Set<string>();
  const out: ThemeEntry[] = [];
  for (const dir of dirs) {
    for (const name of themeNamesIn(dir)) {
      if (seen.has(name)) continue; // ./themes shadows a built-in of the same name
      seen.add(name);
      const file = existsSync(join(dir, `${name}.yaml`)) ? join(dir, `${name}.yaml`) : join(dir, `${name}.yml`);
      let description: string;
      try {
        description = mergeLayers(loadLayers(file)).description ?? '';
      } catch (e) {
        if (!(e instanceof BriefdeckError)) throw e;
        description = `(broken: ${e.problems[0]?.message ?? 'invalid theme'})`;
      }
      out.push({ name, description, path: relative(cwd, file) || file });
    }
  }
  return out;
}

export function themesListCommand(args: { json?: boolean }, io: CliIO): number {
  const themes = listThemes();
  if (args.json) io.out(JSON.stringify(themes, null, 2));
  else {
    const w = Math.max(...themes.map((t) => t.name.length));
    for (const t of themes) io.out(`${t.name.padEnd(w)}  ${t.description}`);
  }
  return EXIT.ok;
}

export function themesShowCommand(args: { name: string }, io: CliIO): number {
  const file = findTheme(args.name);
  const merged = mergeLayers(loadLayers(file));
  io.out(
    `# ${args.name}: resolved from ${relative(process.cwd(), file) || file}, with everything it extends\n` +
      stringify(merged, { lineWidth: 0 }),
  );
  return EXIT.ok;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function themesInitCommand(args: { name: string; from: string }, io: CliIO): number {
  if (!NAME.test(args.name))
    throw new BriefdeckError({ message: `"${args.name}" is not a theme name: use letters, digits, - and _` });
  const base = mergeLayers(loadLayers(findTheme(args.from)));
  const target = resolve('themes', `${args.name}.yaml`);
  if (existsSync(target))
    throw new BriefdeckError({
      file: relative(process.cwd(), target),
      message: 'already exists; choose another name or edit that file',
    });
  mkdirSync(resolve('themes'), { recursive: true });
  writeFileSync(target, starterTheme(args.name, args.from, base), { flag: 'wx' });
  io.out(`${relative(process.cwd(), target)}  written; edit it, then: briefdeck themes preview ${args.name}`);
  return EXIT.ok;
}

/** A starter file: `extends`, then every setting of the base theme commented out, to uncomment and change. */
function starterTheme(name: string, from: string, base: ReturnType<typeof mergeLayers>): string {
  const commented = (value: unknown) =>
    stringify(value, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => `# ${l}`)
      .join('\n');
  const { description: _d, images: _i, ...settings } = base;
  return [
    `# yaml-language-server: $schema=${relative(
      resolve('themes'),
      fileURLToPath(new URL('../../schema/theme.schema.json', import.meta.url)),
    )
      .split(sep)
      .join('/')}`,
    `# Theme "${name}". It extends "${from}": set only what you change. Uncomment a line and edit it;`,
    '# colours are #RRGGBB, sizes are points (the minimum is never below 10), images are PNG, JPEG or',
    '# SVG files beside this one. Check it with: briefdeck themes show ' + name,
    `description: ${JSON.stringify(`${name} (based on ${from})`)}`,
    `extends: ${from}`,
    '',
    commented(settings),
    '# images:',
    '#   logo: logo.png               # on the cover and at the top right of content slides',
    '#   coverBackground: cover.jpg   # behind the cover',
    '#   background: background.png   # behind content slides',
    '# labels:                        # the words on the slides, per language',
    '#   zh-CN: { achievements: 主要成绩, shortcomings: 存在不足, directives: 领导指示 }',
    '#   en: { achievements: Achievements }',
    '',
  ].join('\n');
}

/** `themes import FILE [NAME]`: themes/NAME/theme.yaml and a copy of the template beside it. */
export function themesImportCommand(args: { file: string; name?: string; force?: boolean }, io: CliIO): number {
  const source = resolve(args.file);
  const base = basename(source);
  const name =
    args.name ??
    base
      .replace(/\.[^.]*$/, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  if (!NAME.test(name))
    throw new BriefdeckError({
      message: `"${name}" is not a theme name: use letters, digits, - and _ (give one: briefdeck themes import ${args.file} NAME)`,
    });
  // Read and checked before anything is written: a bad template leaves no theme behind.
  const template = templateFor(source);
  const dir = resolve('themes', name);
  const target = join(dir, 'theme.yaml');
  if (existsSync(target) && !args.force)
    throw new BriefdeckError({
      file: relative(process.cwd(), target),
      message: 'already exists; choose another name, or pass --force to replace it',
    });
  const copy = base.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, copy), readFileSync(source));
  writeFileAtomic(target, Buffer.from(importedTheme(template, copy, base).replace('preview NAME', `preview ${name}`)));
  const shownTarget = relative(process.cwd(), target);
  io.out(
    `${shownTarget}  written, with ${relative(process.cwd(), join(dir, copy))}: cover on layout "${template.cover.name}", slides on "${template.content.name}"`,
  );
  io.out(`  see it: briefdeck themes preview ${name}; use it: theme: ${name} in a brief, or --theme ${name}`);
  for (const r of template.recolored ?? []) io.err(warningLine(problem({ file: args.file }, recoloredMessage(r))));
  return EXIT.ok;
}

export async function themesPreviewCommand(
  args: { name: string; out: string; lang: Lang; export?: ExportOptions },
  io: CliIO,
): Promise<number> {
  const theme = resolveTheme(args.name, args.lang, { allowOutsideFiles: true });
  ensureOutDir(args.out);
  const { bytes, plan } = await buildDeckWithPlan(previewBrief(args.lang), { theme });
  const file = join(
    args.out,
    `theme-${basename(args.name).replace(/\.ya?ml$/i, '')}${args.lang === 'en' ? '-en' : ''}.pptx`,
  );
  writeFileAtomic(file, bytes);
  io.out(`${file}  ${plan.slides.length} slides (theme ${theme.name})`);
  if (args.export) for (const f of await exportDeck(file, args.export)) io.out(`  ${f}`);
  return EXIT.ok;
}
