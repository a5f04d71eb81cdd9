/**
 * Loading a theme: find it, read the chain of `extends` (cycles refused), validate each file with
 * positions, deep-merge, and compile templates. Every problem is reported against the theme file
 * and line that caused it.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { BriefdeckError, problem, type Problem } from '../errors.js';
import { parseYaml, readTextFile, toPlain, typingOr, type YamlSource } from '../yaml/source.js';
import { formatPath, locate, suggest, validate } from '../yaml/validate.js';
import { builtinPath, builtinThemeNames, isInside, linkedOutside, looksLikePath, themeNamesIn } from './files.js';
import { imageProblem } from './pictures.js';
import { themeFileSchema, TEMPLATE_KEYS, type ThemeFile } from './schema.js';
import { BUILTIN_LAYERS } from './builtin-layers.js';
import { compileTemplate, describeTemplateError, unclosedMustache, unknownVariables } from './templates.js';
import { msg, type Msg } from '../messages/catalogue.js';
import { TemplateRefused } from './template-rules.js';

export interface ThemeOptions {
  /** Folder a relative theme path is resolved from (the brief's folder, or the working folder). */
  relativeTo?: string;
  /** Folder whose `themes/` holds the team's themes; default the working folder. */
  cwd?: string;
  /** Let themes name images and `extends` outside their own folder. */
  allowOutsideFiles?: boolean;
  /** The file that named the theme (a brief), and where in it, for messages. */
  namedIn?: string;
  namedAt?: { line: number; column: number };
}

const namer = (opts: ThemeOptions) =>
  opts.namedIn ? { file: opts.namedIn, ...(opts.namedAt ?? {}), ...(opts.namedAt ? { path: 'theme' } : {}) } : {};

export interface ThemeLayer {
  file: string;
  /** Set for the package's own themes. */
  builtin?: string;
  src: YamlSource;
  data: ThemeFile;
}

/** The file a theme reference means: a path, a theme in ./themes, or a built-in theme. */
export function findTheme(ref: string | undefined, opts: ThemeOptions = {}): string {
  const cwd = opts.cwd ?? process.cwd();
  const name = ref ?? 'default';
  if (looksLikePath(name)) {
    const file = resolve(opts.relativeTo ?? cwd, name);
    if (!existsSync(file)) throw new BriefdeckError(problem(namer(opts), msg('theme.noFile', { file })));
    const out = opts.namedIn && opts.relativeTo && !opts.allowOutsideFiles && outside(opts.relativeTo, file, name);
    if (out) {
      throw new BriefdeckError(problem(namer(opts), msg('theme.outsideBrief', { out })));
    }
    return file;
  }
  const team = resolve(cwd, 'themes', `${name}.yaml`);
  if (existsSync(team)) return team;
  // An imported office template: themes/NAME/theme.yaml beside its .potx.
  const folder = resolve(cwd, 'themes', name, 'theme.yaml');
  if (existsSync(folder)) return folder;
  if (builtinThemeNames().includes(name)) return builtinPath(name);
  const available = [...new Set([...builtinThemeNames(), ...teamThemeNames(cwd)])];
  const hint = suggest(name, available);
  throw new BriefdeckError(
    problem(
      namer(opts),
      hint
        ? msg('theme.unknownHint', { name, hint, available: available.join(', ') })
        : msg('theme.unknown', { name, available: available.join(', ') }),
    ),
  );
}

const teamThemeNames = (cwd: string) => themeNamesIn(resolve(cwd, 'themes'));

/** Whether a file named from `dir` leaves it, in words ("x is outside", "x is a link to /y,
 * outside"), by its name or through a symbolic link; undefined when it stays inside. */
function outside(dir: string, target: string, name: string): Msg | undefined {
  if (!isInside(dir, target)) return msg('theme.outsideName', { name });
  const real = linkedOutside(dir, target);
  return real === undefined ? undefined : msg('theme.outsideLink', { name, real });
}

/** Read a theme and every theme it extends, root first. */
export function loadLayers(file: string, opts: ThemeOptions = {}): ThemeLayer[] {
  const chain: ThemeLayer[] = [];
  const seen: string[] = [];
  let current: string | undefined = resolve(file);
  while (current) {
    if (seen.includes(current)) {
      const by = chain[chain.length - 1]!;
      throw new BriefdeckError(
        problem(at(by, ['extends']), msg('theme.cycle', { chain: [...seen, current].map(short).join(' → ') })),
      );
    }
    seen.push(current);
    const layer = readLayer(current, opts);
    chain.push(layer);
    current = parentOf(layer, opts);
  }
  return chain.reverse();
}

