/// <reference lib="dom" />
/**
 * The studio's page: the briefs of the folder, a new brief drafted from a report, and the
 * editor — YAML in CodeMirror beside every slide of the deck, redrawn as you type, with the fit
 * report beside the slide it concerns. Everything it shows comes from the server (api.ts).
 */
import type { EditorView } from '@codemirror/view';
import { api, ApiError, type FitEntry, type PreviewAnswer } from './api.js';
import { createEditor, setText, showProblems } from './editor.js';
import { renderForm, type FormEdit } from './form.js';
import { switchUiLang, t } from './i18n.js';

type Child = Node | string | false | undefined;
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'function') el.addEventListener(k, v);
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

const app = document.getElementById('app')!;
let themes: string[] = [];
/** LibreOffice is installed where the studio runs: 下载 PDF is offered. */
let pdf = false;
let screen: () => void = () => void startScreen();
/** A template's artwork the server has sent, by id: sent once, put back into every slide that
 * refers to it. The page tells the server which it holds; a reload starts empty. */
const artwork = new Map<string, string>();
const ART_REF = /<use href="#(art-[0-9a-f]{16})" data-art="\1"\/>/g;
/** A slide's SVG with its artwork put back; undefined when the page lacks some. */
function withArt(svg: string): string | undefined {
  let missing = false;
  const out = svg.replace(ART_REF, (ref, id: string) => artwork.get(id) ?? ((missing = true), ref));
  return missing ? undefined : out;
}

function frame(...content: Child[]): void {
  document.title = t().title;
  app.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, t().title),
      h(
        'button',
        {
          class: 'link',
          id: 'ui-lang',
          click: () => {
            switchUiLang();
            screen();
          },
        },
        t().switchLang,
      ),
    ),
    ...content.filter((c): c is Node | string => !!c),
  );
}

async function startScreen(): Promise<void> {
  screen = () => void startScreen();
  const { briefs, themes: names, pdf: canPdf } = await api.briefs();
  themes = names;
  pdf = canPdf;
  const w = t();
  const rows = briefs.map((b) =>
    h(
      'tr',
      { class: 'brief', 'data-name': b.name, click: () => void openBrief(b.name) },
      h('td', {}, b.meeting ?? ''),
      h('td', {}, b.date ?? ''),
      h('td', { class: 'file' }, b.name),
      h('td', { class: b.valid ? 'ok' : 'bad' }, b.valid ? `✓ ${w.valid}` : `✗ ${w.problems(b.problems)}`),
    ),
  );
  const report = h('textarea', { id: 'report', rows: '8', placeholder: w.createHint });
  const date = h('input', { id: 'report-date', type: 'date', 'aria-label': w.reportDate });
  // A .txt report dropped on the box is read as text (the server drafts it, never runs it).
  report.addEventListener('dragover', (e) => e.preventDefault());
  report.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void readFile(file).catch(failed);
  });
  const pick = h('input', {
    id: 'report-file',
    type: 'file',
    accept: '.txt,.docx,.html,.htm,text/plain,text/html',
    'aria-label': w.pickFile,
  });
  pick.addEventListener('change', () => {
    const file = pick.files?.[0];
    if (file) void readFile(file).catch(failed);
  });
  const readNotes = h('p', { id: 'report-notes', class: 'hint' });
  const failed = (e: unknown) => (readNotes.textContent = `${w.error}: ${e instanceof Error ? e.message : String(e)}`);
  // The server reads the file (.txt in any Chinese encoding, .docx, a saved page) as the drafter
  // would, and the text is shown here before it is drafted.
  async function readFile(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const { text, notes } = await api.report(file.name, btoa(binary));
    report.value = text;
    readNotes.textContent = notes.join('；');
  }
  const draftButton = h(
    'button',
    {
      id: 'draft',
      click: async () => {
        if (!report.value.trim()) return report.focus();
        const d = await api.draft(report.value, date.value || undefined);
        const name = `${date.value || new Date().toISOString().slice(0, 10)}-draft.yaml`;
        editScreen({ name, text: d.text, version: null });
      },
    },
    w.draft,
  );
  frame(
    h(
      'main',
      { class: 'start' },
      h(
        'section',
        {},
        h('h2', {}, w.briefs),
        briefs.length
          ? h(
              'table',
              {},
              h(
                'thead',
                {},
                h('tr', {}, h('th', {}, w.meeting), h('th', {}, w.date), h('th', {}, w.file), h('th', {}, w.status)),
              ),
              h('tbody', {}, ...rows),
            )
          : h('p', {}, w.none),
      ),
      h(
        'section',
        {},
        h('h2', {}, w.create),
        h('p', { class: 'hint' }, w.createHint),
        report,
        h(
          'div',
          { class: 'row' },
          h('label', {}, w.pickFile, ' ', pick),
          h('label', {}, w.reportDate, ' ', date),
          draftButton,
        ),
      ),
    ),
  );
}

