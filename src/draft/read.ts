/**
 * Reading a report in the forms a secretary has it — text in UTF-8 or in the GB18030/GBK (or
 * Big5) of older Chinese Windows, a Word .docx, a web page saved from the browser — as the text
 * the drafter reads. What the file is, is told by its bytes first and its name second, so a
 * Word file named .txt is still known for what it is. Forms that cannot be read (.doc, .wps,
 * .pdf, .rtf, web archives) are refused with a message saying how to save them as .docx or .txt.
 */
import { extname } from 'node:path';
import { BriefdeckError } from '../errors.js';
import { msg, type Msg } from '../messages/catalogue.js';
import { decodeText, MAX_INPUT_BYTES } from '../yaml/source.js';
import { checkZip, MAX_UNPACKED_BYTES } from './zip.js';

export interface ReportText {
  /** The report's text: for a .docx or a page, the text extracted from it. */
  text: string;
  form: 'text' | 'docx' | 'html';
  /** What the reader had to decide, for the user: "read as GB18030 (GBK)" (a catalogue message
   * when it is there). */
  notes: Array<string | Msg>;
}

const SAVE_AS_WORD =
  'open it in Word or WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文档 (*.docx)” or “纯文本 (*.txt)”';
const SAVE_AS_WPS =
  'open it in WPS and save it as .docx or as plain text: 文件 → 另存为 → “Word 文件 (*.docx)” or “纯文本文件 (*.txt)”';

/** The report's text from a file's bytes; `file` names it in messages (`<stdin>` for a pipe). */
export async function readReport(bytes: Uint8Array, file: string): Promise<ReportText> {
  const ext = extname(file).toLowerCase();
  const fail = (message: string) => refuse(file, message);
  if (bytes.length === 0) fail('the file is empty (0 bytes): there is no report in it');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) fail(oldOffice(ext));
  if (startsWith(bytes, ascii('%PDF-')))
    fail(
      `this is a PDF${ext && ext !== '.pdf' ? ` with a ${ext} name` : ''}, which briefdeck cannot read; open it in Word (it converts the PDF) or WPS and save it as .docx: 文件 → 另存为 → “Word 文档 (*.docx)”, or copy its text (Ctrl+A, Ctrl+C) into a .txt file`,
    );
  if (startsWith(bytes, ascii('{\\rtf'))) fail(`this is an RTF document, which briefdeck cannot read; ${SAVE_AS_WORD}`);
  if (startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'))) return readDocx(bytes, file);
  if (/^mime-version:/i.test(new TextDecoder().decode(bytes.subarray(0, 200)).trimStart()) || /^\.mht(ml)?$/.test(ext))
    fail(
      'this is a web archive (.mht/.mhtml), which briefdeck cannot read; open it in the browser and save it as a web page, HTML only (网页，仅 HTML, .html), or copy the article into a .txt file',
    );
  const { text, notes } = decodeReport(bytes, file);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.shtml' || looksLikeHtml(text)) {
    const { articleOf, MAX_DEPTH, MAX_ELEMENTS } = await import('./html.js');
    const article = articleOf(text);
    const copy =
      'open the page in the browser, select the text of the report, copy it into a .txt file and draft from that';
    if ('problem' in article) {
      if (article.problem === 'too-many-elements')
        return fail(
          `this web page has over ${MAX_ELEMENTS.toLocaleString('en')} elements, far more than a news page; ${copy}`,
        );
      if (article.problem === 'too-deep')
        return fail(`this web page nests over ${MAX_DEPTH} levels deep, far more than a news page; ${copy}`);
      if (article.problem === 'failed') return fail(`cannot read this web page (${article.detail}); ${copy}`);
      return fail(`found no article in this web page, only menus and links; ${copy}`);
    }
    const n = article.paragraphs;
    return {
      text: article.text,
      form: 'html',
      notes: [
        ...notes,
        `took the article from the web page (${n} paragraph${n === 1 ? '' : 's'}; menus, share bars and links left out)`,
      ],
    };
  }
  if (!/[\p{L}\p{N}]/u.test(text)) fail('has no text: there is no report in it');
  return { text, form: 'text', notes };
}

function refuse(file: string, message: string): never {
  throw new BriefdeckError({ file, message });
}

function oldOffice(ext: string): string {
  if (ext === '.wps') return `this is a WPS document (.wps), which briefdeck cannot read; ${SAVE_AS_WPS}`;
  if (ext === '.docx')
    return `this Word file is password-protected or in the old .doc format, which briefdeck cannot read; open it in Word or WPS, remove any password and save it as .docx (文件 → 另存为 → “Word 文档 (*.docx)”) or as plain text (“纯文本 (*.txt)”)`;
  const named = ext && ext !== '.doc' ? ` with a ${ext} name` : '';
  return `this is a Word 97-2003 document (.doc)${named}, which briefdeck cannot read; ${SAVE_AS_WORD}`;
}

