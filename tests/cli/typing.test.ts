/**
 * The mistakes a secretary makes typing a brief or a theme by hand: each gives one message, at its
 * line and column, in English and in Chinese (by --lang or by the locale).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const SAMPLE = 'briefs/2025-01-shanghai-quarterly.yaml';
const dir = mkdtempSync(join(tmpdir(), 'briefdeck-typing-'));

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const brief = (meeting: string, items = '      - 第一\n') =>
  `meeting:\n${meeting}units:\n  - name: 甲\n    achievements:\n${items}`;

interface Case {
  name: string;
  file: string;
  text: string;
  /** A theme, checked with the sample brief. */
  theme?: boolean;
  en: string;
  zh: string;
}

const CASES: Case[] = [
  {
    name: 'a full-width colon',
    file: 'colon.yaml',
    text: brief('  title：会议\n  date: 2025-01-06\n'),
    en: 'error: {f}:2:8: a full-width colon ： after title: write a half-width colon : followed by a space',
    zh: '错误：{f}:2:8: title 后面是全角冒号“：”：请改为半角冒号“:”，后面加一个空格',
  },
  {
    name: 'full-width spaces for indentation',
    file: 'wide-space.yaml',
    text: brief('\u3000\u3000title: 会议\n  date: 2025-01-06\n'),
    en: 'error: {f}:2:1: a full-width space (U+3000) used for indentation: indent with ordinary half-width spaces',
    zh: '错误：{f}:2:1: 缩进用了全角空格（U+3000）：请改用半角空格缩进',
  },
  {
    name: 'a tab for indentation (one message, not a cascade)',
    file: 'tab.yaml',
    text: brief(
      '  title: 会议\n  date: 2025-01-06\n',
      '\t- 第一\n    shortcomings: [a]\n  - name: 乙\n    achievements: [x]\n',
    ),
    en: 'error: {f}:7:1: a tab used for indentation: YAML needs spaces; replace the tab with two spaces',
    zh: '错误：{f}:7:1: 缩进用了制表符（Tab）：YAML 只能用空格缩进；请把 Tab 换成两个空格',
  },
  {
    name: 'a full-width dash as a list marker',
    file: 'wide-dash.yaml',
    text: brief('  title: 会议\n  date: 2025-01-06\n', '      － 第一\n      - 第二\n'),
    en: 'error: {f}:7:7: a full-width dash － starts this list item: write a half-width - followed by a space (- 第一)',
    zh: '错误：{f}:7:7: 列表项用了全角“－”：请改为半角“-”，后面加一个空格（- 第一）',
  },
  {
    name: '-item with no space after the dash',
    file: 'no-space.yaml',
    text: brief('  title: 会议\n  date: 2025-01-06\n', '      -第一\n      - 第二\n'),
    en: 'error: {f}:7:7: no space after the - of this list item: write - 第一',
    zh: '错误：{f}:7:7: 列表项的“-”后面没有空格：请写成 - 第一',
  },
  {
    name: 'a value in Chinese quotes (a warning: the deck is still made)',
    file: 'quotes.yaml',
    text: brief('  title: 会议\n  date: 2025-01-06\n  chair:\n    name: “陈吉宁”\n'),
    en: 'warning: {f}:5:11: the value “陈吉宁” is in Chinese quotes, which will appear on the slide; to show 陈吉宁, write it without them (陈吉宁) or with half-width quotes ("陈吉宁")',
    zh: '警告：{f}:5:11: “陈吉宁” 带有中文引号，引号会显示在幻灯片上；如果只想显示 陈吉宁，请去掉引号（陈吉宁），或改用半角引号（"陈吉宁"）',
  },
  {
    name: 'a date written 2025年1月6日',
    file: 'date.yaml',
    text: brief('  title: 会议\n  date: 2025年1月6日\n'),
    en: 'error: {f}:3:9: meeting.date: write the date 2025年1月6日 as 2025-01-06 (YYYY-MM-DD)',
    zh: '错误：{f}:3:9: meeting.date: 日期 2025年1月6日 请写成 2025-01-06（YYYY-MM-DD 格式）',
  },
  {
    name: 'a # colour unquoted in a theme',
    file: 'hash.yaml',
    theme: true,
    text: 'extends: default\ncolors:\n  primary: #A50F15\n',
    en: 'error: {f}:3:12: # starts a comment, so primary is empty: write the colour in quotes: primary: "#A50F15"',
    zh: '错误：{f}:3:12: # 在 YAML 中表示注释，所以 primary 的值为空：请给颜色加上引号：primary: "#A50F15"',
  },
  {
    name: 'an unclosed {{ in a template',
    file: 'unclosed.yaml',
    theme: true,
    text: 'extends: default\ntemplates:\n  footer: "{{meeting.title}} {{meeting.date"\n',
    en: 'error: {f}:3:30: templates.footer: the {{ at column 19 of the template ({{meeting.date) is not closed: add }}',
    zh: '错误：{f}:3:30: templates.footer: 模板第 19 列的 {{（{{meeting.date）没有闭合：请补上 }}',
  },
  {
    name: 'a misspelt template variable (a warning)',
    file: 'organiser.yaml',
    theme: true,
    text: 'extends: default\ntemplates:\n  footer: "{{meeting.title}} {{meeting.organiser}}"\n',
    en: 'warning: {f}:3:32: templates.footer: {{meeting.organiser}} is not a template variable and prints nothing: did you mean meeting.organizer?',
    zh: '警告：{f}:3:32: templates.footer: {{meeting.organiser}} 不是模板变量，不会显示任何内容：是不是想写 meeting.organizer？',
  },
];