async function openBrief(name: string): Promise<void> {
  const { text, version } = await api.brief(name);
  editScreen({ name, text, version });
}

interface Editing {
  name: string;
  text: string;
  /** What was opened or last saved; null for a brief not saved yet. */
  version: string | null;
}

function editScreen(doc: Editing): void {
  const w = t();
  let savedText = doc.version === null ? null : doc.text;
  let seq = 0;
  /** What each slide on the page shows: its SVG and its fit report. */
  let drawn: Array<{ svg: string; notes: string }> = [];
  let drawnSubjects: Array<string | undefined> = [];
  const status = h('span', { id: 'status', role: 'status' });
  const notice = h('div', { id: 'notice', class: 'notice', hidden: '' });
  const problemsBox = h('ul', { id: 'problems', class: 'problems' });
  const slidesBox = h('div', { id: 'slides', class: 'slides' });
  const nameInput = h('input', { id: 'name', value: doc.name, 'aria-label': w.name });
  if (doc.version !== null) nameInput.setAttribute('readonly', '');
  const themeSelect = h(
    'select',
    { id: 'theme', 'aria-label': w.theme },
    h('option', { value: '' }, '—'),
    ...themes.map((n) => h('option', { value: n }, n)),
  );
  const langSelect = h(
    'select',
    { id: 'lang', 'aria-label': w.lang },
    h('option', { value: 'zh-CN' }, '中文'),
    h('option', { value: 'en' }, 'English'),
  );
  const editorBox = h('div', { id: 'editor', class: 'editor' });
  const formBox = h('div', { id: 'form', class: 'form', hidden: '' });
  let lastData: unknown;
  let formShown = false;
  let redrawForm = false;
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist' },
    h('button', { id: 'tab-yaml', role: 'tab', 'aria-selected': 'true', click: () => showForm(false) }, w.form.yaml),
    h('button', { id: 'tab-form', role: 'tab', 'aria-selected': 'false', click: () => showForm(true) }, w.form.tab),
  );
  function showForm(on: boolean): void {
    formShown = on;
    formBox.hidden = !on;
    editorBox.hidden = on;
    tabs.children[0]!.setAttribute('aria-selected', String(!on));
    tabs.children[1]!.setAttribute('aria-selected', String(on));
    if (on) drawForm();
    else view.requestMeasure();
  }
  function drawForm(): void {
    if (lastData === undefined) formBox.replaceChildren(h('p', { class: 'notice error' }, w.form.broken));
    else renderForm(formBox, lastData, sendEdits);
  }
  // Form edits go to the server one batch at a time (a value typed meanwhile replaces the one
  // queued for the same field); each answer is the new YAML, which the preview then follows.
  let queued: FormEdit[] = [];
  let sending = false;
  function sendEdits(edits: FormEdit[], redraw: boolean): void {
    const same = (a: FormEdit, b: FormEdit) =>
      a.op === 'set' && b.op === 'set' && JSON.stringify(a.path) === JSON.stringify(b.path);
    queued = [...queued.filter((q) => !edits.some((e) => same(q, e))), ...edits];
    redrawForm ||= redraw;
    if (!sending) void flushEdits();
  }
  async function flushEdits(): Promise<void> {
    sending = true;
    try {
      while (queued.length) {
        const edits = queued;
        queued = [];
        setText(view, (await api.edit(view.state.doc.toString(), edits)).text);
      }
    } catch (e) {
      failed(e);
    } finally {
      sending = false;
    }
  }

  const view: EditorView = createEditor(editorBox, doc.text, {
    onChange: () => {
      showDirty();
      later();
    },
    // The 确认 at the end of a `suggested: true` line: the mark deleted by the server, through
    // the yaml library's Document (comments kept), counted in the text as it is now.
    confirm: (line) => sendEdits([{ op: 'confirm', line }], true),
    confirmLabel: w.confirm,
  });
  /** The unconfirmed suggestions, counted in the header; a click goes to the next one. */
  const suggestionsBadge = h('button', {
    id: 'suggestions',
    class: 'badge',
    hidden: '',
    click: () => {
      if (formShown) {
        formBox.querySelector('li.suggested')?.scrollIntoView({ block: 'center' });
        return;
      }
      const text = view.state.doc.toString();
      const re = /^\s*suggested:\s*true\b/gm;
      re.lastIndex = view.state.selection.main.head + 1;
      const at = re.exec(text) ?? ((re.lastIndex = 0), re.exec(text));
      if (!at) return;
      view.dispatch({ selection: { anchor: at.index + at[0].indexOf('s') }, scrollIntoView: true });
      view.focus();
    },
  });
  function showSuggestions(data: unknown): void {
    const units = (data as { units?: unknown } | undefined)?.units;
    let n = 0;
    if (Array.isArray(units))
      for (const u of units) {
        const ds = (u as { directives?: unknown } | null)?.directives;
        if (Array.isArray(ds)) n += ds.filter((d) => (d as { suggested?: unknown } | null)?.suggested === true).length;
      }
    suggestionsBadge.hidden = n === 0;
    suggestionsBadge.textContent = w.suggestions(n);
    suggestionsBadge.dataset.count = String(n);
  }

  const say = (text: string, kind: 'info' | 'error' = 'info', action?: { label: string; run: () => void }) => {
    notice.hidden = false;
    notice.className = `notice ${kind}`;
    notice.replaceChildren(text, action ? h('button', { click: action.run }, action.label) : '');
  };
  const dirty = () => view.state.doc.toString() !== savedText;
  const showDirty = () => (status.dataset.dirty = dirty() ? '1' : '');

  async function refresh(settings: { theme?: string; lang?: string } = {}, allArt = false): Promise<void> {
    const mine = ++seq;
    const sent = view.state.doc.toString();
    const answer = await api.preview({
      text: sent,
      ...(doc.version !== null ? { name: doc.name } : {}),
      ...settings,
      art: allArt ? [] : [...artwork.keys()],
    });
    // The artwork is kept even from an answer a newer one replaces: the newer was told it is here.
    for (const [id, art] of Object.entries(answer.art)) artwork.set(id, art);
    if (mine !== seq) return; // a newer preview is on its way
    // Never expected: a slide refers to artwork the page does not hold. Asked again, all sent.
    if (!allArt && answer.slides.some((s) => withArt(s.svg) === undefined)) return refresh(settings, true);
    // The pickers' theme: or lang: goes into the text, unless it was edited meanwhile.
    if (answer.text !== sent && view.state.doc.toString() === sent) setText(view, answer.text);
    draw(answer);
  }
  // An edit is previewed at once; edits made while a preview is on its way are previewed
  // together when it is back, so typing never queues up requests.
  let busy = false;
  let again = false;
  const later = () => {
    if (busy) return void (again = true);
    busy = true;
    refresh()
      .catch(failed)
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          later();
        }
      });
  };

  function draw(a: PreviewAnswer): void {
    lastData = a.data;
    if (a.data !== undefined) showSuggestions(a.data);
    // The form is drawn again after an item was added, removed or moved, from the brief as it now is.
    if (formShown && redrawForm && a.text === view.state.doc.toString()) {
      redrawForm = false;
      drawForm();
    }
    showProblems(view, a.problems);
    problemsBox.replaceChildren(
      ...a.problems.map((p) =>
        h(
          'li',
          { click: () => jump(p.line ?? 1, p.column ?? 1) },
          `${p.line ?? ''}:${p.column ?? ''} ${p.path ? `${p.path}: ` : ''}${p.message}`,
        ),
      ),
    );
    problemsBox.hidden = a.problems.length === 0;
    if (a.problems.length === 0) {
      const bySubject = new Map<string, FitEntry>(a.fit.map((f) => [f.subject, f]));
      const told = new Set<string>();
      // Only the slides whose picture or fit report changed are drawn again: a 100-unit deck
      // keeps its other hundred pictures as they are.
      const next = a.slides.map((s) => {
        const fit = s.subject !== undefined && !told.has(s.subject) ? bySubject.get(s.subject) : undefined;
        if (fit) told.add(fit.subject);
        return { svg: s.svg, notes: (fit ? fitNotes(fit) : []).join('\n') };
      });
      const figures = Array.from(slidesBox.children) as HTMLElement[];
      let firstChanged = -1;
      next.forEach((slide, i) => {
        const old = drawn[i];
        if (old && old.svg === slide.svg && old.notes === slide.notes) return;
        if (firstChanged < 0) firstChanged = i;
        const fig = figure(slide.svg, slide.notes, i);
        if (figures[i]) figures[i].replaceWith(fig);
        else slidesBox.append(fig);
      });
      for (const extra of figures.slice(next.length)) extra.remove();
      // The first slide an edit changed comes into view (not on the first drawing).
      if (drawn.length && firstChanged >= 0) slidesBox.children[firstChanged]?.scrollIntoView({ block: 'nearest' });
      drawn = next;
      drawnSubjects = a.slides.map((s) => s.subject);
      status.textContent = w.slides(a.slides.length, a.ms);
      const theme = /^theme:\s*(\S+)/m.exec(a.text)?.[1] ?? 'default';
      themeSelect.value = themes.includes(theme) ? theme : '';
      langSelect.value = /^lang:\s*en\b/m.test(a.text) ? 'en' : 'zh-CN';
    }
    slidesBox.classList.toggle('stale', a.problems.length > 0);
    showDirty();
  }

  function figure(svg: string, notes: string, i: number): HTMLElement {
    const pic = h('div', { class: 'slide', 'data-slide': String(i + 1) });
    // The server's SVG (every text in it escaped by the renderer), its template's artwork put back.
    pic.innerHTML = withArt(svg) ?? svg;
    const lines = notes ? notes.split('\n') : [];
    return h(
      'figure',
      { 'data-index': String(i) },
      h('div', { class: 'number' }, String(i + 1)),
      pic,
      h('figcaption', { class: lines.length ? 'fit' : 'fit empty' }, ...lines.map((n) => h('div', {}, n))),
    );
  }

  function fitNotes(f: FitEntry): string[] {
    const n: string[] = [`${f.subject}`];
    if (f.toPt < f.fromPt) n.push(w.shrunk(f.fromPt, f.toPt));
    if (f.continuationSlides) n.push(w.continued(f.continuationSlides));
    if (f.splitItems) n.push(w.split(f.splitItems));
    if (f.titleLines > 1) n.push(w.titleLines(f.titleLines));
    return n.length > 1 ? n : [];
  }

  // A click on a text of a slide puts the cursor on that text in the YAML: the slide's texts are
  // the brief's, as written, so the paragraph clicked is looked for after its unit's name.
  slidesBox.addEventListener('click', (e) => {
    const target = e.target as Element;
    const para = target.closest('g[data-paragraph]');
    const figure = target.closest('figure');
    if (!para || !figure) return;
    const said = Array.from(para.querySelectorAll('text.line'))
      .map((l) => l.textContent ?? '')
      .join('');
    const subject = drawnSubjects[Number(figure.dataset.index)];
    const pos = findInYaml(view.state.doc.toString(), said, subject);
    if (pos < 0) return;
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  });

  function jump(line: number, column: number): void {
    const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
    const pos = Math.min(l.from + column - 1, l.to);
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  }

  async function save(): Promise<void> {
    const text = view.state.doc.toString();
    try {
      const { version } = await api.save(nameInput.value, text, doc.version);
      doc = { name: nameInput.value, text, version };
      savedText = text;
      nameInput.setAttribute('readonly', '');
      say(w.saved);
      showDirty();
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'changed' || e.code === 'gone'))
        say(w.changed, 'error', { label: w.reload, run: () => void openBrief(doc.name) });
      else if (e instanceof ApiError && e.code === 'exists') say(w.exists, 'error');
      else failed(e);
    }
  }

  async function download(kind: 'pptx' | 'pdf' = 'pptx'): Promise<void> {
    if (dirty() || doc.version === null) return say(w.saveFirst, 'error');
    if (kind === 'pdf') say(w.makingPdf);
    const blob = await api.deck(doc.name, kind);
    if (kind === 'pdf') notice.hidden = true;
    const a = h('a', { href: URL.createObjectURL(blob), download: doc.name.replace(/\.ya?ml$/, `.${kind}`) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  function failed(e: unknown): void {
    say(`${w.error}: ${e instanceof Error ? e.message : String(e)}`, 'error');
  }

  themeSelect.addEventListener(
    'change',
    () => themeSelect.value && void refresh({ theme: themeSelect.value }).catch(failed),
  );
  langSelect.addEventListener('change', () => void refresh({ lang: langSelect.value }).catch(failed));

  frame(
    h(
      'nav',
      { class: 'toolbar' },
      h('button', { id: 'back', class: 'link', click: () => void startScreen() }, `← ${w.back}`),
      h('label', {}, w.name, ' ', nameInput),
      h('label', {}, w.theme, ' ', themeSelect),
      h('label', {}, w.lang, ' ', langSelect),
      h('button', { id: 'save', click: () => void save() }, w.save),
      h('button', { id: 'download', click: () => void download().catch(failed) }, w.download),
      pdf && h('button', { id: 'download-pdf', click: () => void download('pdf').catch(failed) }, w.downloadPdf),
      suggestionsBadge,
      status,
    ),
    notice,
    h(
      'main',
      { class: 'edit' },
      h(
        'section',
        { class: 'source' },
        /#\s*(请核对|建议)/.test(doc.text) ? h('p', { class: 'hint' }, w.checkHint) : false,
        tabs,
        editorBox,
        formBox,
        problemsBox,
      ),
      h('section', { class: 'preview' }, slidesBox),
    ),
  );
  screen = () => editScreen({ ...doc, text: view.state.doc.toString() });
  void refresh().catch(failed);
}

startScreen().catch((e: unknown) => {
  app.textContent = `${t().error}: ${e instanceof Error ? e.message : String(e)}`;
});

/**
 * Where a slide's text is in the YAML: the longest start of it (the bullet's words, without what
 * the slide adds such as （续） or who said it) found after the slide's unit or leader, else anywhere.
 */
function findInYaml(doc: string, said: string, subject: string | undefined): number {
  const from = subject ? Math.max(0, doc.indexOf(subject.replace(/（续）$|\s*\(continued\)$/, ''))) : 0;
  // An attendee of two characters is padded to three on the slide (龚\u3000正): the brief has 龚正.
  const text = said.trim().replace(/^(\p{Script=Han})\u3000(\p{Script=Han})$/u, '$1$2');
  for (let n = Math.min(text.length, 40); n >= 2; n--) {
    const head = text.slice(0, n);
    const at = doc.indexOf(head, from);
    if (at >= 0) return at;
    const anywhere = doc.indexOf(head);
    if (anywhere >= 0) return anywhere;
  }
  return -1;
}
