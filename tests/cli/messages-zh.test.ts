/**
 * The messages a secretary meets most, in English and in Chinese: one representative of each
 * group (brief validation, build and validate output, draft, files and themes), as exact text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-messages-'));

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
