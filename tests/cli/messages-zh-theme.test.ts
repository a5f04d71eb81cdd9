/**
 * Theme messages in English and in Chinese, as exact text: the schema's types, sizes and lengths,
 * `extends` cycles and names, files outside the folder, images, the template file, and template
 * refusals.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const root = mkdtempSync(join(tmpdir(), 'briefdeck-theme-messages-'));
const dir = join(root, 'brief');
mkdirSync(dir);
writeFileSync(join(root, 'outside.yaml'), 'description: x\n');

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

const brief = (name: string, theme: string) =>
  file(
    name,
    `meeting:\n  title: 会议\n  date: 2025-01-06\ntheme: ${theme}\nunits:\n  - name: 甲\n    achievements: [好]\n`,
  );

async function errors(b: string, lang: 'en' | 'zh-CN'): Promise<string[]> {
  const io = bufferIO();
  const code = await run(['validate', b, '--lang', lang], io);
  expect(code).toBe(1);
  return io.stderr.join('\n').split('\n');
}

const LONG = '一二三四五六七八九十'.repeat(4) + '一';

describe('theme schema messages, in both languages', () => {
  const t = file(
    'schema.yaml',
    `sizes:\n  title: 3\n  body: "big"\n  minimum: 8\ncolors:\n  primary: 5\nlabels:\n  zh-CN:\n    overview: ${LONG}\n`,
  );
  const b = brief('schema-brief.yaml', './schema.yaml');
  const expected = {
    en: [
      `error: ${t}:2:10: sizes.title: the title size must be at least 6 pt`,
      `error: ${t}:3:9: sizes.body: expected a size in points, got text "big"`,
      `error: ${t}:4:12: sizes.minimum: the minimum size cannot be below 10 pt: text under that cannot be read in a meeting room`,
      `error: ${t}:6:12: colors.primary: expected a colour as #RRGGBB, got number 5`,
      `error: ${t}:9:15: labels.zh-CN.overview: a label is at most 40 characters: it is set as a heading`,
    ],
    'zh-CN': [
      `错误：${t}:2:10: sizes.title: 标题字号至少为 6 磅`,
      `错误：${t}:3:9: sizes.body: 字号应为磅数，实际为文字“big”`,
      `错误：${t}:4:12: sizes.minimum: 最小字号不能小于 10 磅：再小在会议室里就看不清了`,
      `错误：${t}:6:12: colors.primary: 颜色应写成 #RRGGBB，实际为数字 5`,
      `错误：${t}:9:15: labels.zh-CN.overview: 标签最多 40 个字：它会作为小标题显示`,
    ],
  };
  for (const lang of ['en', 'zh-CN'] as const)
    it(`words wrong types, sizes and a long label in ${lang}`, async () => {
      const err = await errors(b, lang);
      for (const line of expected[lang]) expect(err).toContain(line);
    });
});

describe('theme files, extends and templates, in both languages', () => {
  const t = file(
    'files.yaml',
    [
      'images:',
      '  logo: ./nologo.png',
      '  background: ../bg.png',
      'template: ./x.docx',
      'templates:',
      '  footer: "{{log meeting.title}}"',
      '  slideNumber: "{{#if a b}}x{{/if}}"',
      '  unitTitle: "{{lookup labels}}"',
      '  leaderTitle: "ab\\n{{> p}}"',
      '',
    ].join('\n'),
  );
  const cycleA = file('a.yaml', 'extends: ./b.yaml\n');
  const cycleB = file('b.yaml', 'extends: ./a.yaml\n');
  const typo = file('typo.yaml', 'extends: defualt\n');
  const chain = [cycleA, cycleB, cycleA].map((f) => relative(process.cwd(), f)).join(' → ');
  const cases = [
    {
      name: 'images, the template file and template refusals',
      brief: brief('files-brief.yaml', './files.yaml'),
      en: [
        `error: ${t}:2:9: images.logo: image ./nologo.png: no such file`,
        `error: ${t}:3:15: images.background: ../bg.png is outside this theme's folder; keep images beside the theme (or pass --allow-outside-files)`,
        `error: ${t}:4:11: template: template ./x.docx: expected a PowerPoint template, .potx or .pptx`,
        `error: ${t}:6:11: templates.footer: {{log}} writes to the terminal, not to the slide: remove it (column 1 of the template)`,
        `error: ${t}:7:16: templates.slideNumber: {{#if}} needs exactly one value, e.g. {{#if meeting.subtitle}}…{{/if}} (column 1 of the template)`,
        `error: ${t}:8:14: templates.unitTitle: {{lookup}} needs an object and a key, e.g. {{lookup labels "chair"}} (column 1 of the template)`,
        `error: ${t}:9:16: templates.leaderTitle: a theme template cannot include another template ({{> …}}): write its text out (line 2, column 1 of the template)`,
      ],
      'zh-CN': [
        `错误：${t}:2:9: images.logo: 图片 ./nologo.png：文件不存在`,
        `错误：${t}:3:15: images.background: ../bg.png 不在本主题所在的文件夹内；请把图片放在主题文件旁边（或加上 --allow-outside-files）`,
        `错误：${t}:4:11: template: 模板 ./x.docx：应为 PowerPoint 模板（.potx 或 .pptx）`,
        `错误：${t}:6:11: templates.footer: {{log}} 只会输出到终端，不会显示在幻灯片上：请删除它（模板第 1 列）`,
        `错误：${t}:7:16: templates.slideNumber: {{#if}} 需要且只需要一个值，例如 {{#if meeting.subtitle}}…{{/if}}（模板第 1 列）`,
        `错误：${t}:8:14: templates.unitTitle: {{lookup}} 需要一个对象和一个键，例如 {{lookup labels "chair"}}（模板第 1 列）`,
        `错误：${t}:9:16: templates.leaderTitle: 主题模板不能引用其他模板（{{> …}}）：请直接写出其中的文字（模板第 2 行第 1 列）`,
      ],
    },
    {
      name: 'an extends cycle',
      brief: brief('cycle-brief.yaml', './a.yaml'),
      en: [`error: ${cycleB}:1:10: extends: extends makes a cycle: ${chain}`],
      'zh-CN': [`错误：${cycleB}:1:10: extends: extends 形成了循环：${chain}；请去掉其中一处 extends`],
    },
    {
      name: 'an unknown built-in theme in extends',
      brief: brief('typo-brief.yaml', './typo.yaml'),
      en: [
        `error: ${typo}:1:10: extends: unknown built-in theme "defualt"; did you mean "default"?; to extend a file, write its path (./base.yaml)`,
      ],
      'zh-CN': [
        `错误：${typo}:1:10: extends: 没有名为“defualt”的内置主题；是不是想写“default”？要继承一个文件，请写出它的路径（./base.yaml）`,
      ],
    },
    {
      name: "a theme outside the brief's folder",
      brief: brief('outside-brief.yaml', '../outside.yaml'),
      en: [
        `error: ${join(dir, 'outside-brief.yaml')}:4:8: theme: theme ../outside.yaml is outside the brief's folder; move it next to the brief, or pass --allow-outside-files`,
      ],
      'zh-CN': [
        `错误：${join(dir, 'outside-brief.yaml')}:4:8: theme: 主题 ../outside.yaml 不在简报所在的文件夹内；请把它移到简报旁边，或加上 --allow-outside-files`,
      ],
    },
  ];
  for (const c of cases)
    for (const lang of ['en', 'zh-CN'] as const)
      it(`words ${c.name} in ${lang}`, async () => {
        const err = await errors(c.brief, lang);
        for (const line of c[lang]) expect(err).toContain(line);
      });
});