const short = (f: string) => relative(process.cwd(), f) || f;

function parentOf(layer: ThemeLayer, opts: ThemeOptions): string | undefined {
  const ref = layer.data.extends;
  if (ref === undefined) return layer.builtin === 'default' ? undefined : builtinPath('default');
  if (!looksLikePath(ref)) {
    if (builtinThemeNames().includes(ref)) return builtinPath(ref);
    const hint = suggest(ref, builtinThemeNames());
    throw new BriefdeckError(
      problem(
        at(layer, ['extends']),
        hint ? msg('theme.unknownBuiltinHint', { ref, hint }) : msg('theme.unknownBuiltin', { ref }),
      ),
    );
  }
  const target = resolve(dirname(layer.file), ref);
  const out = !opts.allowOutsideFiles && outside(dirname(layer.file), target, ref);
  if (out) {
    throw new BriefdeckError(problem(at(layer, ['extends']), msg('theme.extendsOutside', { out })));
  }
  if (!existsSync(target))
    throw new BriefdeckError(problem(at(layer, ['extends']), msg('theme.noFile', { file: target })));
  return target;
}

function at(layer: ThemeLayer, path: PropertyKey[]): Omit<Problem, 'message' | 'msg'> {
  const { node, key } = locate(layer.src, path);
  const pos = layer.src.lines.linePos((node ?? key)?.range?.[0] ?? 0);
  return { file: layer.file, line: pos.line, column: pos.col, path: formatPath(path) };
}

