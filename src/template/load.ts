/**
 * Office templates as themes use them: loaded once per file (and again when it changes), every
 * problem a BriefdeckError said against the template's file, as `file: message`.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BriefdeckError, type Problem } from '../errors.js';
import { msg, type Msg } from '../messages/catalogue.js';
import { loadOfficeTemplate, TemplateProblem, type OfficeTemplate, type Recolored } from './package.js';

const cache = new Map<string, { stamp: string; template: OfficeTemplate }>();

/** Display a path as the user would type it: relative to the working folder when inside it. */
const shown = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** Load an office template, or throw a BriefdeckError naming it. `namedBy`: where a theme names it. */
export function templateFor(file: string, namedBy?: Omit<Problem, 'message'>): OfficeTemplate {
  let stamp = '';
  try {
    const st = statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    /* reported by the loader */
  }
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.template;
  try {
    const template = loadOfficeTemplate(file);
    cache.set(file, { stamp, template });
    return template;
  } catch (e) {
    if (!(e instanceof TemplateProblem)) throw e;
    const problems: Problem[] = [{ file: shown(file), message: e.message }];
    if (namedBy?.file && namedBy.line !== undefined)
      problems.push({ ...namedBy, message: 'the theme names this template' });
    throw new BriefdeckError(problems);
  }
}

/** What a theme's warnings say of a title or text the template colours too faint to read. */
export function recoloredMessage(r: Recolored): Msg {
  return msg('theme.templateRecolored', {
    what: msg(
      r.what === 'title' ? 'what.templateTitle' : r.what === 'body' ? 'what.templateBody' : 'what.templateFooter',
    ),
    layout: r.layout,
    color: r.color,
    ground: r.ground,
    ratio: r.ratio.toFixed(1),
    need: r.need,
    now: r.slot ? `${r.now} (${r.slot})` : r.now,
  });
}
