/**
 * draft's refusals in English and in Chinese, as exact text: reports it cannot read (PDF, RTF,
 * web archives, .wps, .doc, a protected .docx, a damaged zip, a page with no article, empty
 * files) and its options (`--date`, `--out`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-draft-messages-'));
function file(name: string, bytes: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const report = file('r.txt', '会议\n');
file('exists.yaml', 'x: 1\n');
file('blockfile', 'x');

const SAVE_EN =
  'open it in Word or WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文档 (*.docx)” or “纯文本 (*.txt)”';
const SAVE_ZH = '请用 Word 或 WPS 打开，另存为 .docx 或纯文本：文件 → 另存为 → “Word 文档 (*.docx)”或“纯文本 (*.txt)”';
const PDF_EN =
  'which briefdeck cannot read; open it in Word (it converts the PDF) or WPS and save it as .docx: 文件 → 另存为 → “Word 文档 (*.docx)”, or copy its text (Ctrl+A, Ctrl+C) into a .txt file';
const PDF_ZH =
  'briefdeck 无法读取；请用 Word（会自动转换 PDF）或 WPS 打开，另存为 .docx：文件 → 另存为 → “Word 文档 (*.docx)”，或把文字（Ctrl+A、Ctrl+C）复制到 .txt 文件中';

const cases: Array<{ name: string; argv: string[]; en: string; 'zh-CN': string }> = [
  {
    name: 'an empty file',
    argv: [file('empty.txt', '')],
    en: 'the file is empty (0 bytes): there is no report in it',
    'zh-CN': '文件是空的（0 字节）：里面没有报道',
  },
  {
    name: 'a file with no text',
    argv: [file('blank.txt', '  \n')],
    en: 'has no text: there is no report in it',
    'zh-CN': '没有文字：里面没有报道',
  },
  {
    name: 'a PDF',
    argv: [file('a.pdf', '%PDF-1.4 x')],
    en: `this is a PDF, ${PDF_EN}`,
    'zh-CN': `这是 PDF 文件，${PDF_ZH}`,
  },
  {
    name: 'a PDF named .docx',
    argv: [file('pdf.docx', '%PDF-1.4 x')],
    en: `this is a PDF with a .docx name, ${PDF_EN}`,
    'zh-CN': `这是扩展名为 .docx 的 PDF 文件，${PDF_ZH}`,
  },
  {
    name: 'an RTF document',
    argv: [file('c.rtf', '{\\rtf1 x}')],
    en: `this is an RTF document, which briefdeck cannot read; ${SAVE_EN}`,
    'zh-CN': `这是 RTF 文档，briefdeck 无法读取；${SAVE_ZH}`,
  },
  {
    name: 'a web archive',
    argv: [file('d.mht', 'MIME-Version: 1.0\n')],
    en: 'this is a web archive (.mht/.mhtml), which briefdeck cannot read; open it in the browser and save it as a web page, HTML only (网页，仅 HTML, .html), or copy the article into a .txt file',
    'zh-CN':
      '这是网页归档文件（.mht/.mhtml），briefdeck 无法读取；请在浏览器中打开，另存为“网页，仅 HTML”（.html），或把文章复制到 .txt 文件中',
  },
  {
    name: 'a .wps document',
    argv: [file('e.wps', OLE)],
    en: 'this is a WPS document (.wps), which briefdeck cannot read; open it in WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文件 (*.docx)” or “纯文本文件 (*.txt)”',
    'zh-CN':
      '这是 WPS 文档（.wps），briefdeck 无法读取；请用 WPS 打开，另存为 .docx 或纯文本：文件 → 另存为 → “Word 文件 (*.docx)”或“纯文本文件 (*.txt)”',
  },
  {
    name: 'a .doc document',
    argv: [file('f.doc', OLE)],
    en: `this is a Word 97-2003 document (.doc), which briefdeck cannot read; ${SAVE_EN}`,
    'zh-CN': `这是 Word 97-2003 文档（.doc），briefdeck 无法读取；${SAVE_ZH}`,
  },
  {
    name: 'a .doc named .txt',
    argv: [file('h.txt', OLE)],
    en: `this is a Word 97-2003 document (.doc) with a .txt name, which briefdeck cannot read; ${SAVE_EN}`,
    'zh-CN': `这是扩展名为 .txt 的 Word 97-2003 文档（.doc），briefdeck 无法读取；${SAVE_ZH}`,
  },
  {
    name: 'a protected .docx',
    argv: [file('g.docx', OLE)],
    en: 'this Word file is password-protected or in the old .doc format, which briefdeck cannot read; open it in Word or WPS, remove any password and save it as .docx (文件 → 另存为 → “Word 文档 (*.docx)”) or as plain text (“纯文本 (*.txt)”)',
    'zh-CN':
      '这个 Word 文件设有密码，或是旧的 .doc 格式，briefdeck 无法读取；请用 Word 或 WPS 打开，去掉密码，另存为 .docx（文件 → 另存为 → “Word 文档 (*.docx)”）或纯文本（“纯文本 (*.txt)”）',
  },
  {
    name: 'a page with no article',
    argv: [file('i.html', '<html><body><nav><a href="x">首页</a></nav></body></html>')],
    en: 'found no article in this web page, only menus and links; open the page in the browser, select the text of the report, copy it into a .txt file and draft from that',
    'zh-CN':
      '这个网页里没有找到文章，只有菜单和链接；请在浏览器中打开网页，选中报道正文，复制到 .txt 文件中，再用它生成草稿',
  },
  {
    name: 'a damaged Word file',
    argv: [file('j.docx', 'PK\x03\x04garbage')],
    en: 'this Word file is damaged (its end record is missing: the file is cut short or not a zip); open it in Word or WPS and save it again as .docx, or as plain text (文件 → 另存为 → “纯文本 (*.txt)”)',
    'zh-CN':
      '这个 Word 文件已损坏（its end record is missing: the file is cut short or not a zip）；请用 Word 或 WPS 打开，重新另存为 .docx 或纯文本（文件 → 另存为 → “纯文本 (*.txt)”）',
  },
  {
    name: 'a --date that does not exist',
    argv: [report, '--date', '2025-02-30'],
    en: '--date 2025-02-30: expected a date that exists, as YYYY-MM-DD or YYYY-MM',
    'zh-CN': '--date 2025-02-30：应为真实存在的日期，格式为 YYYY-MM-DD 或 YYYY-MM',
  },
  {
    name: 'an --out that exists',
    argv: [report, '--out', join(dir, 'exists.yaml')],
    en: 'already exists; a draft never overwrites a brief someone may have edited (pass --force to replace it)',
    'zh-CN': '文件已存在；草稿不会覆盖可能已被人修改过的简报（如要替换，请加上 --force）',
  },
  {
    name: 'an --out under a file',
    argv: [report, '--out', join(dir, 'blockfile', 'x', 'y.yaml')],
    en: `cannot write the draft: ${join(dir, 'blockfile')} is a file, not a folder`,
    'zh-CN': `无法写入草稿：${join(dir, 'blockfile')} 是文件，不是文件夹；请换一个输出位置`,
  },
];

describe("draft's refusals, in both languages", () => {
  for (const c of cases)
    for (const lang of ['en', 'zh-CN'] as const)
      it(`words ${c.name} in ${lang}`, async () => {
        const io = bufferIO();
        const code = await run(['draft', ...c.argv, '--lang', lang], io);
        expect(code).not.toBe(0);
        const where = c.argv[1] === '--out' ? `${c.argv[2]}: ` : c.argv[1] === '--date' ? '' : `${c.argv[0]}: `;
        expect(io.stderr.join('\n')).toBe(`${lang === 'en' ? 'error: ' : '错误：'}${where}${c[lang]}`);
      });
});
