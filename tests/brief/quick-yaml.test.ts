/**
 * The quick YAML reader (src/yaml/fast.ts) against `yaml`, the authority: on every YAML file in
 * the repository, on hand-picked edge cases and on generated documents, it either gives up or
 * gives exactly the data `yaml` gives — and it gives up on everything `yaml` reports a problem
 * with, since a brief read quickly is never looked at by `yaml`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { isMap, isScalar, LineCounter, parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readQuickYaml } from '../../src/yaml/fast.js';
import { generatedBrief } from '../../bench/generate.mjs';

const ROOT = join(import.meta.dirname, '../..');

/** What `yaml` makes of a text: its data, whether it found any problem, where each top-level
 * value begins. */
function authority(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const troubled = doc.errors.length > 0 || doc.warnings.length > 0;
  let value: unknown;
  try {
    value = troubled ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { troubled: true, value: undefined, top: new Map() };
  }
  const top = new Map<string, { line: number; column: number }>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const node = pair.value as { range?: [number, number, number] } | null;
      if (isScalar(pair.key) && node?.range) {
        const p = lines.linePos(node.range[0]);
        top.set(String(pair.key.value), { line: p.line, column: p.col });
      }
    }
  }
  return { troubled, value, top };
}

/** Quick and `yaml` agree (or the quick reader gave up); returns whether it read the text. */
function agree(text: string): boolean {
  const quick = readQuickYaml(text);
  const full = authority(text);
  if (!quick) return false;
  expect(full.troubled, `quick read a text yaml has problems with:\n${text}`).toBe(false);
  expect(
    isDeepStrictEqual(quick.value, full.value),
    `different data for:\n${text}\nquick: ${JSON.stringify(quick.value)}\nyaml:  ${JSON.stringify(full.value)}`,
  ).toBe(true);
  for (const [key, at] of quick.topLevel) expect(at, `position of ${key} in:\n${text}`).toEqual(full.top.get(key));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('quick YAML reader', () => {
  it('agrees with yaml on every YAML file in the repository, and reads the briefs and themes', () => {
    const files = ['briefs', 'themes', 'tests/fixtures'].flatMap((d) => yamlFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(40);
    const read = files.filter((f) => agree(readFileSync(f, 'utf8')));
    // The sample brief and the built-in themes are plain YAML: they must take the quick way.
    for (const must of [
      'briefs/2025-01-shanghai-quarterly.yaml',
      'themes/default.yaml',
      'tests/fixtures/stress/many-units.yaml',
    ])
      expect(read).toContain(join(ROOT, must));
  });

  it('agrees on the generated benchmark briefs, as yaml writes them', () => {
    for (const units of [1, 10, 100])
      expect(agree(stringify(generatedBrief(units), { aliasDuplicateObjects: false }))).toBe(true);
  });

  const cases: Array<[string, string, boolean]> = [
    // [what, text, read quickly?]
    [
      'a plain brief',
      'meeting:\n  title: 会议\n  date: 2025-01\nunits:\n  - name: 甲\n    achievements:\n      - 一\n      - 二\n',
      true,
    ],
    ['a list at its key’s indent', 'units:\n- name: 甲\n  achievements:\n  - 一\n  - 二\nlang: en\n', true],
    ['CRLF line ends', 'meeting:\r\n  title: 会议\r\nunits:\r\n  - a\r\n  - b\r\n', true],
    ['a byte order mark', '\uFEFFa: 1\nb: 二\n', true],
    ['comments everywhere', '# top\na: 1 # one\n  # indented comment\nb:   # nothing here\n  - x #  c\n# end', true],
    ['quoted texts', `a: "2025-01" # c\nb: 'it''s'\nc: "a # not a comment: really"\nd: ''\ne: ""\n`, true],
    [
      'numbers, booleans, null as yaml reads them',
      'a: 12\nb: -3\nc: 0o17\nd: 0x1F\ne: 1.50\nf: .5\ng: 1e3\nh: .inf\ni: -.Inf\nj: .nan\nk: true\nl: False\nm: ~\nn: null\no: 1_000\np: 0b11\nq: 1.2.3\nr: +7\ns: 010\nt: -0\nu: 2025-01-06\n',
      true,
    ],
    [
      'text that only looks special',
      'a: 1-11月\nb: 2,304个\nc: 3.5%\nd: trueish\ne: -5\nf: -x\ng: ?问题\nh: a#b\ni: 10:30\nj: 全市[重点]项目\nk: x,y\n',
      true,
    ],
    ['flow mappings and lists', 'chair: { name: 陈吉宁, role: 市委书记 }\nx: []\ny: {}\nz: [a, "b, c", 3]\n', true],
    ['a literal block', 'notes: |\n  第一行\n    缩进\n\n  第三行\nnext: 1\n', true],
    ['literal chomping', 'a: |-\n  x\n\nb: |+\n  y\n\n\nc: | # c\n  z\n', true],
    ['a deeper document', 'a:\n  b:\n    c:\n      - - 1\n', false],
    ['empty items and values', 'a:\nb:\n  -\n  - x\nc: # c\n', true],
    ['compact mapping with more spaces', '-   a: 1\n    b: 2\n-   c: 3\n', true],
    // Given up: left to yaml.
    ['an anchor and alias', 'a: &x 1\nb: *x\n', false],
    ['a tag', 'a: !!binary aGk=\n', false],
    ['a custom tag', 'a: !include x.yaml\n', false],
    ['folded text', 'a: >\n  x\n  y\n', false],
    ['text over two lines', 'a: first\n  second\n', false],
    ['a quote closed on a later line', 'a: "x\n  y"\n', false],
    ['an escape', 'a: "x\\ny"\n', false],
    ['a duplicate key', 'a: 1\na: 2\n', false],
    ['a duplicate flow key', 'a: { b: 1, b: 2 }\n', false],
    ['a tab', 'a:\n\t- x\n', false],
    ['two documents', 'a: 1\n---\nb: 2\n', false],
    ['a document start', '---\na: 1\n', false],
    ['a directive', '%YAML 1.2\n---\na: 1\n', false],
    ['a control character', 'a: x\u0007y\n', false],
    ['a lone surrogate', 'a: x\uD800y\n', false],
    ['a lone CR', 'a: 1\rb: 2\n', false],
    ['a mapping inside a value', 'a: b: c\n', false],
    ['a key in a list item’s text', '- 1-11月签约: 600个\n', false],
    ['bad indentation', 'a:\n  b: 1\n   c: 2\n', false],
    ['a list item after a value', 'a: 1\n- b\n', false],
    ['a Chinese key', '单位: 甲\n', false],
    ['a quoted key', '"a": 1\n', false],
    ['a merge key', 'a: &b { x: 1 }\nc:\n  <<: *b\n', false],
    ['a __proto__ key', '__proto__: { x: 1 }\n', false],
    ['a null key', 'null: 1\n', false],
    ['an unclosed flow', 'a: { b: 1\n', false],
    ['a nested flow', 'a: { b: [1] }\n', false],
    ['a trailing comma', 'a: [1, ]\n', false],
    ['a key without a space', 'a:1\n', false],
    ['a top-level list', '- a\n- b\n', true],
    ['a top-level scalar', 'just text\n', false],
    ['an empty file', '', false],
    ['only comments', '# nothing\n', false],
    ['a literal at the very end', 'a: |\n  x', false],
    ['a literal with an indentation digit', 'a: |2\n   x\n', false],
    ['text after a quote', 'a: "x" y\n', false],
    ['a comment glued to a quote', 'a: "x"#c\n', false],
    ['a question-mark key', '? a\n: b\n', false],
    ['a block sequence in a value', 'a: - b\n', false],
    // Found in review: a lone indicator inside a flow collection is not text.
    ['a lone dash in a flow list', 'a: [x, -]\n', false],
    ['a lone dash as a flow value', 'a: {b: -}\n', false],
    ['a lone question mark in a flow list', 'a: [a, ?]\n', false],
    ['a lone question mark as a flow value', 'a: {b: ?}\n', false],
    ['dashes and question marks that are text', 'a: [-1, ?x, a-b]\nb: {c: -x}\n', true],
  ];
  for (const [what, text, quick] of cases) {
    it(`${quick ? 'reads' : 'leaves to yaml'}: ${what}`, () => {
      expect(agree(text)).toBe(quick);
    });
  }

  it('agrees with yaml on generated documents (fast-check)', () => {
    const key = fc.constantFrom(
      'a',
      'b',
      'name',
      'text',
      'by',
      'units',
      'x-y',
      'null',
      'True',
      '__proto__',
      '单位',
      'a b',
      'k_1',
    );
    const scalar = fc.oneof(
      fc.constantFrom(
        '[-]',
        '[x, -]',
        '[ -]',
        '{b: -}',
        '{b: ?}',
        '[?]',
        '[a, ?]',
        '[:]',
        '{b: :}',
        '[-x]',
        '甲',
        '全市第一',
        '1-11月',
        '12',
        '-3',
        '1.50',
        '0x1F',
        '0o7',
        '.inf',
        '~',
        'true',
        'no',
        '2025-01',
        'a # c',
        'a#b',
        'x: y',
        'x:',
        ': x',
        '- x',
        '-x',
        '?',
        '? x',
        '[a, b]',
        '{ a: 1 }',
        '{a: 1}',
        '[]',
        '{}',
        '"q"',
        "'q'",
        "'it''s'",
        '"a\\n"',
        '"open',
        '|',
        '|-',
        '|+',
        '>',
        '&a x',
        '*a',
        '!!str 1',
        '%x',
        '@x',
        '`x',
        ',x',
        '　全角',
        'a  ',
        'é',
      ),
      fc.string({
        unit: fc.constantFrom('a', '甲', ' ', ':', '#', '-', '"', "'", ',', '[', ']', '{', '}', '|', '1', '.', '\\'),
        maxLength: 8,
      }),
    );
    const line = fc.oneof(
      fc.tuple(fc.nat(6), key, scalar).map(([i, k, v]) => `${' '.repeat(i)}${k}: ${v}`),
      fc.tuple(fc.nat(6), key).map(([i, k]) => `${' '.repeat(i)}${k}:`),
      fc.tuple(fc.nat(6), scalar).map(([i, v]) => `${' '.repeat(i)}- ${v}`),
      fc.tuple(fc.nat(6), key, scalar).map(([i, k, v]) => `${' '.repeat(i)}- ${k}: ${v}`),
      fc.nat(6).map((i) => `${' '.repeat(i)}-`),
      fc.tuple(fc.nat(6), scalar).map(([i, v]) => `${' '.repeat(i)}${v}`),
      fc.constantFrom('', '  ', '# c', '    # c', '---', '...'),
    );
    const doc = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([ls, nl, end]) => ls.join(nl) + (end ? nl : ''));
    let read = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (agree(text)) read++;
      }),
      { numRuns: Number(process.env.QY_RUNS ?? 3000), seed: Number(process.env.QY_SEED ?? 7) },
    );
    // The generator is not all noise: a good share of documents take the quick way.
    expect(read).toBeGreaterThan(100);
  });
});
