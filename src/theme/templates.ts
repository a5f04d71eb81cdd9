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
    const full = (typeof require === 'function' ? require('handlebars') : createRequire(import.meta.url)('handlebars')) as Env;
    compilerEnv = full.create();
    registerHelpers(compilerEnv);
  }
  return compilerEnv;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

function registerHelpers(env: Env): void {
  env.registerHelper('date', function (this: TemplateContext, value: unknown, options: { data?: { root?: TemplateContext } }) {
    const lang = options?.data?.root?.lang ?? 'zh-CN';
    return typeof value === 'string' ? formatDate(value, lang) : '';
  });
  env.registerHelper('number', function (value: unknown, options: { data?: { root?: TemplateContext } }) {
    const lang = options?.data?.root?.lang ?? 'zh-CN';
    const n = Number(value);
    return Number.isFinite(n) ? formatNumber(n, lang) : '';
  });
  env.registerHelper('upper', (value: unknown) => String(value ?? '').toUpperCase());
}
registerHelpers(hb);

export const TEMPLATE_HELPERS = ['date', 'number', 'upper'] as const;

/** A handlebars error in the users' words. */
export function describeTemplateError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const helper = /unknown helper (\S+?)(?: - |$)/.exec(msg);
  if (helper) return `the template names an unknown helper "${helper[1]}" (available: ${TEMPLATE_HELPERS.join(', ')})`;
  const lines = msg.split('\n');
  return `the template does not compile: ${lines.slice(lines[0]?.startsWith('Parse error') ? 1 : 0).join(' ').replace(/\s+/g, ' ').trim()}`;
}

const COMPILE_OPTIONS = { noEscape: true, strict: false, knownHelpersOnly: true, knownHelpers: Object.fromEntries(TEMPLATE_HELPERS.map((h) => [h, true])) };

const seen = new Set<string>();
/** Every template source compiled in this process (the bundle precompiles the built-in ones). */
export const compiledSources = (): string[] => [...seen];

/** A template as JavaScript source, as the bundle carries the built-in themes' templates. */
export const precompileTemplate = (source: string): string => compiler().precompile(source, COMPILE_OPTIONS) as string;

/** Compile a template; throws the handlebars error (the theme loader positions it). */
export function compileTemplate<C = TemplateContext>(source: string, options: { trim?: boolean } = {}): Template<C> {
  const trim = options.trim ?? true;
  // Most labels are plain words: no need to start handlebars for them.
  if (!source.includes('{{')) {
    const text = source.replace(/\s+/g, ' ');
    const out = trim ? text.trim() : text;
    return () => out;
  }
  seen.add(source);
  let fn: HandlebarsTemplateDelegate;
  const spec = PRECOMPILED[source];
  if (spec) fn = hb.template(spec as TemplateSpecification);
  else {
    // Parse now so syntax errors surface at load time, not at the first slide.
    compiler().parse(source);
    fn = compiler().compile(source, COMPILE_OPTIONS);
    // Handlebars compiles lazily: run once on an empty context so unknown helpers fail now.
    fn({}, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  }
  // Titles and footers are one line: line breaks become spaces, and the ends are trimmed unless
  // the spaces matter (a label like " (continued)" is appended to a title).
  return (ctx) => {
    const out = fn(ctx, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }).replace(/\s+/g, ' ');
    return trim ? out.trim() : out;
  };
}
