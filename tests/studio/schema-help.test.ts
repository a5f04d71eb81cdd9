/**
 * Completion and hover in the studio's YAML editor, from the brief's JSON Schema: the keys at the
 * cursor's path with their descriptions, a key's fixed values, keys already said left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeAt, suggestionsAt, type JsonSchema } from '../../src/studio/page/schema-help.js';

const schema = JSON.parse(readFileSync('schema/brief.schema.json', 'utf8')) as JsonSchema;

/** The text with `|` taken out, and where it was. */
const at = (marked: string): [string, number] => [marked.replace('|', ''), marked.indexOf('|')];
const labels = (marked: string) => suggestionsAt(schema, ...at(marked))?.options.map((o) => o.label);

describe('completion from the schema', () => {
  it('offers the top-level keys, with their descriptions', () => {
    const s = suggestionsAt(schema, ...at('la|'))!;
    expect(s.from).toBe(0);
    const lang = s.options.find((o) => o.label === 'lang')!;
    expect(lang.apply).toBe('lang: ');
    expect(lang.info).toMatch(/zh-CN/);
    expect(s.options.map((o) => o.label)).toEqual(expect.arrayContaining(['theme', 'meeting', 'units', 'directives']));
  });

  it("offers a unit's keys inside a unit, less those it already has", () => {
    const text =
      'meeting:\n  title: 会\nunits:\n  - name: 浦东\n    achievements:\n      - 一\n    sh|\n    notes: x\n';
    const got = labels(text)!;
    expect(got).toContain('shortcomings');
    expect(got).toContain('directives');
    expect(got).not.toContain('name');
    expect(got).not.toContain('notes');
    expect(got).not.toContain('title');
  });

  it("offers a directive's keys after its dash, and the meeting's under meeting", () => {
    expect(labels('units:\n  - name: a\n    directives:\n      - |')).toEqual(
      expect.arrayContaining(['text', 'by', 'suggested']),
    );
    expect(labels('meeting:\n  title: 会\n  |')).toEqual(expect.arrayContaining(['date', 'chair', 'summary']));
    expect(labels('meeting:\n  title: 会\n  |')).not.toContain('title');
  });

  it("offers a key's fixed values", () => {
    expect(labels('lang: |')).toEqual(['zh-CN', 'en']);
    expect(labels('meeting:\n  title: |')).toBeUndefined();
  });

  it('describes the key under the cursor', () => {
    const text = 'meeting:\n  date: 2025-01\nunits:\n  - name: a\n';
    const d = describeAt(schema, text, text.indexOf('date') + 1)!;
    expect(d.path).toBe('meeting.date');
    expect(d.description).toMatch(/YYYY-MM-DD/);
    expect(describeAt(schema, text, text.indexOf('name') + 1)?.path).toBe('units[].name');
    expect(describeAt(schema, text, text.indexOf('2025'))).toBeUndefined();
  });
});
