/// <reference lib="dom" />
/** The YAML editor: CodeMirror 6 with YAML, history, and the preview's problems underlined at
 * their line and column; the drafter's "请核对" and "建议" comments highlighted. */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import type { Problem } from './api.js';

const checkMarks = new MatchDecorator({
  regexp: /#\s*(?:请核对|建议)[^\n]*/g,
  decoration: Decoration.mark({ class: 'cm-to-check' }),
});
const highlightChecks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = checkMarks.createDeco(view);
    }
    update(u: ViewUpdate) {
      this.decorations = checkMarks.updateDeco(u, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

export function createEditor(parent: HTMLElement, text: string, onChange: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        highlightActiveLine(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        yaml(),
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        highlightChecks,
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Put new text in (a theme set by the pickers): only the part that differs is replaced, so
 * the cursor and the scroll stay where they were. */
export function setText(view: EditorView, text: string): void {
  const old = view.state.doc.toString();
  if (old === text) return;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let end = 0;
  while (
    end < old.length - start &&
    end < text.length - start &&
    old[old.length - 1 - end] === text[text.length - 1 - end]
  )
    end++;
  view.dispatch({ changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) } });
}

/** Underline each problem from its line and column to the end of the word (or the line). */
export function showProblems(view: EditorView, problems: Problem[]): void {
  const doc = view.state.doc;
  const diagnostics: Diagnostic[] = problems.map((p) => {
    const { from, to } = span(doc, p.line ?? 1, p.column ?? 1);
    return { from, to, severity: 'error', message: p.path ? `${p.path}: ${p.message}` : p.message };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

function span(doc: Text, lineNo: number, column: number): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(1, lineNo), doc.lines));
  const from = Math.min(line.from + Math.max(0, column - 1), line.to);
  const rest = line.text.slice(from - line.from);
  const word = /^\S+(?:[^\S\n]+[^\s#]+)*/.exec(rest)?.[0].length ?? 0;
  const to = word > 0 ? from + word : line.to > from ? line.to : Math.min(from + 1, doc.length);
  return { from: to > from ? from : Math.max(line.from, from - 1), to: Math.max(to, from) };
}
