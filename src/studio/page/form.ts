/// <reference lib="dom" />
/**
 * The brief as a form: the meeting's fields, the attendees, each unit as a card with its
 * achievements, shortcomings and directives as lists, each leader with the points. Every change
 * is an edit the server applies to the YAML (keeping its comments); the form is drawn again from
 * the brief after an item is added, removed or moved.
 */
import { t } from './i18n.js';

import type { FormEdit } from '../edit.js';
export type { FormEdit };

type Path = Array<string | number>;

type Data = Record<string, unknown>;

/** The item being dragged: its list (as JSON) and its place. Drag and drop moves an item within
 * its own list only, as the ↑ ↓ buttons do (they stay, for the keyboard). */
let dragging: { list: string; from: number } | undefined;

/**
 * Make `row` (an item, or a card) movable by dragging `grip` onto another row of the same list:
 * the item takes the place of the one it is dropped on.
 */
function draggable(
  grip: HTMLElement,
  row: HTMLElement,
  list: Path,
  index: number,
  title: string,
  move: (from: number, to: number) => void,
): void {
  const key = JSON.stringify(list);
  grip.draggable = true;
  grip.title = title;
  grip.setAttribute('aria-hidden', 'true'); // the ↑ ↓ buttons are the keyboard's way
  row.dataset.list = key;
  row.dataset.index = String(index);
  grip.addEventListener('dragstart', (e) => {
    dragging = { list: key, from: index };
    e.dataTransfer?.setData('text/plain', '');
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer?.setDragImage(row, 12, 12);
    row.classList.add('dragging');
  });
  grip.addEventListener('dragend', () => {
    dragging = undefined;
    row.classList.remove('dragging');
  });
  const mine = () => dragging !== undefined && dragging.list === key && dragging.from !== index;
  row.addEventListener('dragover', (e) => {
    if (!mine()) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    row.classList.add(dragging!.from < index ? 'drop-after' : 'drop-before');
  });
  row.addEventListener('dragleave', () => row.classList.remove('drop-after', 'drop-before'));
  row.addEventListener('drop', (e) => {
    row.classList.remove('drop-after', 'drop-before');
    if (!mine()) return;
    e.preventDefault();
    e.stopPropagation();
    const from = dragging!.from;
    dragging = undefined;
    move(from, index);
  });
}
const obj = (v: unknown): Data => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** `send(edits, redraw)`: redraw is true when the form's shape changes (an item added, removed, moved). */
export function renderForm(box: HTMLElement, data: unknown, send: (edits: FormEdit[], redraw: boolean) => void): void {
  const w = t().form;
  const brief = obj(data);
  const meeting = obj(brief.meeting);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', content = ''): HTMLElementTagNameMap[K] => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content) e.textContent = content;
    return e;
  };

  function field(label: string, value: unknown, path: Path, long = false): HTMLElement {
    const wrap = el('label', 'field');
    wrap.append(el('span', '', label));
    const input = long ? el('textarea') : el('input');
    if (input instanceof HTMLTextAreaElement) input.rows = 2;
    input.value = text(value);
    input.dataset.path = JSON.stringify(path);
    input.addEventListener('input', () => send([{ op: 'set', path, value: input.value }], false));
    wrap.append(input);
    return wrap;
  }

  /** A list of texts: each item editable, movable up and down, removable; one more at the end. */
  function items(label: string, values: unknown[], path: Path, textOf: (i: number) => Path = (i) => [...path, i]) {
    const section = el('div', 'list');
    section.append(el('h4', '', label));
    const ol = el('ol');
    values.forEach((v, i) => {
      const li = el('li');
      const grip = el('span', 'grip', '⠿');
      draggable(grip, li, path, i, w.drag, (from, to) => send([{ op: 'move', path, from, to }], true));
      li.append(grip);
      const value = typeof v === 'object' && v !== null ? obj(v).text : v;
      const input = el('textarea');
      input.rows = 1;
      input.value = text(value);
      input.dataset.path = JSON.stringify(textOf(i));
      input.addEventListener('input', () => send([{ op: 'set', path: textOf(i), value: input.value }], false));
      li.append(input);
      const by = typeof v === 'object' && v !== null ? text(obj(v).by) : '';
      if (by) li.append(el('span', 'by', by));
      // A drafted suggestion: highlighted, with 确认 to delete its `suggested: true`.
      if (typeof v === 'object' && v !== null && obj(v).suggested === true) {
        li.classList.add('suggested');
        const ok = el('button', 'confirm', t().confirm);
        ok.setAttribute('aria-label', `${t().confirm} ${i + 1}`);
        ok.addEventListener('click', () => send([{ op: 'confirm', path: [...path, i] }], true));
        li.append(ok);
      }
      for (const [sign, title, edit] of [
        ['↑', w.up, i > 0 ? { op: 'move', path, from: i, to: i - 1 } : undefined],
        ['↓', w.down, i < values.length - 1 ? { op: 'move', path, from: i, to: i + 1 } : undefined],
        ['✕', w.remove, { op: 'delete', path: [...path, i] }],
      ] as const) {
        const b = el('button', 'small', sign);
        b.title = title;
        b.setAttribute('aria-label', `${title} ${i + 1}`);
        if (!edit) b.disabled = true;
        else b.addEventListener('click', () => send([edit as FormEdit], true));
        li.append(b);
      }
      ol.append(li);
    });
    section.append(ol);
    const add = el('button', 'add', `+ ${w.add}`);
    add.addEventListener('click', () => send([{ op: 'add', path, value: '' }], true));
    section.append(add);
    return section;
  }

  function card(title: string, path: Path, index: number, count: number, parent: Path): HTMLElement {
    const c = el('section', 'card');
    const head = el('div', 'card-head');
    const grip = el('span', 'grip', '⠿');
    draggable(grip, c, parent, index, w.drag, (from, to) => send([{ op: 'move', path: parent, from, to }], true));
    head.append(grip, el('h3', '', title));
    for (const [sign, label, edit] of [
      ['↑', w.up, index > 0 ? { op: 'move', path: parent, from: index, to: index - 1 } : undefined],
      ['↓', w.down, index < count - 1 ? { op: 'move', path: parent, from: index, to: index + 1 } : undefined],
      ['✕', w.remove, { op: 'delete', path }],
    ] as const) {
      const b = el('button', 'small', sign);
      b.title = label;
      if (!edit) b.disabled = true;
      else b.addEventListener('click', () => send([edit as FormEdit], true));
      head.append(b);
    }
    c.append(head);
    return c;
  }

  const parts: HTMLElement[] = [];
  const m = el('section', 'card');
  m.append(el('h3', '', w.meeting));
  const chair = obj(meeting.chair);
  m.append(
    field(w.title, meeting.title, ['meeting', 'title']),
    field(w.subtitle, meeting.subtitle, ['meeting', 'subtitle']),
    field(w.date, meeting.date, ['meeting', 'date']),
    field(w.organizer, meeting.organizer, ['meeting', 'organizer']),
    field(w.location, meeting.location, ['meeting', 'location']),
    field(w.chairName, chair.name, ['meeting', 'chair', 'name']),
    field(w.chairRole, chair.role, ['meeting', 'chair', 'role']),
    field(w.summary, meeting.summary, ['meeting', 'summary'], true),
    items(w.attendees, list(meeting.attendees), ['meeting', 'attendees']),
  );
  parts.push(m);

  parts.push(el('h2', '', w.units));
  const units = list(brief.units);
  units.forEach((u, i) => {
    const unit = obj(u);
    const c = card(`${i + 1}. ${text(unit.name)}`, ['units', i], i, units.length, ['units']);
    const directives = list(unit.directives);
    c.append(
      field(w.unitName, unit.name, ['units', i, 'name']),
      field(w.speaker, unit.speaker, ['units', i, 'speaker']),
      items(w.achievements, list(unit.achievements), ['units', i, 'achievements']),
      items(w.shortcomings, list(unit.shortcomings), ['units', i, 'shortcomings']),
      items(w.directives, directives, ['units', i, 'directives'], (j) =>
        typeof directives[j] === 'object' && directives[j] !== null
          ? ['units', i, 'directives', j, 'text']
          : ['units', i, 'directives', j],
      ),
    );
    parts.push(c);
  });
  const addUnit = el('button', 'add', `+ ${w.addUnit}`);
  addUnit.addEventListener('click', () =>
    send([{ op: 'add', path: ['units'], value: { name: w.newUnit, achievements: [], shortcomings: [] } }], true),
  );
  parts.push(addUnit);

  parts.push(el('h2', '', w.leaders));
  const leaders = list(brief.directives);
  leaders.forEach((l, i) => {
    const leader = obj(l);
    const c = card(text(leader.speaker), ['directives', i], i, leaders.length, ['directives']);
    c.append(
      field(w.speaker, leader.speaker, ['directives', i, 'speaker']),
      field(w.role, leader.role, ['directives', i, 'role']),
      field(w.topic, leader.topic, ['directives', i, 'topic']),
      items(w.points, list(leader.points), ['directives', i, 'points']),
    );
    parts.push(c);
  });
  const addLeader = el('button', 'add', `+ ${w.addLeader}`);
  addLeader.addEventListener('click', () =>
    send([{ op: 'add', path: ['directives'], value: { speaker: w.newLeader, points: [] } }], true),
  );
  parts.push(addLeader);
  box.replaceChildren(...parts);
}
