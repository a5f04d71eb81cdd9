/**
 * `briefdeck draft` on the report in every form a secretary has it: the same draft from the
 * text in UTF-8, GB18030 or UTF-16, from a Word .docx and from the page saved from the city's
 * site; and a clear message, exit 1 and no draft for each form it cannot read.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftCommand } from '../../src/cli/draft.js';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { documentXml, encode, makeDocx, makeZip, patchDeclaredSize } from '../helpers/report-files.js';

const SEED = 'tests/fixtures/draft/shanghai-2025-01.txt';
const SEED_HTML = 'tests/fixtures/draft/forms/shanghai-2025-01.html';
const TRADITIONAL = 'tests/fixtures/draft/traditional.txt';
const seedText = readFileSync(SEED, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'briefdeck-draft-inputs-'));

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** A file in the test's folder. */
function file(name: string, bytes: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The draft without the lines that name where it came from (file name, the page's headline). */
const body = (yaml: string) =>
  yaml
    .split('\n')
    .filter((l) => !/^# (briefdeck draft 起草自|报道标题：)/.test(l))
    .join('\n');

async function draft(path: string) {
  const r = await cli('draft', path, '--date', '2025-01');
  expect(r.err, path).not.toMatch(/^error:/m);
  expect(r.code, path).toBe(0);
  return r;
}

describe('the same draft from the report in any form', () => {
  let expected: string;
  beforeAll(async () => {
    expected = body((await draft(SEED)).out);
  });

  it('a Word .docx, a paragraph each, drafts exactly as the text', async () => {
    const docx = file('seed.docx', await makeDocx(seedText.split('\n').filter((l) => l.trim())));
    const r = await draft(docx);
    expect(body(r.out)).toBe(expected);
    expect(r.err).not.toContain('note:');
  });

  it('the page saved from the site drafts exactly as the text, with its headline; menus, share bar and links left out', async () => {
    const r = await draft(SEED_HTML);
    expect(body(r.out)).toBe(expected);
    expect(r.out).toContain('# 报道标题：新年首次市委季度工作会议举行');
    for (const furniture of ['当前位置', '分享到', '打印本页', '相关新闻', '热点专题', '沪ICP备', '脚本写出', '_hmt'])
      expect(r.out, furniture).not.toContain(furniture);
    expect(r.err).toContain(
      `note: ${SEED_HTML}: took the article from the web page (10 paragraphs; menus, share bars and links left out)`,
    );
  });

  it('the page saved in GB2312, as many government sites serve it, drafts the same', async () => {
    const html = readFileSync(SEED_HTML, 'utf8').replace('charset=UTF-8', 'charset=gb2312');
    const r = await draft(file('seed-gb.htm', encode(html, 'gb18030')));
    expect(body(r.out)).toBe(expected);
    expect(r.err).toContain('read as GB18030 (GBK), not UTF-8');
  });

  it('text in GB18030 (GBK) drafts the same, with a note saying how it was read', async () => {
    const path = file('seed-gbk.txt', encode(seedText, 'gb18030'));
    const r = await draft(path);
    expect(body(r.out)).toBe(expected);
    expect(r.err.split('\n')[0]).toBe(`note: ${path}: read as GB18030 (GBK), not UTF-8`);
  });

  it("UTF-16 with a BOM (Notepad's “Unicode”) drafts the same", async () => {
    const path = file('seed-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]));
    const r = await draft(path);
    expect(body(r.out)).toBe(expected);
    expect(r.err).toContain(`note: ${path}: read as UTF-16 (Unicode) text`);
  });

  it('a Word file piped to stdin drafts the same', async () => {
    const bytes = await makeDocx(seedText.split('\n').filter((l) => l.trim()));
    const io = bufferIO();
    const code = await draftCommand({ report: '-', suggest: true, date: '2025-01' }, io, async function* () {
      yield bytes;
    });
    expect(code).toBe(0);
    expect(body(io.stdout.join('\n'))).toBe(expected);
  });

  it('traditional text in Big5 drafts as the same text in UTF-8', async () => {
    const utf8 = body((await draft(TRADITIONAL)).out);
    const path = file('traditional-big5.txt', encode(readFileSync(TRADITIONAL, 'utf8'), 'big5'));
    const r = await draft(path);
    expect(body(r.out)).toBe(utf8);
    expect(r.err).toContain(`note: ${path}: read as Big5, not UTF-8`);
  });

  it('every string of the .docx and .html drafts is a span of the text extracted from them', async () => {
    for (const path of [SEED_HTML, join(dir, 'seed.docx')]) {
      const { readReport } = await import('../../src/draft/index.js');
      const { text } = await readReport(readFileSync(path), path);
      const d = parse((await draft(path)).out) as unknown;
      const strings = (v: unknown): string[] =>
        typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
      for (const s of strings(d).filter((s) => s !== 'zh-CN' && s !== '2025-01'))
        expect(text.includes(s), `${path}: ${s}`).toBe(true);
    }
  });
});

describe('forms it cannot read: what to do, exit 1, no draft', () => {
  const OLE2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
  const SAVE_WORD =
    'open it in Word or WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文档 (*.docx)” or “纯文本 (*.txt)”';
  const AGAIN =
    'open it in Word or WPS and save it again as .docx, or as plain text (文件 → 另存为 → “纯文本 (*.txt)”)';
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await makeZip({
      'word/document.xml': documentXml(['会议今天举行。']),
      'word/media/image1.png': new Uint8Array(21 * 1024 * 1024),
    });
  });

  const cases: [string, () => Promise<Uint8Array | string> | Uint8Array | string, string][] = [
    ['report.doc', () => OLE2, `this is a Word 97-2003 document (.doc), which briefdeck cannot read; ${SAVE_WORD}`],
    [
      'report.wps',
      () => OLE2,
      'this is a WPS document (.wps), which briefdeck cannot read; open it in WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文件 (*.docx)” or “纯文本文件 (*.txt)”',
    ],
    [
      'renamed-doc.txt',
      () => OLE2,
      `this is a Word 97-2003 document (.doc) with a .txt name, which briefdeck cannot read; ${SAVE_WORD}`,
    ],
    [
      'protected.docx',
      () => OLE2,
      'this Word file is password-protected or in the old .doc format, which briefdeck cannot read; open it in Word or WPS, remove any password and save it as .docx (文件 → 另存为 → “Word 文档 (*.docx)”) or as plain text (“纯文本 (*.txt)”)',
    ],
    [
      'report.pdf',
      () => '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n',
      'this is a PDF, which briefdeck cannot read; open it in Word (it converts the PDF) or WPS and save it as .docx: 文件 → 另存为 → “Word 文档 (*.docx)”, or copy its text (Ctrl+A, Ctrl+C) into a .txt file',
    ],
    [
      'report.rtf',
      () => '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} 会议}',
      `this is an RTF document, which briefdeck cannot read; ${SAVE_WORD}`,
    ],
    [
      'page.mhtml',
      () => 'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\r\n',
      'this is a web archive (.mht/.mhtml), which briefdeck cannot read; open it in the browser and save it as a web page, HTML only (网页，仅 HTML, .html), or copy the article into a .txt file',
    ],
    ['empty.docx', () => '', 'the file is empty (0 bytes): there is no report in it'],
    ['empty.txt', () => '', 'the file is empty (0 bytes): there is no report in it'],
    ['blank.txt', () => ' \n\u3000\r\n\n', 'has no text: there is no report in it'],
    ['no-text.docx', () => makeDocx(['', ' ']), 'this Word document has no text: there is no report in it'],
    [
      'corrupt.docx',
      () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(300, 0x5a)]),
      `this Word file is damaged (its end record is missing: the file is cut short or not a zip); ${AGAIN}`,
    ],
    [
      'cut-short.docx',
      async () => (await makeDocx(['会议今天举行。'])).subarray(0, 200),
      `this Word file is damaged (its end record is missing: the file is cut short or not a zip); ${AGAIN}`,
    ],
    [
      'garbled.docx',
      async () => {
        const zip = await makeDocx([seedText]);
        const at = zip.indexOf('word/document.xml') + 'word/document.xml'.length;
        zip.fill(0xff, at + 10, at + 60); // inside the deflated document
        return zip;
      },
      `this Word file is damaged (part word/document.xml cannot be unpacked); ${AGAIN}`,
    ],
    [
      'long.docx',
      () => makeDocx(Array.from({ length: 4000 }, () => seedText.slice(0, 500))),
      'the text of this Word document is over 5 MB; the limit for a report is 5 MB (5,242,880 bytes)',
    ],
    [
      'workbook.docx',
      () => makeZip({ 'xl/workbook.xml': '<workbook/>' }),
      'this is a zip file but not a Word document (it has no word/document.xml); give the report as .docx, .txt or .html',
    ],
    [
      'bomb.docx',
      () => bomb,
      "this file would unpack to more than 20 MB (at word/media/image1.png); a report's Word file unpacks to a few MB, so it is damaged or built to exhaust memory, and is not read",
    ],
    [
      'lying-bomb.docx',
      () => patchDeclaredSize(bomb, 'word/media/image1.png', 1000),
      "this file would unpack to more than 20 MB (at word/media/image1.png); a report's Word file unpacks to a few MB, so it is damaged or built to exhaust memory, and is not read",
    ],
    [
      'index.html',
      () =>
        '<!DOCTYPE html><html><head><title>要闻动态_上海市人民政府</title></head><body><nav><a href="/">首页</a> <a href="/a">要闻动态</a></nav><ul>' +
        Array.from(
          { length: 20 },
          (_, i) =>
            `<li><a href="/n/${i}.html">市委召开第${i + 1}次季度工作会议</a><span>2025-01-0${i % 9}</span></li>`,
        ).join('') +
        '</ul><div class="footer">沪ICP备05002066号</div></body></html>',
      'found no article in this web page, only menus and links; open the page in the browser, select the text of the report, copy it into a .txt file and draft from that',
    ],
    [
      'huge.html',
      () => `<html><body>${'<div><a href="/n">新闻标题</a></div>'.repeat(16_000)}<p>${seedText}</p></body></html>`,
      'this web page has over 30,000 elements, far more than a news page; open the page in the browser, select the text of the report, copy it into a .txt file and draft from that',
    ],
    [
      'deep.html',
      () => `<html><body>${'<div>'.repeat(600)}<p>${seedText}</p>${'</div>'.repeat(600)}</body></html>`,
      'this web page nests over 500 levels deep, far more than a news page; open the page in the browser, select the text of the report, copy it into a .txt file and draft from that',
    ],
    [
      'broken-utf8.txt',
      () =>
        Buffer.concat([Buffer.from('会议今天举行。\n会上，'), Buffer.from([0xe4, 0xb8]), Buffer.from('甲区发言。\n')]),
      // positioned, like a brief's: where the bytes break
      '',
    ],
  ];

  it.each(cases)('%s', async (name, make, message) => {
    const path = file(name, await make());
    const out = join(dir, `${name}.yaml`);
    const r = await cli('draft', path, '--date', '2025-01', '--out', out);
    expect(r.code).toBe(1);
    if (message) expect(r.err).toBe(`error: ${path}: ${message}`);
    else expect(r.err).toBe(`error: ${path}:2:4: invalid UTF-8: save the file as UTF-8 text`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('a PDF piped to stdin is refused too', async () => {
    const io = bufferIO();
    await expect(
      draftCommand({ report: '-', suggest: true }, io, async function* () {
        yield Buffer.from('%PDF-1.4\n');
      }),
    ).rejects.toThrow(/^<stdin>: this is a PDF, which briefdeck cannot read/);
  });
});
