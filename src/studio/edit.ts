/**
 * Form edits applied to the brief's YAML through the yaml library's Document: a value set in
 * place keeps the comment beside it, and everything the edit does not touch — comments, order,
 * quoting — stays as the user wrote it.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { StudioError } from './files.js';

type Path = Array<string | number>;

export type FormEdit =
  | { op: 'set'; path: Path; value: string }
  | { op: 'add'; path: Path; value: unknown }
  | { op: 'delete'; path: Path }
  | { op: 'move'; path: Path; from: number; to: number }
  /** Confirm a suggested directive: its `suggested: true` deleted, by the directive's path (the
   * form) or by the line the mark is on (the YAML editor); the comments around it stay. */
  | { op: 'confirm'; path?: Path; line?: number };

export function applyEdits(text: string, edits: FormEdit[]): string {
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents))
    throw new StudioError(409, 'yaml-broken', 'fix the YAML first: the form edits a brief that reads');
  // Lines are counted in the text as sent: a confirm by line comes first in its batch.
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  for (const edit of edits) apply(doc, edit, lineAt);
  return doc.toString();
}

function apply(doc: Document, edit: FormEdit, lineAt: (offset: number) => number): void {
  const path = edit.op === 'confirm' && edit.path === undefined ? [] : checked(edit.path);
  switch (edit.op) {
    case 'set': {
      if (typeof edit.value !== 'string') throw bad('a value is text');
      const node = doc.getIn(path, true);
      // A scalar changed in place keeps its comment and its quoting.
      if (isScalar(node)) node.value = edit.value;
      else doc.setIn(path, edit.value);
      return;
    }
    case 'add': {
      const list = doc.getIn(path, true);
      if (list !== undefined && !isSeq(list)) throw bad(`${path.join('.')} is not a list`);
      doc.addIn(path, doc.createNode(edit.value));
      return;
    }
    case 'delete':
      doc.deleteIn(path);
      return;
    case 'move': {
      const list = doc.getIn(path, true);
      if (!isSeq(list)) throw bad(`${path.join('.')} is not a list`);
      const { from, to } = edit;
      if (![from, to].every((i) => Number.isInteger(i) && i >= 0 && i < list.items.length)) throw bad('no such item');
      list.items.splice(to, 0, ...list.items.splice(from, 1));
      return;
    }
    case 'confirm': {
      if (edit.path !== undefined) {
        const node = doc.getIn(path, true);
        if (!isMap(node) || !node.has('suggested')) throw bad('no suggestion there');
        node.delete('suggested');
        return;
      }
      const line = edit.line;
      if (!Number.isInteger(line) || (line as number) < 1) throw bad('a line number');
      let found = false;
      visit(doc, {
        Pair(_, pair) {
          if (found || !isScalar(pair.key) || pair.key.value !== 'suggested' || !pair.key.range) return undefined;
          if (lineAt(pair.key.range[0]) !== line) return undefined;
          found = true;
          return visit.REMOVE;
        },
      });
      if (!found) throw bad(`no suggestion on line ${String(line)}`);
      return;
    }
    default:
      throw bad('unknown edit');
  }
}

function checked(path: unknown): Path {
  if (!Array.isArray(path) || path.length === 0 || path.length > 8) throw bad('a path is a short list');
  for (const p of path)
    if (!(typeof p === 'string' && /^[a-zA-Z]{1,40}$/.test(p)) && !(Number.isInteger(p) && (p as number) >= 0))
      throw bad('a path holds keys and item numbers');
  return path as Path;
}

const bad = (message: string) => new StudioError(400, 'bad-edit', message);