async function readDocx(bytes: Uint8Array, file: string): Promise<ReportText> {
  const fail = (message: string) => refuse(file, message);
  const again =
    'open it in Word or WPS and save it again as .docx, or as plain text (文件 → 另存为 → “纯文本 (*.txt)”)';
  const zip = checkZip(bytes);
  if (!zip.ok) {
    if (zip.kind === 'encrypted') fail(`this zip file is password-protected; ${again}`);
    if (zip.kind === 'too-big')
      fail(
        `this file would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB (at ${zip.entry}); a report's Word file unpacks to a few MB, so it is damaged or built to exhaust memory, and is not read`,
      );
    if (zip.kind === 'damaged') fail(`this Word file is damaged (${zip.detail}); ${again}`);
  }
  const names = new Set(zip.ok ? zip.entries.map((e) => e.name) : []);
  if (!names.has('word/document.xml'))
    fail(
      `this is a zip file but not a Word document (it has no word/document.xml); give the report as .docx, .txt or .html`,
    );
  const mammoth = (await import('mammoth')).default;
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }))
      .value;
  } catch (e) {
    // mammoth's own words for what it could not read, then what to do.
    return fail(`cannot read this Word file (${(e as Error).message.split('\n')[0]}); ${again}`);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) fail('this Word document has no text: there is no report in it');
  // No more text than a .txt report may hold.
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES)
    fail(
      `the text of this Word document is over ${MAX_INPUT_BYTES / 1024 / 1024} MB; the limit for a report is ${MAX_INPUT_BYTES / 1024 / 1024} MB (${MAX_INPUT_BYTES.toLocaleString('en')} bytes)`,
    );
  return { text: text, form: 'docx', notes: [] };
}

/**
 * Text in UTF-8 (with or without a BOM), UTF-16 with a BOM, or — when it is not UTF-8 — the
 * GB18030 (GBK, GB2312) of Chinese Windows, or Big5; otherwise the refusal `decodeText` gives.
 */
function decodeReport(bytes: Uint8Array, file: string): { text: string; notes: Msg[] } {
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : '';
  if (bom16) {
    const text = tryDecode(bytes, bom16);
    if (text !== undefined) return { text, notes: [msg('draft.readAsUtf16')] };
  }
  if (bytes.indexOf(0) < 0) {
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== undefined) return { text: utf8, notes: [] };
    if (!mostlyUtf8(bytes)) {
      for (const [encoding, label] of [
        ['gb18030', 'GB18030 (GBK)'],
        ['big5', 'Big5'],
      ] as const) {
        const text = tryDecode(bytes, encoding);
        if (text !== undefined && readsAsChinese(text))
          return { text, notes: [msg('draft.readAs', { encoding: label })] };
      }
    }
  }
  // Binary, UTF-16 without a BOM, or broken UTF-8: refused with the message for briefs.
  return { text: decodeText(bytes, file), notes: [] };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined; // not in this encoding (or a Node built without it)
  }
}

/**
 * True when most bytes above 0x7F form valid UTF-8 sequences: a UTF-8 file with a few bad
 * bytes, to be refused where it breaks, not read as GBK gibberish.
 */
function mostlyUtf8(b: Uint8Array): boolean {
  let high = 0;
  let valid = 0;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : 0;
    let ok = n > 0;
    for (let k = 1; ok && k <= n; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    const len = ok ? n + 1 : 1;
    high += len;
    if (ok) valid += len;
    i += len;
  }
  return valid * 2 > high;
}

/**
 * Chinese as people write it: almost no characters that only a wrong guess of the encoding
 * gives (Japanese kana, Greek, Cyrillic, box drawing, Hangul, private use — what Big5 read as
 * GBK, or GBK as Big5, is full of).
 */
function readsAsChinese(text: string): boolean {
  let wide = 0;
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    wide++;
    if (
      (c >= 0x0370 && c <= 0x052f) || // Greek, Cyrillic
      (c >= 0x2500 && c <= 0x257f) || // box drawing
      (c >= 0x3040 && c <= 0x30ff) || // kana
      (c >= 0x3100 && c <= 0x312f) || // bopomofo
      (c >= 0x3400 && c <= 0x4dbf) || // rare CJK (extension A)
      (c >= 0xac00 && c <= 0xd7af) || // Hangul
      (c >= 0xe000 && c <= 0xf8ff) // private use
    )
      odd++;
  }
  return wide > 0 && odd <= wide * 0.02;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const startsWith = (b: Uint8Array, prefix: number[]) => prefix.every((x, i) => b[i] === x);
