/**
 * Theme templates: handlebars producing plain text. No HTML escaping (a meeting titled
 * `R&D <Q1>` shows exactly that; the renderer escapes XML once), no prototype access.
 */
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import type { Lang } from '../brief/schema.js';
import { PRECOMPILED } from './precompiled.js';
import type { Template, TemplateContext } from './types.js';

type Env = typeof HandlebarsType;

/** Handlebars' runtime: all the built-in themes' precompiled templates need. */
const hb = (HandlebarsRuntime as unknown as Env).create();

/** Handlebars with its compiler, loaded the first time a template has to be compiled (a team's
 * own template): the parser and code generator are most of handlebars, and of its start-up. */
let compilerEnv: Env | undefined;
function compiler(): Env {
  if (!compilerEnv) {
    // In the bundled CLI `require` bundles it (still loaded only now); from dist/, Node loads it.
    const full = (
      typeof require === 'function' ? require('handlebars') : createRequire(import.meta.url)('handlebars')
    ) as Env;
    compilerEnv = full.create();
    registerHelpers(compilerEnv);
  }
  return compilerEnv;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-01-06` → 2025年1月6日 / January 6, 2025; `2025-01` → 2025年1月 / January 2025. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m) return date;
  if (lang === 'en') return d ? `${MONTHS[m - 1]} ${d}, ${y}` : `${MONTHS[m - 1]} ${y}`;
  return d ? `${y}年${m}月${d}日` : `${y}年${m}月`;
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN').format(n);
}

/** The helpers a template may call, on a value and the language of the deck. */
const HELPERS = {
  date: (value: unknown, lang: Lang) => (typeof value === 'string' ? formatDate(value, lang) : ''),
  number: (value: unknown, lang: Lang) => (Number.isFinite(Number(value)) ? formatNumber(Number(value), lang) : ''),
  upper: (value: unknown) => String(value ?? '').toUpperCase(),
};
type HelperName = keyof typeof HELPERS;

/** The context's language, as a helper sees it (the whole context is handlebars' `root`). */
const langOf = (ctx: { lang?: Lang } | undefined): Lang => ctx?.lang ?? 'zh-CN';

/** Every value a template prints goes through this (see `valuesAsText`); not one of the helpers
 * a theme may name. */
const AS_TEXT = '__briefdeckText';

function registerHelpers(env: Env): void {
  for (const [name, helper] of Object.entries(HELPERS)) {
    // Named with nothing to work on (`{{upper}}`), handlebars passes only its options: no value.
    env.registerHelper(name, (...args: unknown[]) => {
      const options = args[args.length - 1] as { data?: { root?: TemplateContext } } | undefined;
      return helper(args.length > 1 ? args[0] : undefined, langOf(options?.data?.root));
    });
  }
  env.registerHelper(AS_TEXT, (value: unknown) => (value == null ? '' : String(value)));
}
registerHelpers(hb);

export const TEMPLATE_HELPERS = Object.keys(HELPERS) as HelperName[];

/** A handlebars error in the users' words. */
export function describeTemplateError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const helper = /unknown helper (\S+?)(?: - |$)/.exec(msg);
  if (helper) return `the template names an unknown helper "${helper[1]}" (available: ${TEMPLATE_HELPERS.join(', ')})`;
  const lines = msg.split('\n');
  return `the template does not compile: ${lines
    .slice(lines[0]?.startsWith('Parse error') ? 1 : 0)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()}`;
}

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: false,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...TEMPLATE_HELPERS, AS_TEXT].map((h) => [h, true])),
};

/** Handlebars' syntax tree, as far as it is walked here. */
interface HbNode {
  type: string;
  [key: string]: unknown;
}
interface HbPath extends HbNode {
  type: 'PathExpression';
  original: string;
  parts: string[];
  data: boolean;
  depth: number;
}

/**
 * Handlebars joins a template's pieces with JavaScript's `+` and, without HTML escaping, leaves
 * each value as it is, so `{{slide.number}}{{slide.count}}` printed 2 + 12 = "14". Every value
 * printed goes through AS_TEXT instead — `{{x}}` becomes `{{AS_TEXT x}}`, `{{lookup a b}}`
 * becomes `{{AS_TEXT (lookup a b)}}` — and the pieces join as text. A helper's name alone
 * (`{{if}}`, `{{upper}}`) stays the call it is, and a literal (`{{"x"}}`) stays as it is.
 */
function valuesAsText(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) valuesAsText(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as HbNode;
  if (n.type === 'MustacheStatement') {
    const path = n.path as HbNode;
    const params = n.params as HbNode[];
    if (path.type !== 'PathExpression') return;
    const p = path as HbPath;
    const bareHelper =
      params.length === 0 &&
      !n.hash &&
      !p.data &&
      p.depth === 0 &&
      p.parts.length === 1 &&
      HELPER_NAMES.has(p.original);
    if (bareHelper) return;
    const value =
      params.length === 0 && !n.hash ? p : { type: 'SubExpression', path: p, params, hash: n.hash, loc: n.loc };
    n.path = { type: 'PathExpression', data: false, depth: 0, parts: [AS_TEXT], original: AS_TEXT, loc: p.loc };
    n.params = [value];
    n.hash = undefined;
    return;
  }
  for (const key of ['body', 'program', 'inverse']) valuesAsText(n[key]);
}

/** A template's source, parsed, with every printed value as text. */
function parsed(source: string): unknown {
  const ast = compiler().parse(source);
  valuesAsText(ast);
  return ast;
}

const seen = new Set<string>();
/** Every template source compiled in this process (the bundle precompiles the built-in ones). */
export const compiledSources = (): string[] => [...seen];

/** A template as JavaScript source, as the bundle carries the built-in themes' templates. */
export const precompileTemplate = (source: string): string =>
  compiler().precompile(parsed(source) as string, COMPILE_OPTIONS) as string;

/** Compile a template; throws the handlebars error (the theme loader positions it). */
export function compileTemplate<C = TemplateContext>(source: string, options: { trim?: boolean } = {}): Template<C> {
  const trim = options.trim ?? true;
  // Most labels are plain words: no need to start handlebars for them.
  if (!source.includes('{{')) {
    const text = source.replace(/\s+/g, ' ');
    const out = trim ? text.trim() : text;
    return () => out;
  }
  const fn = simpleTemplate(source) ?? handlebarsTemplate(source);
  // Titles and footers are one line: line breaks become spaces, and the ends are trimmed unless
  // the spaces matter (a label like " (continued)" is appended to a title).
  return (ctx) => {
    const out = fn(ctx as TemplateContext).replace(/\s+/g, ' ');
    return trim ? out.trim() : out;
  };
}

/** A template run by handlebars (precompiled when the bundle carries it); its text as is. */
export function handlebarsTemplate(source: string): (ctx: TemplateContext) => string {
  seen.add(source);
  let fn: HandlebarsTemplateDelegate;
  const spec = PRECOMPILED[source];
  if (spec) fn = hb.template(spec as TemplateSpecification);
  else {
    // Parsed now, so syntax errors surface at load time, not at the first slide.
    fn = compiler().compile(parsed(source) as string, COMPILE_OPTIONS);
    // Handlebars compiles lazily: run once on an empty context so unknown helpers fail now.
    fn({}, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  }
  return (ctx) => fn(ctx, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

/** `{{path}}` or `{{helper path}}`: what nearly every theme template is made of. */
const MUSTACHE = new RegExp(
  `\\{\\{\\s*(?:(${TEMPLATE_HELPERS.join('|')})\\s+)?([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*\\}\\}`,
  'g',
);
/** Ours and handlebars' own: a name alone in `{{…}}` is a call to one of these. */
const HELPER_NAMES = new Set<string>([
  ...TEMPLATE_HELPERS,
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);
const RESERVED = new Set(['this', 'else', 'true', 'false', 'null', 'undefined']);

/** A property the way handlebars looks it up: own properties only (no prototype access). */
function lookup(parent: unknown, name: string): unknown {
  if (parent == null) return parent;
  const value = (parent as Record<string, unknown>)[name];
  if (value == null) return value;
  return Object.prototype.hasOwnProperty.call(parent, name) ? value : undefined;
}

/**
 * A template of plain text, paths and the built-in helpers, run without handlebars: the same
 * text (the tests compare the two on generated templates), without handlebars' setup at every
 * call, which cost ~15 µs — 60 ms over the titles and footers of a 1,000-slide deck. Undefined
 * for anything else (blocks, `this`, `../`, literals, escapes, comments…): handlebars runs it.
 */
export function simpleTemplate(source: string): ((ctx: TemplateContext) => string) | undefined {
  const pieces: Array<string | { helper?: HelperName; path: string[] }> = [];
  let at = 0;
  MUSTACHE.lastIndex = 0;
  for (let m = MUSTACHE.exec(source); m; m = MUSTACHE.exec(source)) {
    const text = source.slice(at, m.index);
    if (/[{}\\]/.test(text)) return undefined;
    if (text) pieces.push(text);
    const path = m[2]!.split('.');
    // A helper's name alone is a call to it, not a path; `this`, `else` and literals are not
    // properties either.
    if ((!m[1] && HELPER_NAMES.has(m[2]!)) || path.some((name) => RESERVED.has(name))) return undefined;
    pieces.push({ ...(m[1] ? { helper: m[1] as HelperName } : {}), path });
    at = m.index + m[0].length;
  }
  const rest = source.slice(at);
  if (/[{}\\]/.test(rest)) return undefined;
  if (rest) pieces.push(rest);
  return (ctx) => {
    let out = '';
    for (const p of pieces) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      let value: unknown = ctx;
      for (const name of p.path) value = lookup(value, name);
      if (p.helper) value = HELPERS[p.helper](value, langOf(ctx));
      if (value != null) out += value as string;
    }
    return out;
  };
}
