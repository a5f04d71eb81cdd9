/**
 * The messages a secretary meets most, in English and in Chinese: one representative of each
 * group (brief validation, build and validate output, draft, files and themes), as exact text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { encode } from '../helpers/report-files.js';

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-messages-'));

function file(name: string, text: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('brief validation, in both languages', () => {
  const f = file(
    'types.yaml',
    'meeting:\n  title: 2025\n  date: 2025-01-06\nunits:\n  - name: 甲\n    directives: [5]\n    achievements: {a: 1}\ndirectives:\n  - speaker: 王\n    points: []\n',
  );
  const lines = (lang: 'en' | 'zh-CN') => [
    {
      en: `error: ${f}:2:10: meeting.title: expected a title, got number 2025 (put it in quotes to keep it as written)`,
      'zh-CN': `错误：${f}:2:10: meeting.title: 应为标题，实际为数字 2025；请给数字加上引号："2025"`,
    }[lang],
    {
      en: `error: ${f}:6:18: units[0].directives[0]: expected a directive or a mapping { text, by }, got number 5 (put it in quotes to keep it as written)`,
      'zh-CN': `错误：${f}:6:18: units[0].directives[0]: 应为指示或键值对 { text, by }，实际为数字 5；请给数字加上引号："5"`,
    }[lang],
    {
      en: `error: ${f}:7:19: units[0].achievements: expected a list of achievements, got a mapping`,
      'zh-CN': `错误：${f}:7:19: units[0].achievements: 应为成绩列表，实际为键值对`,
    }[lang],
    {
      en: `error: ${f}:10:13: directives[0].points: a leader needs at least one point`,
      'zh-CN': `错误：${f}:10:13: directives[0].points: 每位领导至少要有一条要点`,
    }[lang],
  ];
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`words wrong types and an empty list of points in ${lang}`, async () => {
      const { code, err } = await cli('validate', f, '--lang', lang);
      expect(code).toBe(1);
      for (const line of lines(lang)) expect(err.split('\n')).toContain(line);
    });
  }

  it('words a title over its length limit in Chinese', async () => {
    const long = file(
      'long.yaml',
      `meeting:\n  title: ${'长'.repeat(101)}\n  date: 2025-01-06\nunits:\n  - name: 甲\n    achievements: [a]\n`,
    );
    const { err } = await cli('validate', long, '--lang', 'zh-CN');
    expect(err).toContain(
      `错误：${long}:2:10: meeting.title: 标题超过 100 个字；它会作为标题或标签显示，请写短一些（详细内容写在条目里）`,
    );
  });
});

describe('build and validate output, in both languages', () => {
  const f = file(
    'unconfirmed.yaml',
    'meeting:\n  title: 会\n  date: 2025-01-06\nunits:\n  - name: 乙\n    achievements: ["a\\x01b"]\n    directives:\n      - { text: 要加强, suggested: true }\n      - { text: 要落实, by: 王, suggested: true }\n',
  );
  const expected = {
    en: [
      `${f}: ok (1 units, 0 leaders)`,
      `warning: ${f}:6:20: removed 1 control character that a deck cannot hold`,
      `warning: ${f}:8:9: units[0].directives: 乙: 2 suggested directives not yet confirmed (delete \`suggested: true\` to confirm, or the directive to leave it out):\n  - line 8: 要加强\n  - line 9: 要落实（王）`,
    ],
    'zh-CN': [
      `${f}: 检查通过（1 个单位，0 位领导）`,
      `警告：${f}:6:20: 已删除 1 个演示文稿无法容纳的控制字符`,
      `警告：${f}:8:9: units[0].directives: 乙：有 2 条建议的指示尚未确认（删除 \`suggested: true\` 即确认，不采用则删除该指示）：\n  - 第 8 行：要加强\n  - 第 9 行：要落实（王）`,
    ],
  };
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`words validate's ok line and its warnings in ${lang}`, async () => {
      const { code, out, err } = await cli('validate', f, '--lang', lang);
      expect(code).toBe(0);
      expect(out).toBe(expected[lang][0]);
      expect(err).toContain(expected[lang][1]);
      expect(err).toContain(expected[lang][2]);
    });
  }

  it("words build's batch summary and fit lines in Chinese", async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefdeck-messages-out-'));
    const { out: text } = await cli(
      'build',
      f,
      'briefs/2025-01-shanghai-quarterly.yaml',
      '--out',
      out,
      '--lang',
      'zh-CN',
    );
    const lines = text.split('\n');
    expect(lines).toContain(`  领导指示页：正文 16→13 pt，统一字号（陈吉宁需要 13 pt）`);
    expect(lines.at(-1)).toMatch(/^已生成 2 份演示文稿，用时 \d+(\.\d)? m?s$/);
  });
});

describe("draft's messages, in both languages", () => {
  const report = file('no-title.txt', '今天天气很好。\n大家都来了。\n');
  const expected = {
    en: [
      `error: ${report}: found no meeting title (such as 市委季度工作会议) in the report: write it in meeting.title; every paragraph of the report is kept in the draft, as data or as a comment`,
      `error: ${report}: the report gives no meeting date: pass --date 2025-01-06 (or --date 2025-01), or write it in meeting.date`,
    ],
    'zh-CN': [
      `错误：${report}: 报道中没有找到会议名称（如“市委季度工作会议”）：请填写 meeting.title；报道的每一段都已保留在草稿中（作为数据或注释）`,
      `错误：${report}: 报道中没有会议日期：请加上 --date 2025-01-06（或 --date 2025-01），或填写 meeting.date`,
    ],
  };
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`says what a draft lacks in ${lang}`, async () => {
      const { code, err } = await cli('draft', report, '--lang', lang);
      expect(code).toBe(1);
      for (const line of expected[lang]) expect(err.split('\n')).toContain(line);
    });
  }

  it('says a report was read as GB18030 in Chinese', async () => {
    const gbk = file('gbk.txt', encode('今天天气很好。\n', 'gb18030'));
    const { err } = await cli('draft', gbk, '--lang', 'zh-CN');
    expect(err.split('\n')[0]).toBe(`提示：${gbk}: 已按 GB18030 (GBK) 编码读取（不是 UTF-8）`);
  });
});

describe('file errors, in both languages', () => {
  it.skipIf(process.platform === 'win32')('refuses a named pipe in en and zh-CN', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect((await cli('validate', fifo, '--lang', 'en')).err).toBe(
      `error: ${fifo}: is a named pipe (FIFO), not a file; a brief is read from a file`,
    );
    expect((await cli('validate', fifo, '--lang', 'zh-CN')).err).toBe(
      `错误：${fifo}: 这是命名管道（FIFO），不是文件；简报只能从文件读取`,
    );
  });
});
