/**
 * What a theme template may not do, checked on its syntax tree when the theme is read, so that
 * `validate` catches everything `build` would: include other templates (partials), use
 * decorators, write to the terminal (`log`, which would also corrupt `--json`), or call one of
 * handlebars' own helpers in a form that throws when the slide is made.
 */
import type HandlebarsType from 'handlebars';
import { msg, word, type Msg } from '../messages/catalogue.js';

type Node = hbs.AST.Node;

/** A template refused for what it does, in the users' words. */
export class TemplateRefused extends Error {
  constructor(readonly msg: Msg) {
    super(word(msg, 'en'));
  }
}

/** Handlebars' block helpers: each takes one value, and only as a block. */
const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

function pathName(node: Node): string | undefined {
  const p = node as hbs.AST.PathExpression;
  return node.type === 'PathExpression' && !p.data && p.depth === 0 && p.parts.length === 1 ? p.original : undefined;
}

function refuse(node: Node, refusal: Msg): never {
  const start = node.loc?.start;
  const column = (start?.column ?? 0) + 1;
  throw new TemplateRefused(
    !start
      ? refusal
      : start.line > 1
        ? msg('template.refusedAt', { refusal, line: start.line, column })
        : msg('template.refusedAtColumn', { refusal, column }),
  );
}

/** A helper call: a {{mustache}}, a {{#block}} or a (subexpression). */
function checkCall(node: Node, path: Node, params: Node[], block: boolean): void {
  const name = pathName(path);
  if (name === 'log') refuse(node, msg('template.log', { helper: 'log' }));
  if (name && BLOCKS.has(name)) {
    if (!block) refuse(node, msg('template.blockOnly', { name }));
    if (params.length !== 1) refuse(node, msg('template.blockOneValue', { name }));
  }
  if (name === 'lookup') {
    if (block) refuse(node, msg('template.lookupBlock', { helper: 'lookup' }));
    if (params.length !== 2) refuse(node, msg('template.lookupArgs', { helper: 'lookup' }));
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
      return refuse(node, msg('template.partial'));
    case 'Decorator':
    case 'DecoratorBlock':
      return refuse(node, msg('template.decorator'));
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