/** `fresh`: read and validate the file even if it is a built-in theme baked as it is. */
function readLayer(file: string, opts: ThemeOptions, fresh = false): ThemeLayer {
  const text = readTextFile(file, 'theme');
  const builtinName = builtinThemeNames().find((n) => resolve(builtinPath(n)) === resolve(file));
  const baked = builtinName === undefined || fresh ? undefined : bakedLayer(file, text, builtinName);
  if (baked) return baked;
  const src = parseYaml(text, file);
  const plain = toPlain(src) ?? {};
  if (typeof plain !== 'object' || Array.isArray(plain))
    throw new BriefdeckError(problem({ file, line: 1, column: 1 }, msg('theme.notMapping')));
  const { data, problems } = validate(themeFileSchema(), plain, src);
  if (!data) throw new BriefdeckError(typingOr(src, problems));
  const layer: ThemeLayer = { file, src, data, ...(builtinName ? { builtin: builtinName } : {}) };
  const found: Problem[] = [];
  // Templates and labels compile now, so a mistake points at its line, not at the first slide.
  for (const key of TEMPLATE_KEYS) {
    const t = data.templates?.[key];
    const sources: Array<[PropertyKey[], string]> =
      typeof t === 'string'
        ? [[['templates', key], t]]
        : Object.entries(t ?? {}).map(([l, s]) => [['templates', key, l], s as string]);
    for (const [path, source] of sources) checkTemplate(layer, path, source, found);
  }
  for (const [lang, set] of Object.entries(data.labels ?? {}))
    for (const [k, v] of Object.entries(set ?? {}))
      if (typeof v === 'string') checkTemplate(layer, ['labels', lang, k], v, found);
  for (const [k, rel] of Object.entries(data.images ?? {})) {
    if (!rel) continue;
    const abs = resolve(dirname(file), rel);
    const out = !opts.allowOutsideFiles && outside(dirname(file), abs, rel);
    if (out) {
      found.push(problem(at(layer, ['images', k]), msg('theme.imageOutside', { out })));
      continue;
    }
    const why = imageProblem(abs);
    if (why)
      found.push(
        problem(
          at(layer, ['images', k]),
          why === 'no such file' ? msg('theme.imageMissing', { rel }) : msg('theme.image', { rel, why }),
        ),
      );
    else (layer.data.images as Record<string, string>)[k] = abs;
  }
  if (data.template) {
    const rel = data.template;
    const abs = resolve(dirname(file), rel);
    const out = !opts.allowOutsideFiles && outside(dirname(file), abs, rel);
    if (out) found.push(problem(at(layer, ['template']), msg('theme.templateOutside', { out })));
    else if (!/\.(pptx|potx|pptm|potm)$/i.test(rel))
      found.push(problem(at(layer, ['template']), msg('theme.templateKind', { rel })));
    else if (!existsSync(abs)) found.push(problem(at(layer, ['template']), msg('theme.templateMissing', { rel })));
    else layer.data.template = abs;
  }
  if (found.length) throw new BriefdeckError(found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return layer;
}

/** A built-in theme checked by `npm run generate`, if the file still holds what was checked.
 * Its positions (for a message about it) are found only if asked for. */
function bakedLayer(file: string, text: string, name: string): ThemeLayer | undefined {
  const baked = BUILTIN_LAYERS[name];
  if (!baked || baked.text !== text) return undefined;
  let src: YamlSource | undefined;
  return {
    file,
    builtin: name,
    data: JSON.parse(baked.json) as ThemeFile,
    get src() {
      return (src ??= parseYaml(text, file));
    },
  };
}

/** What `npm run generate` bakes for each built-in theme (see builtin-layers.ts). A theme with pictures
 * is not baked: their paths are resolved where the package is installed, and checked there. */
export function bakeBuiltinLayers(): Record<string, { text: string; json: string }> {
  const baked: Record<string, { text: string; json: string }> = {};
  for (const name of builtinThemeNames()) {
    const file = builtinPath(name);
    const { data } = readLayer(file, {}, true);
    if (!data.images || Object.values(data.images).every((v) => v === undefined))
      baked[name] = { text: readTextFile(file, 'theme'), json: JSON.stringify(data) };
  }
  return baked;
}

function checkTemplate(layer: ThemeLayer, path: PropertyKey[], source: string, found: Problem[]): void {
  // A `{{` never closed: handlebars' own message is a caret under its parser's token.
  const open = unclosedMustache(source);
  if (open >= 0) {
    const start = [...source.slice(open)].slice(0, 24).join('');
    found.push(problem(atInTemplate(layer, path, source, open), msg('template.unclosed', { column: open + 1, start })));
    return;
  }
  try {
    compileTemplate(source);
  } catch (e) {
    found.push(
      e instanceof TemplateRefused
        ? problem(at(layer, path), e.msg)
        : { ...at(layer, path), message: describeTemplateError(e) },
    );
    return;
  }
  // Names the context does not have print nothing: a warning, with the name likeliest meant.
  for (const { name, known } of unknownVariables(source)) {
    const hint = suggest(name, [...known]);
    const where = atInTemplate(layer, path, source, source.indexOf(name));
    layer.src.warnings.push(
      problem(
        where,
        hint
          ? msg('template.unknownVariableHint', { name, hint })
          : msg('template.unknownVariable', { name, known: known.join(', ') }),
      ),
    );
  }
}

/** The file position of `offset` in a template's text: exact when the text is written as it is
 * (plain, or quoted with no escapes before it), else where the value begins. */
function atInTemplate(layer: ThemeLayer, path: PropertyKey[], source: string, offset: number) {
  const where = at(layer, path);
  const { node } = locate(layer.src, path);
  const range = node?.range;
  if (!range || offset < 0) return where;
  const raw = layer.src.text.slice(range[0], range[1]);
  const lead = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
  if (raw.slice(lead, lead + offset) !== source.slice(0, offset)) return where;
  const pos = layer.src.lines.linePos(range[0] + lead + offset);
  return { ...where, line: pos.line, column: pos.col };
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Later layers win; mappings merge key by key. */
export function mergeLayers(layers: ThemeLayer[]): ThemeFile {
  const merge = (a: Plain, b: Plain): Plain => {
    const out: Plain = { ...a };
    for (const [k, v] of Object.entries(b)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k] as Plain, v) : v;
    }
    return out;
  };
  const merged = layers.reduce<Plain>((acc, l) => merge(acc, l.data as Plain), {});
  delete merged.extends;
  return merged as ThemeFile;
}

/** The layer that last set a value, for messages about the merged theme. */
export function setterOf(layers: ThemeLayer[], path: string[]): Omit<Problem, 'message'> {
  for (let i = layers.length - 1; i >= 0; i--) {
    let v: unknown = layers[i]!.data;
    for (const k of path) v = isPlain(v) ? v[k] : undefined;
    if (v !== undefined) return at(layers[i]!, path);
  }
  return { file: layers[layers.length - 1]!.file };
}
