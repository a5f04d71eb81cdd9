import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief, parseBrief } from '../../src/brief/load.js';
import { BriefdeckError, formatProblem } from '../../src/errors.js';

const GOOD = `meeting:
  title: 市委季度工作会议
  date: 2025-01
units:
  - name: 浦东新区区委
    achievements: [新建街区党组织202个]
`;

/** Every problem of a brief, formatted as the CLI prints it. */
function problems(text: string): string[] {
  try {
    parseBrief(text, 'b.yaml');
  } catch (e) {
    if (e instanceof BriefdeckError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected the brief to be refused');
}

describe('parseBrief', () => {
  it('accepts a minimal brief and applies defaults', () => {
    const { brief } = parseBrief(GOOD, 'b.yaml');
    expect(brief.lang).toBe('zh-CN');
    expect(brief.meeting.date).toBe('2025-01');
    expect(brief.units[0]!.shortcomings).toEqual([]);
    expect(brief.units[0]!.notes).toContain('新建街区党组织202个');
    expect(brief.directives).toEqual([]);
  });

  it('normalises unit directives given as text or { text, by }, trimming text', () => {
    const { brief } = parseBrief(
      GOOD + '    directives:\n      - "  着力抓牢安全生产  "\n      - { text: 维护社会稳定, by: 龚正 }\n',
      'b.yaml',
    );
    expect(brief.units[0]!.directives).toEqual([{ text: '着力抓牢安全生产' }, { text: '维护社会稳定', by: '龚正' }]);
  });

  it('keeps & < > quotes and emoji exactly as written', () => {
    const { brief } = parseBrief(GOOD.replace('新建街区党组织202个', '"R&D <Q1> \\"x\\" 🎉 ok"'), 'b.yaml');
    expect(brief.units[0]!.achievements[0]).toBe('R&D <Q1> "x" 🎉 ok');
  });

  it('accepts full dates and year-month dates, refuses dates that do not exist', () => {
    expect(parseBrief(GOOD.replace('2025-01', '2024-02-29'), 'b.yaml').brief.meeting.date).toBe('2024-02-29');
    expect(problems(GOOD.replace('2025-01', '2025-02-29'))).toEqual([
      'b.yaml:3:9: meeting.date: this date does not exist',
    ]);
    expect(problems(GOOD.replace('2025-01', '2025-13'))).toEqual([
      'b.yaml:3:9: meeting.date: this date does not exist',
    ]);
    expect(problems(GOOD.replace('2025-01', '2025/01/06'))[0]).toMatch(
      /^b\.yaml:3:9: meeting\.date: expected a date as YYYY-MM-DD/,
    );
  });

  // Ten and more kinds of mistake, each with its position and path.
  const cases: Array<[string, string, RegExp]> = [
    [
      'misspelt top-level key',
      GOOD + 'directivs: []\n',
      /^b\.yaml:7:1: directivs: unknown key "directivs"; did you mean "directives"\?$/,
    ],
    [
      'misspelt unit key',
      GOOD.replace('achievements', 'achievments'),
      /^b\.yaml:6:5: units\[0\]\.achievments: unknown key "achievments"; did you mean "achievements"\?$/,
    ],
    [
      'misspelt meeting key',
      GOOD.replace('title:', 'titel:'),
      /b\.yaml:2:3: meeting\.titel: unknown key "titel"; did you mean "title"\?/,
    ],
    [
      'missing title',
      GOOD.replace('  title: 市委季度工作会议\n', ''),
      /^b\.yaml:2:3: meeting\.title: missing required key "title"$/,
    ],
    ['missing units', GOOD.slice(0, GOOD.indexOf('units:')), /^b\.yaml:1:1: units: missing required key "units"$/],
    [
      'empty units',
      GOOD.slice(0, GOOD.indexOf('units:')) + 'units: []\n',
      /^b\.yaml:4:8: units: a brief needs at least one unit$/,
    ],
    [
      'text where a list belongs',
      GOOD + '    shortcomings: 全面从严治党\n',
      /^b\.yaml:7:19: units\[0\]\.shortcomings: expected a list of shortcomings, got text "全面从严治党"$/,
    ],
    [
      'number where text belongs',
      GOOD.replace('新建街区党组织202个', '202'),
      /^b\.yaml:6:20: units\[0\]\.achievements\[0\]: expected an achievement, got number 202 \(put it in quotes/,
    ],
    [
      'empty text',
      GOOD.replace('新建街区党组织202个', '"  "'),
      /^b\.yaml:6:20: units\[0\]\.achievements\[0\]: an achievement is empty$/,
    ],
    [
      'null unit name',
      GOOD.replace('name: 浦东新区区委', 'name:'),
      /^b\.yaml:5:\d+: units\[0\]\.name: expected a unit name, got nothing \(null\)$/,
    ],
    ['unknown language', 'lang: fr\n' + GOOD, /^b\.yaml:1:7: lang: expected zh-CN or en$/],
    [
      'directive of the wrong kind',
      GOOD + '    directives: [5]\n',
      /^b\.yaml:7:18: units\[0\]\.directives\[0\]: expected a directive or a mapping \{ text, by \}, got number 5/,
    ],
    [
      'misspelt directive key',
      GOOD + '    directives: [{ txt: 着力 }]\n',
      /units\[0\]\.directives\[0\]\.txt: unknown key "txt"; did you mean "text"\?/,
    ],
    [
      'leader without points',
      GOOD + 'directives:\n  - speaker: 龚正\n    points: []\n',
      /^b\.yaml:9:13: directives\[0\]\.points: a leader needs at least one point$/,
    ],
    ['YAML syntax error', GOOD + 'units: [\n', /^b\.yaml:\d+:\d+: /],
    [
      'tab indentation',
      'meeting:\n\ttitle: x\n',
      /^b\.yaml:2:1: a tab used for indentation: YAML needs spaces; replace the tab with two spaces$/,
    ],
    ['duplicate key', GOOD + 'meeting: {}\n', /^b\.yaml:7:1: this key appears twice in the same mapping; keep one$/],
    [
      'custom tag',
      GOOD + 'theme: !!js/function "function(){}"\n',
      /^b\.yaml:7:8: unknown tag !!js\/function; tags are not allowed/,
    ],
    [
      'top-level list',
      '- a\n- b\n',
      /^b\.yaml:1:1: a brief is a mapping with meeting and units at the top, not a list$/,
    ],
    ['top-level scalar', 'hello\n', /^b\.yaml:1:1: a brief is a mapping .* not a single value$/],
    ['empty file', '', /^b\.yaml:1:1: the brief is empty/],
  ];
  for (const [name, text, expected] of cases) {
    it(`reports ${name} with file:line:column`, () => {
      const got = problems(text);
      expect(
        got.some((p) => expected.test(p)),
        got.join('\n'),
      ).toBe(true);
    });
  }

  it('reports every problem at once, in file order', () => {
    const got = problems(
      'lang: fr\nmeeting:\n  titel: x\n  date: 2025-02-30\nunits:\n  - name: a\n    achievments: [x]\n',
    );
    expect(got).toEqual([
      'b.yaml:1:7: lang: expected zh-CN or en',
      'b.yaml:3:3: meeting.title: missing required key "title"',
      'b.yaml:3:3: meeting.titel: unknown key "titel"; did you mean "title"?',
      'b.yaml:4:9: meeting.date: this date does not exist',
      'b.yaml:7:5: units[0].achievments: unknown key "achievments"; did you mean "achievements"?',
    ]);
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const bomb =
      [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        ...'bcdefgh'.split('').map(
          (k, i) =>
            `${k}: &${k} [${Array(9)
              .fill('*' + 'abcdefgh'[i])
              .join(',')}]`,
        ),
      ].join('\n') + '\n';
    const t0 = Date.now();
    expect(problems(bomb)[0]).toMatch(/too many YAML aliases/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('removes characters XML forbids, with a positioned warning', () => {
    const { brief, warnings } = parseBrief(GOOD.replace('新建街区党组织202个', '"新建\\u0001街区"'), 'b.yaml');
    expect(brief.units[0]!.achievements[0]).toBe('新建街区');
    expect(warnings.map(formatProblem)).toEqual(['b.yaml:6:20: removed 1 control character that a deck cannot hold']);
  });
});

describe('loadBrief', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-load-'));
  it('reads a file and names it in messages', () => {
    const f = join(dir, 'x.yaml');
    writeFileSync(f, GOOD.replace('title:', 'titel:'));
    expect(() => loadBrief(f)).toThrow(`${f}:2:3: meeting.titel: unknown key "titel"; did you mean "title"?`);
  });
  it('refuses invalid UTF-8 with its position', () => {
    const f = join(dir, 'latin1.yaml');
    writeFileSync(
      f,
      Buffer.concat([Buffer.from('meeting:\n  title: '), Buffer.from([0xc9, 0x74, 0xe9]), Buffer.from('\n')]),
    );
    expect(() => loadBrief(f)).toThrow(`${f}:2:10: invalid UTF-8: save the file as UTF-8 text`);
  });
  it('refuses binary data', () => {
    const f = join(dir, 'bin.yaml');
    writeFileSync(f, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(() => loadBrief(f)).toThrow(/this is binary data, not a text file/);
  });
  it('refuses a file over the size limit, naming the limit', () => {
    const f = join(dir, 'big.yaml');
    writeFileSync(f, GOOD + '#' + 'x'.repeat(6 * 1024 * 1024) + '\n');
    expect(() => loadBrief(f)).toThrow(/the limit for a brief is 5 MB/);
  });
  it('says when the file does not exist', () => {
    expect(() => loadBrief(join(dir, 'nope.yaml'))).toThrow(/cannot read brief: no such file/);
  });
  it('loads the sample brief: seven units in speaking order, two leaders', () => {
    const { brief, warnings } = loadBrief('briefs/2025-01-shanghai-quarterly.yaml');
    expect(warnings).toEqual([]);
    expect(brief.units.map((u) => u.name)).toEqual([
      '浦东新区区委',
      '金山区委',
      '青浦区委',
      '崇明区委',
      '市公安局',
      '市司法局',
      '市应急管理局',
    ]);
    expect(brief.units.map((u) => u.shortcomings.length)).toEqual([3, 3, 3, 3, 2, 3, 3]);
    expect(brief.directives.map((d) => d.speaker)).toEqual(['陈吉宁', '龚正']);
    expect(brief.meeting.date).toBe('2025-01');
    expect(brief.meeting.chair).toEqual({ name: '陈吉宁', role: '市委书记' });
    for (const u of brief.units) expect(u.directives.length).toBeGreaterThan(0);
  });
});

describe('text that would not read well on a slide', () => {
  it('joins the lines of an item written over several lines: nothing between Chinese, a space between words', () => {
    const { brief } = parseBrief(
      GOOD.replace(
        'achievements: [新建街区党组织202个]',
        'achievements:\n      - |\n        新建街区\n        党组织202个\n      - "Built\\n   202 parks"',
      ),
      'b.yaml',
    );
    expect(brief.units[0]!.achievements).toEqual(['新建街区党组织202个', 'Built 202 parks']);
  });
  it('refuses text with nothing visible in it', () => {
    expect(problems(GOOD.replace('name: 浦东新区区委', 'name: "\\u200b\\u200b "'))).toEqual([
      'b.yaml:5:11: units[0].name: a unit name is empty',
    ]);
  });
  it('refuses a unit name too long to be a slide title', () => {
    expect(problems(GOOD.replace('name: 浦东新区区委', `name: ${'长'.repeat(101)}`))[0]).toMatch(
      /^b\.yaml:5:11: units\[0\]\.name: a unit name is longer than 100 characters; it is set as a title or label, so keep it short \(put details in the items\)$/,
    );
    expect(
      problems(GOOD + 'directives:\n  - speaker: 龚正\n    topic: ' + '题'.repeat(81) + '\n    points: [x]\n')[0],
    ).toMatch(/directives\[0\]\.topic: a topic is longer than 80 characters/);
  });
});
