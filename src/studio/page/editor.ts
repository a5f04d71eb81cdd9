/// <reference lib="dom" />
/** The YAML editor: CodeMirror 6 with YAML, history, and the preview's problems underlined at
 * their line and column; the drafter's "请核对" and "建议" comments highlighted. */
import {
  autocompletion,
  completionKeymap,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  highlightActiveLine,
  hoverTooltip,
  keymap,
  lineNumbers,
  ViewPlugin,
  WidgetType,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import schemaJson from '../../../schema/brief.schema.json' with { type: 'json' };
import type { Problem } from './api.js';
import { describeAt, suggestionsAt, type JsonSchema } from './schema-help.js';

const schema = schemaJson as JsonSchema;

/** The keys the brief's JSON Schema allows at the cursor, with their descriptions. */
function schemaCompletions(context: CompletionContext): CompletionResult | null {
  const found = suggestionsAt(schema, context.state.doc.toString(), context.pos);
  // Offered as you type a key, or when asked (Ctrl-Space) on an empty line.
  if (!found || (found.from === context.pos && !context.explicit)) return null;
  return {
    from: found.from,
    options: found.options.map((o) => ({
      label: o.label,
      apply: o.apply,
      type: o.type,
      ...(o.detail ? { detail: o.detail } : {}),
      ...(o.info ? { info: o.info } : {}),
    })),
    validFor: /^[\w-]*$/,
  };
}

/** What the schema says of the key under the pointer. */
const schemaHover = hoverTooltip((view, pos) => {
  const d = describeAt(schema, view.state.doc.toString(), pos);
  if (!d) return null;
  return {
    pos: d.from,
    end: d.to,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'cm-schema-hover';
      const head = document.createElement('code');
      head.textContent = d.type ? `${d.path}: ${d.type}` : d.path;
      dom.append(head);
      if (d.description) {
        const p = document.createElement('div');
        p.textContent = d.description;
        dom.append(p);
      }
      return { dom };
    },
  };
});

/**
 * What needs a human, highlighted until it is done: each `suggested: true` (a drafted suggestion,
 * with a 确认 button at the end of its line) and the `# 请核对` / `# 建议` comments — a `# 建议`
 * comment only while a suggestion it speaks of is still marked below it.
 */
function checkSpans(doc: string): Array<{ from: number; to: number; kind: 'check' | 'suggested'; line: number }> {
  const lines = doc.split('\n');
  const out: Array<{ from: number; to: number; kind: 'check' | 'suggested'; line: number }> = [];
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const indent = (l: string) => /^ */.exec(l)![0].length;
  lines.forEach((l, i) => {
    const mark = /^(\s*)suggested:\s*true\b/.exec(l);
    if (mark)
      out.push({ from: starts[i]! + mark[1]!.length, to: starts[i]! + l.length, kind: 'suggested', line: i + 1 });
    const comment = /#\s*(请核对|建议)[^\n]*/.exec(l);
    if (!comment) return;
    if (comment[1] === '建议') {
      // Its block: the lines below until one less indented than the comment (comments aside).
      const own = indent(l);
      let open = false;
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j]!;
        if (next.trim() === '' || next.trim().startsWith('#')) continue;
        if (j > i + 1 && indent(next) <= own && !/^\s*-/.test(next.slice(own))) break;
        if (/^\s*suggested:\s*true\b/.test(next)) {
          open = true;
          break;
        }
      }
      if (!open) return;
    }
    out.push({ from: starts[i]! + comment.index, to: starts[i]! + l.length, kind: 'check', line: i + 1 });
  });
  return out;
}

class ConfirmButton extends WidgetType {
  constructor(
    readonly line: number,
    readonly label: string,
    readonly confirm: (line: number) => void,
  ) {
    super();
  }
  override eq(other: ConfirmButton): boolean {
    return other.line === this.line && other.label === this.label;
  }
  toDOM(): HTMLElement {
    const b = document.createElement('button');
    b.className = 'cm-confirm';
    b.textContent = this.label;
    b.title = this.label;
    b.dataset.line = String(this.line);
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', () => this.confirm(this.line));
    return b;
  }
  override ignoreEvent(): boolean {
    return true;
  }
}

function checkDecorations(doc: string, label: string, confirm: (line: number) => void): DecorationSet {
  const marks = checkSpans(doc).flatMap((s) => {
    if (s.kind === 'check') return [Decoration.mark({ class: 'cm-to-check' }).range(s.from, s.to)];
    return [
      Decoration.mark({ class: 'cm-to-check cm-suggested' }).range(s.from, s.to),
      Decoration.widget({ widget: new ConfirmButton(s.line, label, confirm), side: 1 }).range(s.to),
    ];
  });
  return Decoration.set(marks, true);
}

export interface EditorHooks {
  onChange: (text: string) => void;
  /** The 确认 button of a `suggested: true` line. */
  confirm: (line: number) => void;
  confirmLabel: string;
}

export function createEditor(parent: HTMLElement, text: string, hooks: EditorHooks): EditorView {
  const highlightChecks = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = checkDecorations(view.state.doc.toString(), hooks.confirmLabel, hooks.confirm);
      }
      update(u: ViewUpdate) {
        if (u.docChanged)
          this.decorations = checkDecorations(u.state.doc.toString(), hooks.confirmLabel, hooks.confirm);
      }
    },
    { decorations: (v) => v.decorations },
  );
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        highlightActiveLine(),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        yaml(),
        autocompletion({ override: [schemaCompletions] }),
        schemaHover,
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        highlightChecks,
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) hooks.onChange(u.state.doc.toString());
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
