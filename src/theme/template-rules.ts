/**
 * What a theme template may not do, checked on its syntax tree when the theme is read, so that
 * `validate` catches everything `build` would: include other templates (partials), use
 * decorators, write to the terminal (`log`, which would also corrupt `--json`), or call one of
 * handlebars' own helpers in a form that throws when the slide is made.
 */
import type HandlebarsType from 'handlebars';

type Node = hbs.AST.Node;

/** A template refused for what it does, in the users' words. */
export class TemplateRefused extends Error {}

/** Handlebars' block helpers: each takes one value, and only as a block. */
const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

function pathName(node: Node): string | undefined {
  const p = node as hbs.AST.PathExpression;
  return node.type === 'PathExpression' && !p.data && p.depth === 0 && p.parts.length === 1 ? p.original : undefined;
}

function refuse(node: Node, message: string): never {
  const start = node.loc?.start;
  const line = start && start.line > 1 ? `line ${start.line}, ` : '';
  const at = start ? ` (${line}column ${start.column + 1} of the template)` : '';
  throw new TemplateRefused(message + at);
}

/** A helper call: a {{mustache}}, a {{#block}} or a (subexpression). */
function checkCall(node: Node, path: Node, params: Node[], block: boolean): void {
  const name = pathName(path);
  if (name === 'log') refuse(node, '{{log}} writes to the terminal, not to the slide: remove it');
  if (name && BLOCKS.has(name)) {
    if (!block) refuse(node, `{{${name}}} works only as a block: {{#${name} value}}…{{/${name}}}`);
    if (params.length !== 1)
      refuse(node, `{{#${name}}} needs exactly one value, e.g. {{#${name} meeting.subtitle}}…{{/${name}}}`);
  }
  if (name === 'lookup') {
    if (block) refuse(node, '{{lookup}} is not a block: write {{lookup object key}}');
    if (params.length !== 2) refuse(node, '{{lookup}} needs an object and a key, e.g. {{lookup labels "chair"}}');
  }
}

function walk(node: Node | undefined | null): void {
  if (!node) return;
  switch (node.type) {
    case 'Program':
      for (const n of (node as hbs.AST.Program).body) walk(n);
      return;
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return refuse(node, 'a theme template cannot include another template ({{> …}}): write its text out');
    case 'Decorator':
    case 'DecoratorBlock':
      return refuse(node, 'a theme template cannot use decorators ({{* …}})');
    case 'MustacheStatement':
    case 'SubExpression': {
      const m = node as hbs.AST.MustacheStatement;
      checkCall(node, m.path, m.params, false);
      for (const p of m.params) walk(p);
      for (const pair of m.hash?.pairs ?? []) walk(pair.value);
      return;
    }
    case 'BlockStatement': {
      const b = node as hbs.AST.BlockStatement;
      checkCall(node, b.path, b.params, true);
      for (const p of b.params) walk(p);
      for (const pair of b.hash?.pairs ?? []) walk(pair.value);
      walk(b.program);
      walk(b.inverse);
      return;
    }
    default:
      return; // text, comments, paths and literals
  }
}

/** Throws TemplateRefused for the first thing in the template that cannot work on a slide. */
export function refuseWhatCannotRun(ast: ReturnType<typeof HandlebarsType.parse>): void {
  walk(ast);
}