describe('typing mistakes: one message each, at its line and column, in both languages', () => {
  afterEach(() => vi.unstubAllEnvs());

  for (const c of CASES) {
    const f = file(c.file, c.text);
    const args = c.theme ? ['validate', '--theme', f, SAMPLE] : ['validate', f];
    const warning = c.en.startsWith('warning');
    const check = (r: { code: number; err: string }, expected: string) => {
      expect(r.err).toBe(expected.replace('{f}', f));
      expect(r.code).toBe(warning ? 0 : 1);
    };

    it(`${c.name}: English by default and with --lang en`, async () => {
      vi.stubEnv('LC_ALL', '');
      vi.stubEnv('LC_MESSAGES', '');
      vi.stubEnv('LANG', 'en_US.UTF-8');
      check(await cli(...args), c.en);
      vi.stubEnv('LANG', 'zh_CN.UTF-8');
      check(await cli('--lang', 'en', ...args), c.en);
    });

    it(`${c.name}: Chinese with --lang zh-CN and with a Chinese locale`, async () => {
      vi.stubEnv('LC_ALL', '');
      vi.stubEnv('LC_MESSAGES', '');
      vi.stubEnv('LANG', 'C');
      check(await cli('--lang', 'zh-CN', ...args), c.zh);
      vi.stubEnv('LANG', 'zh_CN.UTF-8');
      check(await cli(...args), c.zh);
    });
  }

  it('LC_ALL decides before LANG, and LC_MESSAGES before LANG', async () => {
    const f = file('colon2.yaml', brief('  title：会议\n  date: 2025-01-06\n'));
    vi.stubEnv('LANG', 'en_US.UTF-8');
    vi.stubEnv('LC_MESSAGES', 'zh_CN.UTF-8');
    vi.stubEnv('LC_ALL', '');
    expect((await cli('validate', f)).err).toMatch(/^错误：/);
    vi.stubEnv('LC_ALL', 'en_US.UTF-8');
    expect((await cli('validate', f)).err).toMatch(/^error: /);
  });

  it('the usage line, and a --lang it does not speak', async () => {
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    const r = await cli('biuld');
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：无法识别的选项：biuld\n用法见 "briefdeck --help"。');
    const bad = await cli('--lang', 'fr', 'validate');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('错误：--lang 只能是 zh-CN 或 en，不能是“fr”\n用法见 "briefdeck --help"。');
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LANG', 'en_US.UTF-8');
    expect((await cli('biuld')).err).toBe('error: Unknown argument: biuld\nRun "briefdeck --help" for usage.');
  });

  it('file errors and brief validation in Chinese', async () => {
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    const missing = join(dir, 'nope.yaml');
    expect((await cli('validate', missing)).err).toBe(`错误：${missing}: 文件或文件夹不存在`);
    const bad = file('bad.yaml', 'meeting:\n  titel: 会议\n  date: 2025-01-06\nunits:\n  - name: 甲\n');
    expect((await cli('validate', bad)).err).toBe(
      [
        `错误：${bad}:2:3: meeting.title: 缺少必填项“title”`,
        `错误：${bad}:2:3: meeting.titel: 未知的键“titel”；是不是想写“title”？`,
      ].join('\n'),
    );
    const latin1 = join(dir, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from([0x74, 0x3a, 0x20, 0xe9, 0x0a]));
    expect((await cli('validate', latin1)).err).toBe(
      `错误：${latin1}:1:4: 不是有效的 UTF-8 文本：请将文件另存为 UTF-8 编码`,
    );
  });
});
