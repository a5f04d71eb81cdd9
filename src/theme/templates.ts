/**
 * Theme templates: handlebars producing plain text. No HTML escaping (a meeting titled
 * `R&D <Q1>` shows exactly that; the renderer escapes XML once), no prototype access.
 */
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import type { Lang } from '../brief/schema.js';
import { formatDate, formatNumber } from './format.js';
import { PRECOMPILED } from './precompiled.js';
import { refuseWhatCannotRun, TemplateRefused } from './template-rules.js';
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
    // A synchronous load: templates compile while a theme is read.
    const full = (
      typeof require === 'function'
        ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
          require('handlebars')
        : createRequire(import.meta.url)('handlebars')
    ) as Env;
    compilerEnv = full.create();
    registerHelpers(compilerEnv);
  }
  return compilerEnv;
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

function registerHelpers(env: Env): void {
  for (const [name, helper] of Object.entries(HELPERS)) {
    // Named with nothing to work on (`{{upper}}`), handlebars passes only its options: no value.
    env.registerHelper(name, (...args: unknown[]) => {
      const options = args[args.length - 1] as { data?: { root?: TemplateContext } } | undefined;
      return helper(args.length > 1 ? args[0] : undefined, langOf(options?.data?.root));
    });
  }
}
registerHelpers(hb);

const TEMPLATE_HELPERS = Object.keys(HELPERS) as HelperName[];

/** Where the first `{{` with no `}}` before the next `{{` (or the end) is, or -1. */
export function unclosedMustache(source: string): number {
  for (let from = 0; ;) {
    const open = source.indexOf('{{', from);
    if (open < 0) return -1;
    let inner = open;
    while (source[inner] === '{') inner++; // {{{ … }}} too
    const close = source.indexOf('}}', inner);
    const next = source.indexOf('{{', inner);
    if (close < 0 || (next >= 0 && next < close)) return open;
    from = close + 2;
  }
}

/** Every variable a template context has (README, Themes); `labels.*` and `by` aside. */
const CONTEXT_VARIABLES = [
  'meeting.title',
  'meeting.subtitle',
  'meeting.date',
  'meeting.organizer',
  'meeting.location',
  'meeting.chair',
  'meeting.chair.name',
  'meeting.chair.role',
  'unit.name',
  'unit.index',
  'leader.speaker',
  'leader.role',
  'leader.topic',
  'slide.number',
  'slide.count',
  'lang',
  'labels',
  'by',
];

/**
 * The variables a template names that its context does not have, each with the likeliest one
 * meant: handlebars prints nothing for them, so `{{meeting.organiser}}` would vanish silently.
 * Only at the top level: inside `{{#with}}` or `{{#each}}` names are relative.
 */
export function unknownVariables(source: string): Array<{ name: string; known: readonly string[] }> {
  const found: Array<{ name: string; known: readonly string[] }> = [];
  const check = (node: hbs.AST.Node) => {
    if (node.type !== 'PathExpression') return;
    const p = node as hbs.AST.PathExpression;
    if (p.data || p.depth > 0 || p.parts.length === 0 || p.original === 'this') return;
    const name = p.parts.join('.');
    if (name.startsWith('labels.') || CONTEXT_VARIABLES.includes(name) || found.some((f) => f.name === name)) return;
    found.push({ name, known: CONTEXT_VARIABLES });
  };
  const walk = (node: hbs.AST.Node | null | undefined): void => {
    if (!node) return;
    if (node.type === 'Program') for (const n of (node as hbs.AST.Program).body) walk(n);
    else if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
      const m = node as hbs.AST.MustacheStatement;
      const helper =
        m.path.type === 'PathExpression' &&
        TEMPLATE_HELPERS.includes((m.path as hbs.AST.PathExpression).original as HelperName);
      if (!helper) check(m.path);
      for (const param of m.params) {
        walk(param);
        check(param);
      }
    } else if (node.type === 'BlockStatement') {
      const b = node as hbs.AST.BlockStatement;
      for (const param of b.params) {
        walk(param);
        check(param);
      }
      // Inside `with` and `each`, names are relative to the value: not checked.
      const name = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
      if (name !== 'with' && name !== 'each') {
        walk(b.program);
        walk(b.inverse);
      }
    }
  };
  walk(compiler().parse(source));
  return found;
}

/** A handlebars error in the users' words. */
export function describeTemplateError(e: unknown): string {
  if (e instanceof TemplateRefused) return e.message;
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
  knownHelpers: Object.fromEntries(TEMPLATE_HELPERS.map((h) => [h, true])),
};
const RUN_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

const seen = new Set<string>();
/** Every template source compiled in this process (the built-in themes' are precompiled). */
export const compiledSources = (): string[] => [...seen];

/** A template as JavaScript source, as the built-in themes' templates are kept precompiled. */
export const precompileTemplate = (source: string): string => {
  const ast = compiler().parse(source);
  refuseWhatCannotRun(ast);
  return compiler().precompile(ast, COMPILE_OPTIONS) as string;
};

/**
 * Compile a template; throws the handlebars error (the theme loader positions it). The context's
 * values are text (see TemplateContext): handlebars joins a template's pieces with JavaScript's
 * `+`, so numbers side by side would be added up.
 */
export function compileTemplate<C = TemplateContext>(source: string, options: { trim?: boolean } = {}): Template<C> {
  const trim = options.trim ?? true;
  seen.add(source);
  let fn: HandlebarsTemplateDelegate;
  const spec = PRECOMPILED[source];
  if (spec) fn = hb.template(spec as TemplateSpecification);
  else {
    const ast = compiler().parse(source);
    refuseWhatCannotRun(ast);
    fn = compiler().compile(ast, COMPILE_OPTIONS);
    // Handlebars compiles on first use: run it once now, so a syntax error or an unknown helper
    // surfaces at load time, not at the first slide.
    fn({}, RUN_OPTIONS);
  }
  // Titles and footers are one line: line breaks become spaces, and the ends are trimmed unless
  // the spaces matter (a label like " (continued)" is appended to a title).
  return (ctx) => {
    const out = fn(ctx, RUN_OPTIONS).replace(/\s+/g, ' ');
    return trim ? out.trim() : out;
  };
}
